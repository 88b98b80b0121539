-- Spirit schema version 6 for H2: kiosk devices' credentials (Kiosks), one row per issued token.
-- The whole credential (name, SHA-256 of the secret, times) is Spirit's canonical JSON in
-- record_json; the secret itself is never stored. seq keeps the order tokens were issued in.
-- Idempotent like every H2 script: two instances that start at once may both run it.

CREATE TABLE IF NOT EXISTS spirit_kiosks (
  id           VARCHAR(16) PRIMARY KEY,
  seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  name         VARCHAR(64) NOT NULL,
  record_json  CHARACTER VARYING NOT NULL
);
