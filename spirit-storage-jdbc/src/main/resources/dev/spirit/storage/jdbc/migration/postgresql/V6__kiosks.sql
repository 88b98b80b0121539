-- Spirit schema version 6 for PostgreSQL: kiosk devices' credentials (Kiosks), one row per issued
-- token. The whole credential (name, SHA-256 of the secret, times) is Spirit's canonical JSON in
-- record_json; the secret itself is never stored. seq keeps the order tokens were issued in.

CREATE TABLE spirit_kiosks (
  id           VARCHAR(16) PRIMARY KEY,
  seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  name         VARCHAR(64) NOT NULL,
  record_json  TEXT NOT NULL
);
