package dev.spirit.storage.jdbc;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The plain DDL for DBAs who apply schemas by hand, generated from the migrations that {@link
 * JdbcStore} applies itself, so the migrations stay the one schema source. The script creates
 * {@code spirit_schema_version}, runs every migration in version order and records each one with
 * the SHA-256 of its script, which tells the store on start that the schema is up to date.
 *
 * <p>Print it with {@code java -cp spirit-storage-jdbc.jar dev.spirit.storage.jdbc.SchemaScript
 * postgresql > spirit-schema.sql} (or {@code h2}, {@code mariadb}) and run it once, in one
 * transaction, in the schema the application uses (on MariaDB, whose DDL commits implicitly, in the
 * database the application uses).
 */
public final class SchemaScript {
  private SchemaScript() {}

  /**
   * The whole script for a dialect.
   *
   * @param dialect the database
   * @return the DDL, statements ending with a semicolon at the end of a line
   */
  public static String forDialect(Dialect dialect) {
    String now =
        switch (dialect) {
          case H2 -> "CURRENT_TIMESTAMP";
          case POSTGRESQL -> "now()";
          case MARIADB -> "UTC_TIMESTAMP(6)";
        };
    StringBuilder sql = new StringBuilder();
    sql.append("-- Spirit schema for ")
        .append(dialect.name())
        .append(", version ")
        .append(Migrations.latestVersion())
        .append(", generated from the migrations by SchemaScript.\n")
        .append(
            dialect == Dialect.MARIADB
                ? "-- Run it once in the database the application uses (MariaDB commits every DDL"
                    + " statement\n-- by itself, so there is no one transaction to run it in).\n\n"
                : "-- Run it once, in one transaction, in the schema the application uses.\n\n")
        .append(Migrations.versionTableDdl(dialect))
        .append(";\n");
    for (Migrations.Migration m : Migrations.ALL) {
      sql.append("\n-- ---- ").append(m.resource(dialect)).append(" ----\n");
      for (String statement : Migrations.statements(Migrations.script(m, dialect))) {
        sql.append(statement).append(";\n");
      }
    }
    sql.append('\n');
    for (Migrations.Migration m : Migrations.ALL) {
      sql.append("INSERT INTO spirit_schema_version (version, description, checksum, applied_at)")
          .append(" VALUES (")
          .append(m.version())
          .append(", '")
          .append(m.name())
          .append("', '")
          .append(Migrations.checksum(Migrations.script(m, dialect)))
          .append("', ")
          .append(now)
          .append(");\n");
    }
    return sql.toString();
  }

  /**
   * Prints the script of the dialect named by the only argument ({@code h2}, {@code postgresql} or
   * {@code mariadb}) to standard output.
   *
   * @param args the dialect's name
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length != 1) {
      System.err.println("usage: SchemaScript h2|postgresql|mariadb");
      System.exit(2);
      return;
    }
    String wanted = args[0].toLowerCase(Locale.ROOT);
    for (Dialect dialect : Dialect.values()) {
      if (dialect.resourceName().equals(wanted)) {
        out.print(forDialect(dialect));
        return;
      }
    }
    System.err.println("unknown dialect '" + args[0] + "': use h2, postgresql or mariadb");
    System.exit(2);
  }
}
