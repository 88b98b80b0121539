package dev.spirit.benchmarks.jdbc;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SpiritStores;
import dev.spirit.storage.file.Durability;
import dev.spirit.storage.file.FileStore;
import dev.spirit.storage.file.FileStoreOptions;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Opens the stores the JDBC benchmarks compare: the in-memory reference, the file backend ({@link
 * FileStore} with {@link Durability#SYNC}: acknowledged means fsynced), H2 in a file (the embedded
 * default), PostgreSQL from {@code SPIRIT_BENCH_PG_URL} (a fresh schema per trial, dropped after)
 * and MariaDB from {@code SPIRIT_BENCH_MARIADB_URL} (a fresh database per trial, dropped after;
 * {@code scripts/with-mariadb.sh} sets it).
 */
final class BenchStores {
  static final String PG_ENV = "SPIRIT_BENCH_PG_URL";
  static final String MARIADB_ENV = "SPIRIT_BENCH_MARIADB_URL";

  private static final String[] WORDS = {
    "耿直", "火辣", "包容", "坚韧", "山城", "热情", "开放", "创新", "巴渝", "豪爽"
  };
  private static final String[] DISTRICTS = {"yuzhong", "jiangbei", "wanzhou", "shapingba"};

  private BenchStores() {}

  /** An open store and how to clean up after it. */
  static final class Opened implements AutoCloseable {
    final SpiritStore store;
    private final Runnable cleanup;

    Opened(SpiritStore store, Runnable cleanup) {
      this.store = store;
      this.cleanup = cleanup;
    }

    @Override
    public void close() {
      try {
        store.close();
      } finally {
        cleanup.run();
      }
    }
  }

  static Opened open(String backend) {
    switch (backend) {
      case "memory":
        return new Opened(new InMemoryStore(), () -> {});
      case "file":
        try {
          Path dir = Files.createTempDirectory("spirit-bench-file");
          SpiritStore store =
              FileStore.open(FileStoreOptions.builder(dir).durability(Durability.SYNC).build());
          return new Opened(store, () -> deleteTree(dir));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      case "h2":
        try {
          Path dir = Files.createTempDirectory("spirit-bench-h2");
          SpiritStore store = SpiritStores.open("jdbc:h2:file:" + dir.resolve("spirit"));
          return new Opened(store, () -> deleteTree(dir));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      case "postgresql":
        String url = System.getenv(PG_ENV);
        if (url == null || url.isBlank()) {
          String message =
              PG_ENV
                  + " is not set: the PostgreSQL benchmark is SKIPPED. Run it through"
                  + " scripts/with-postgres.sh or point "
                  + PG_ENV
                  + " at a PostgreSQL JDBC URL.";
          System.err.println("#### " + message);
          throw new IllegalStateException(message);
        }
        String schema =
            "spirit_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, "CREATE SCHEMA " + schema);
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Opened(
            SpiritStores.open(withSchema),
            () -> execute(url, "DROP SCHEMA " + schema + " CASCADE"));
      case "mariadb":
        String server = System.getenv(MARIADB_ENV);
        if (server == null || server.isBlank()) {
          String message =
              MARIADB_ENV
                  + " is not set: the MariaDB benchmark is SKIPPED. Run it through"
                  + " scripts/with-mariadb.sh or point "
                  + MARIADB_ENV
                  + " at a jdbc:mariadb:// URL.";
          System.err.println("#### " + message);
          throw new IllegalStateException(message);
        }
        String database =
            "spirit_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, "CREATE DATABASE " + database);
        return new Opened(
            SpiritStores.open(withDatabase(server, database)),
            () -> execute(server, "DROP DATABASE " + database));
      default:
        throw new IllegalArgumentException("unknown backend " + backend);
    }
  }

  static Campaign campaign(SpiritStore store) {
    return store.insertCampaign(
        Campaign.builder("bench-" + System.nanoTime())
            .title("重庆城市精神", "Spirit of Chongqing City")
            .prompt("用一个词形容重庆", "Describe Chongqing in one word")
            .districts(DISTRICTS)
            .allChannels()
            .build());
  }

  /** A realistic card: a keyword from one of many participants, with an idempotency key. */
  static Submission submission(CampaignId campaign, long n, SubmissionStatus status) {
    Instant now = Instant.now();
    return Submission.builder()
        .id(SubmissionId.generate(now))
        .campaignId(campaign)
        .kind(SubmissionKind.KEYWORD)
        .text(WORDS[(int) (n % WORDS.length)] + " " + WORDS[(int) ((n / 7) % WORDS.length)])
        .language(Language.ZH)
        .district(District.of(DISTRICTS[(int) (n % DISTRICTS.length)]))
        .channel(Channel.values()[(int) (n % Channel.values().length)])
        .collectionPoint(Optional.of("mailbox-" + (n % 300)))
        .participant(new Participant(ParticipantId.of("card-" + (n % 50_000)), Role.RESIDENT, true))
        .receivedAt(now)
        .status(status)
        .idempotencyKey(Optional.of(IdempotencyKey.of("import-" + n)))
        .build();
  }

  /** {@code jdbc:mariadb://host:port/<database>?options} from a URL naming another database. */
  static String withDatabase(String url, String database) {
    int hostStart = url.indexOf("//") + 2;
    int query = url.indexOf('?', hostStart);
    String head = query < 0 ? url : url.substring(0, query);
    int path = head.indexOf('/', hostStart);
    return (path < 0 ? head : head.substring(0, path))
        + "/"
        + database
        + (query < 0 ? "" : url.substring(query));
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(sql); // generated schema and database names only
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot run '" + sql + "' on the benchmark database: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
