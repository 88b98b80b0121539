-- Spirit schema version 6 for MariaDB (10.6+) and MySQL 8: kiosk devices' credentials (Kiosks), one
-- row per issued token. The whole credential (name, SHA-256 of the secret, times) is Spirit's
-- canonical JSON in record_json; the secret itself is never stored. seq keeps the order tokens were
-- issued in.

CREATE TABLE IF NOT EXISTS spirit_kiosks (
  id           CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  seq          BIGINT NOT NULL AUTO_INCREMENT UNIQUE,
  name         VARCHAR(64) NOT NULL,
  record_json  LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
