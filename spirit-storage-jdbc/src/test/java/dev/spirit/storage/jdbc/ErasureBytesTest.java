package dev.spirit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.spirit.campaign.Campaign;
import dev.spirit.storage.tck.ErasureProbe;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.Submission;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure read below the API: every row of every Spirit table, a {@code pg_dump} of the schema, and
 * the bytes of an H2 database file after {@code SHUTDOWN COMPACT}. Each check first finds the
 * planted markers before the erasure, so a reader that could not see them would fail it.
 */
@DisplayName("JDBC erasure: nothing of the participant in any table, dump or compacted file")
class ErasureBytesTest {
  static final List<String> TABLES =
      List.of(
          "spirit_campaigns",
          "spirit_submissions",
          "spirit_participant_counts",
          "spirit_reactions",
          "spirit_audit");

  /** Every value of every row of every Spirit table, as text. */
  static String everyRow(DataSource db) throws SQLException {
    StringBuilder all = new StringBuilder();
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              all.append(rs.getString(i)).append('\t');
            }
            all.append('\n');
          }
        }
      }
    }
    return all.toString();
  }

  static void assertErasedEverywhere(JdbcStore store, DataSource db) throws SQLException {
    ErasureProbe probe = ErasureProbe.plant(store, 5);
    assertThat(probe.foundIn(everyRow(db))).hasSize(probe.markers().size());
    assertThat(store.eraseParticipant(probe.participant())).isEqualTo(2);
    assertThat(probe.foundIn(everyRow(db))).isEmpty();
    assertKept(store, probe);
  }

  static void assertKept(JdbcStore store, ErasureProbe probe) {
    for (Submission s : probe.kept()) {
      assertThat(store.find(s.id())).contains(s);
    }
    try (Stream<AuditEntry> audit = store.streamAudit(probe.campaigns().get(0).id())) {
      assertThat(audit).singleElement().extracting(AuditEntry::reason).isEqualTo("erased");
    }
  }

  @Nested
  @DisplayName("on H2")
  class OnH2 {
    @TempDir Path dir;

    @Test
    @DisplayName("no table row holds any marker once eraseParticipant returns")
    void rows() throws Exception {
      JdbcDataSource db = new JdbcDataSource();
      db.setURL("jdbc:h2:mem:erasure-rows-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      try (JdbcStore store = JdbcStore.open(db)) {
        assertErasedEverywhere(store, db);
      }
    }

    @Test
    @DisplayName(
        "the database file holds the markers before erasure and none after erasure and SHUTDOWN"
            + " COMPACT")
    void compactedFile() throws Exception {
      JdbcDataSource db = new JdbcDataSource();
      db.setURL("jdbc:h2:file:" + dir.resolve("spirit").toAbsolutePath());
      Path file = dir.resolve("spirit.mv.db");
      ErasureProbe probe;
      try (Connection keepOpen = db.getConnection();
          JdbcStore store = JdbcStore.open(db)) {
        probe = ErasureProbe.plant(store, 5);
        execute(keepOpen, "CHECKPOINT SYNC");
        assertThat(inH2File(probe, file))
            .as("the planted data is in the file")
            .hasSize(probe.markers().size());
        store.eraseParticipant(probe.participant());
        execute(keepOpen, "SHUTDOWN COMPACT");
      }
      assertThat(inH2File(probe, file)).isEmpty();
      try (JdbcStore store = JdbcStore.open(db)) {
        assertKept(store, probe);
      }
    }

    @Test
    @DisplayName("a purge of both campaigns leaves no marker in any table row")
    void purgeRows() throws Exception {
      JdbcDataSource db = new JdbcDataSource();
      db.setURL("jdbc:h2:mem:erasure-purge-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      try (JdbcStore store = JdbcStore.open(db)) {
        ErasureProbe probe = ErasureProbe.plant(store, 5);
        assertThat(probe.foundIn(everyRow(db))).hasSize(probe.markers().size());
        for (Campaign c : probe.campaigns()) {
          assertThat(store.eraseSubmissions(c.id())).isEqualTo(6);
        }
        assertThat(probe.foundIn(everyRow(db))).isEmpty();
      }
    }
  }

  @Nested
  @DisplayName("on PostgreSQL")
  class OnPostgres {
    private @Nullable String url;
    private @Nullable String schema;
    private @Nullable HikariDataSource pool;

    @BeforeEach
    void connect() throws Exception {
      url = PostgresTestDatabase.requireUrl("ErasureBytesTest (erasure on PostgreSQL)");
      schema = PostgresTestDatabase.createSchema(url);
      pool = PostgresTestDatabase.pool(url, schema, 2);
    }

    @AfterEach
    void drop() throws Exception {
      if (pool != null) {
        pool.close();
        PostgresTestDatabase.dropSchema(url, schema);
      }
    }

    @Test
    @DisplayName("no table row holds any marker once eraseParticipant returns")
    void rows() throws Exception {
      try (JdbcStore store = JdbcStore.open(pool)) {
        assertErasedEverywhere(store, pool);
      }
    }

    @Test
    @DisplayName("a pg_dump of the schema holds the markers before erasure and none after")
    void dump() throws Exception {
      Optional<Path> pgDump = pgDump();
      assumeTrue(pgDump.isPresent(), "no pg_dump under /usr/lib/postgresql/*/bin");
      try (JdbcStore store = JdbcStore.open(pool)) {
        ErasureProbe probe = ErasureProbe.plant(store, 5);
        assertThat(probe.foundIn(dump(pgDump.get()))).hasSize(probe.markers().size());
        store.eraseParticipant(probe.participant());
        assertThat(probe.foundIn(dump(pgDump.get()))).isEmpty();
      }
    }

    private String dump(Path pgDump) throws IOException, InterruptedException {
      // jdbc:postgresql://host:port/db?user=name
      URI uri = URI.create(url.substring("jdbc:".length()));
      String user = "postgres";
      if (uri.getQuery() != null) {
        for (String param : uri.getQuery().split("&")) {
          if (param.startsWith("user=")) {
            user = param.substring("user=".length());
          }
        }
      }
      List<String> command = new ArrayList<>();
      command.add(pgDump.toString());
      command.addAll(
          List.of(
              "-h",
              uri.getHost(),
              "-p",
              Integer.toString(uri.getPort()),
              "-U",
              user,
              "-n",
              schema.toLowerCase(Locale.ROOT),
              "--data-only",
              uri.getPath().substring(1)));
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      byte[] out = p.getInputStream().readAllBytes();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("pg_dump exit code").isZero();
      return new String(out, StandardCharsets.UTF_8);
    }

    private static Optional<Path> pgDump() throws IOException {
      Path root = Path.of("/usr/lib/postgresql");
      if (!Files.isDirectory(root)) {
        return Optional.empty();
      }
      try (Stream<Path> versions = Files.list(root)) {
        return versions
            .map(v -> v.resolve("bin/pg_dump"))
            .filter(Files::isExecutable)
            .max(Path::compareTo);
      }
    }
  }

  /**
   * The markers in an H2 database file, searched both as UTF-8 and as H2's MVStore writes strings
   * (like UTF-8, but the continuation bytes lack their high bits), which is how the CJK markers
   * appear there.
   */
  static List<String> inH2File(ErasureProbe probe, Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    List<String> found = new ArrayList<>(probe.foundIn(bytes));
    probe
        .markers()
        .forEach(
            (label, marker) -> {
              if (!found.contains(label)
                  && latin.contains(
                      new String(mvStoreBytes(marker), StandardCharsets.ISO_8859_1))) {
                found.add(label);
              }
            });
    return found;
  }

  /** A string as H2's {@code DataUtils.writeStringData} encodes it. */
  static byte[] mvStoreBytes(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      int c = s.charAt(i);
      if (c < 0x80) {
        out.write(c);
      } else if (c >= 0x800) {
        out.write(0xe0 | (c >> 12));
        out.write((c >> 6) & 0x3f);
        out.write(c & 0x3f);
      } else {
        out.write(0xc0 | (c >> 6));
        out.write(c & 0x3f);
      }
    }
    return out.toByteArray();
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
