-- Spirit schema version 3 for MariaDB (10.6+) and MySQL 8: campaign lexicons, one row per revision
-- (JdbcLexicons). The whole revision (layers, version, time, author) is Spirit's canonical JSON in
-- record_json; the other columns are copies for people reading the table. The primary key makes
-- two concurrent attaches of one revision store exactly one. attached_at holds UTC.

CREATE TABLE IF NOT EXISTS spirit_lexicons (
  campaign_id  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  revision     BIGINT NOT NULL,
  version      VARCHAR(200) NOT NULL,
  attached_at  DATETIME(6) NOT NULL,
  attached_by  VARCHAR(128) NOT NULL,
  record_json  LONGTEXT NOT NULL,
  PRIMARY KEY (campaign_id, revision)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
