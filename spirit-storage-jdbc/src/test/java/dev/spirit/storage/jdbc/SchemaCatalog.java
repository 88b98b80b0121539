package dev.spirit.storage.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a database's catalog says about the schema a connection works in, as sorted, readable lines
 * ("facts") that two databases of one dialect can be compared by: relations, columns (type,
 * nullability, default, identity), primary keys, unique constraints, foreign keys, check
 * constraints and indexes (columns in order, direction, uniqueness). Names are lower-cased; column
 * positions are renumbered 1..n per table, because PostgreSQL keeps the gaps that dropped columns
 * leave, which a migrated database may have and a freshly created one never has.
 *
 * <p>Portable parts come from {@link DatabaseMetaData} and {@code information_schema}; check
 * constraints come from each dialect's own catalog, because PostgreSQL's {@code information_schema}
 * also lists every {@code NOT NULL} as a check named after table OIDs, which differ between any two
 * schemas (nullability is compared through the columns instead).
 *
 * <p>MariaDB keeps tables in databases (JDBC catalogs), not schemas: there the connection's catalog
 * is described, columns with MariaDB's own column type, character set and collation (its {@code
 * information_schema.columns} has no identity columns; {@code auto_increment} shows in the extra
 * attributes), and check constraints from its {@code information_schema.check_constraints}.
 *
 * <p>Constraint and index names are part of the facts, H2's generated ones ({@code constraint_1c},
 * {@code primary_key_5}, ...) included: they are equal today for the plain DDL and the migrations.
 * Should a legitimate change of the plain DDL (say, one consolidated statement per table) ever make
 * H2 generate different names, normalise those names here rather than compare less.
 */
final class SchemaCatalog {
  private SchemaCatalog() {}

  /**
   * Reads the schema the connection works in.
   *
   * @param c a connection whose current schema is the one to describe
   * @param dialect its dialect
   * @return the facts, sorted
   */
  static List<String> describe(Connection c, Dialect dialect) throws SQLException {
    boolean mariaDb = dialect == Dialect.MARIADB;
    String schema = mariaDb ? c.getCatalog() : c.getSchema();
    // MariaDB's driver takes the database as the catalog argument of DatabaseMetaData.
    Where where = mariaDb ? new Where(schema, null) : new Where(null, schema);
    DatabaseMetaData meta = c.getMetaData();
    TreeSet<String> facts = new TreeSet<>();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(where.catalog(), where.schema(), "%", null)) {
      while (rs.next()) {
        String type = lower(rs.getString("TABLE_TYPE"));
        String name = rs.getString("TABLE_NAME");
        if (type.equals("index")) {
          continue; // PostgreSQL lists indexes as relations too; they are described below
        }
        facts.add(type + " " + lower(name));
        if (type.endsWith("table")) {
          tables.add(name);
        }
      }
    }
    if (mariaDb) {
      mariaDbColumns(c, schema, facts);
    } else {
      columns(c, schema, facts);
    }
    uniqueConstraints(c, schema, facts, !mariaDb);
    checkConstraints(c, dialect, schema, facts);
    for (String table : tables) {
      primaryKey(meta, where, table, facts);
      foreignKeys(meta, where, table, facts);
      indexes(meta, where, table, facts);
    }
    return List.copyOf(facts);
  }

  /** The catalog and schema arguments of {@link DatabaseMetaData} calls. */
  private record Where(@Nullable String catalog, @Nullable String schema) {}

  private static void mariaDbColumns(Connection c, String schema, TreeSet<String> facts)
      throws SQLException {
    Map<String, SortedMap<Integer, String>> byTable = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT table_name, column_name, ordinal_position, column_type, character_set_name,"
                + " collation_name, is_nullable, column_default, extra"
                + " FROM information_schema.columns WHERE table_schema = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          StringBuilder column =
              new StringBuilder(lower(rs.getString("column_name")))
                  .append(' ')
                  .append(lower(rs.getString("column_type")));
          String charset = rs.getString("character_set_name");
          if (charset != null) {
            column.append(' ').append(charset).append(' ').append(rs.getString("collation_name"));
          }
          if (!"YES".equalsIgnoreCase(rs.getString("is_nullable"))) {
            column.append(" not null");
          }
          String defaultValue = rs.getString("column_default");
          if (defaultValue != null && !"NULL".equals(defaultValue)) {
            column.append(" default ").append(defaultValue);
          }
          String extra = rs.getString("extra");
          if (extra != null && !extra.isBlank()) {
            column.append(' ').append(lower(extra));
          }
          byTable
              .computeIfAbsent(lower(rs.getString("table_name")), t -> new TreeMap<>())
              .put(rs.getInt("ordinal_position"), column.toString());
        }
      }
    }
    byTable.forEach(
        (table, columns) -> {
          int position = 0;
          for (String column : columns.values()) {
            facts.add("column " + table + " #" + ++position + ": " + column);
          }
        });
  }

  private static void columns(Connection c, String schema, TreeSet<String> facts)
      throws SQLException {
    // table -> ordinal position -> description without the position
    Map<String, SortedMap<Integer, String>> byTable = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT table_name, column_name, ordinal_position, data_type,"
                + " character_maximum_length, numeric_precision, numeric_scale,"
                + " datetime_precision, is_nullable, column_default, is_identity,"
                + " identity_generation, identity_start, identity_increment"
                + " FROM information_schema.columns WHERE table_schema = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          StringBuilder type = new StringBuilder(lower(rs.getString("data_type")));
          String length = rs.getString("character_maximum_length");
          if (length != null) {
            type.append('(').append(length).append(')');
          }
          String precision = rs.getString("numeric_precision");
          if (precision != null) {
            type.append(" precision ").append(precision);
            String scale = rs.getString("numeric_scale");
            if (scale != null) {
              type.append(" scale ").append(scale);
            }
          }
          String datetimePrecision = rs.getString("datetime_precision");
          if (datetimePrecision != null) {
            type.append(" precision ").append(datetimePrecision);
          }
          StringBuilder column =
              new StringBuilder(lower(rs.getString("column_name")))
                  .append(' ')
                  .append(type)
                  .append("YES".equalsIgnoreCase(rs.getString("is_nullable")) ? "" : " not null");
          String defaultValue = rs.getString("column_default");
          if (defaultValue != null) {
            column.append(" default ").append(defaultValue);
          }
          if ("YES".equalsIgnoreCase(rs.getString("is_identity"))) {
            column
                .append(" generated ")
                .append(lower(rs.getString("identity_generation")))
                .append(" as identity (start ")
                .append(rs.getString("identity_start"))
                .append(" increment ")
                .append(rs.getString("identity_increment"))
                .append(')');
          }
          byTable
              .computeIfAbsent(lower(rs.getString("table_name")), t -> new TreeMap<>())
              .put(rs.getInt("ordinal_position"), column.toString());
        }
      }
    }
    byTable.forEach(
        (table, columns) -> {
          int position = 0;
          for (String column : columns.values()) {
            facts.add("column " + table + " #" + ++position + ": " + column);
          }
        });
  }

  private static void uniqueConstraints(
      Connection c, String schema, TreeSet<String> facts, boolean deferrable) throws SQLException {
    Map<String, List<String>> columns = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tc.table_name, tc.constraint_name, "
                + (deferrable
                    ? "tc.is_deferrable, tc.initially_deferred,"
                    : "'NO' AS is_deferrable, 'NO' AS initially_deferred,")
                + " k.column_name"
                + " FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage k"
                + " ON k.constraint_schema = tc.constraint_schema"
                + " AND k.constraint_name = tc.constraint_name"
                + " AND k.table_name = tc.table_name"
                + " WHERE tc.constraint_type = 'UNIQUE' AND tc.table_schema = ?"
                + " ORDER BY tc.table_name, tc.constraint_name, k.ordinal_position")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key =
              lower(rs.getString("table_name"))
                  + "."
                  + lower(rs.getString("constraint_name"))
                  + deferrability(
                      rs.getString("is_deferrable"), rs.getString("initially_deferred"));
          columns.computeIfAbsent(key, k -> new ArrayList<>()).add(lower(rs.getString(5)));
        }
      }
    }
    columns.forEach(
        (key, cols) -> facts.add("unique " + key + ": (" + String.join(", ", cols) + ")"));
  }

  private static String deferrability(
      @Nullable String isDeferrable, @Nullable String initiallyDeferred) {
    if (!"YES".equalsIgnoreCase(isDeferrable)) {
      return "";
    }
    return "YES".equalsIgnoreCase(initiallyDeferred)
        ? " deferrable initially deferred"
        : " deferrable";
  }

  private static void checkConstraints(
      Connection c, Dialect dialect, String schema, TreeSet<String> facts) throws SQLException {
    String sql =
        switch (dialect) {
          case POSTGRESQL ->
              "SELECT t.relname, con.conname, pg_get_constraintdef(con.oid)"
                  + " FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid"
                  + " JOIN pg_namespace n ON n.oid = con.connamespace"
                  + " WHERE con.contype = 'c' AND n.nspname = ?";
          case H2 ->
              "SELECT tc.table_name, tc.constraint_name, cc.check_clause"
                  + " FROM information_schema.table_constraints tc"
                  + " JOIN information_schema.check_constraints cc"
                  + " ON cc.constraint_schema = tc.constraint_schema"
                  + " AND cc.constraint_name = tc.constraint_name"
                  + " WHERE tc.constraint_type = 'CHECK' AND tc.table_schema = ?";
          case MARIADB ->
              "SELECT table_name, constraint_name, check_clause"
                  + " FROM information_schema.check_constraints WHERE constraint_schema = ?";
        };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          facts.add(
              "check "
                  + lower(rs.getString(1))
                  + "."
                  + lower(rs.getString(2))
                  + ": "
                  + checkClause(rs.getString(3)));
        }
      }
    }
  }

  /**
   * A check condition in one spelling for every database: PostgreSQL says {@code CHECK ((n >= 0))},
   * H2 says {@code "N" >= 0}, MariaDB {@code `n` >= 0}; all become {@code n >= 0}.
   */
  private static String checkClause(String clause) {
    String result = lower(clause).replace("\"", "").replace("`", "").strip();
    if (result.startsWith("check ")) {
      result = result.substring("check ".length()).strip();
    }
    while (enclosedInOneParenthesis(result)) {
      result = result.substring(1, result.length() - 1).strip();
    }
    return result;
  }

  private static boolean enclosedInOneParenthesis(String s) {
    if (!s.startsWith("(") || !s.endsWith(")")) {
      return false;
    }
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
      if (depth == 0 && i < s.length() - 1) {
        return false; // "(a) and (b)": the first parenthesis closes before the end
      }
    }
    return true;
  }

  private static void primaryKey(
      DatabaseMetaData meta, Where where, String table, TreeSet<String> facts) throws SQLException {
    SortedMap<Integer, String> columns = new TreeMap<>();
    String name = "";
    try (ResultSet rs = meta.getPrimaryKeys(where.catalog(), where.schema(), table)) {
      while (rs.next()) {
        columns.put(rs.getInt("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
        name = lower(rs.getString("PK_NAME"));
      }
    }
    if (!columns.isEmpty()) {
      facts.add(
          "primary key "
              + lower(table)
              + "."
              + name
              + ": ("
              + String.join(", ", columns.values())
              + ")");
    }
  }

  private static void foreignKeys(
      DatabaseMetaData meta, Where where, String table, TreeSet<String> facts) throws SQLException {
    // constraint name -> key position -> column, and -> referenced column
    Map<String, SortedMap<Integer, String>> from = new TreeMap<>();
    Map<String, SortedMap<Integer, String>> to = new TreeMap<>();
    Map<String, String> referencedTable = new TreeMap<>();
    Map<String, String> rules = new TreeMap<>();
    try (ResultSet rs = meta.getImportedKeys(where.catalog(), where.schema(), table)) {
      while (rs.next()) {
        String name = lower(rs.getString("FK_NAME"));
        int position = rs.getInt("KEY_SEQ");
        from.computeIfAbsent(name, n -> new TreeMap<>())
            .put(position, lower(rs.getString("FKCOLUMN_NAME")));
        to.computeIfAbsent(name, n -> new TreeMap<>())
            .put(position, lower(rs.getString("PKCOLUMN_NAME")));
        referencedTable.put(name, lower(rs.getString("PKTABLE_NAME")));
        rules.put(
            name,
            "on update "
                + rule(rs.getShort("UPDATE_RULE"))
                + " on delete "
                + rule(rs.getShort("DELETE_RULE"))
                + deferrability(rs.getShort("DEFERRABILITY")));
      }
    }
    for (String name : from.keySet()) {
      facts.add(
          "foreign key "
              + lower(table)
              + "."
              + name
              + ": ("
              + String.join(", ", from.get(name).values())
              + ") references "
              + referencedTable.get(name)
              + " ("
              + String.join(", ", to.get(name).values())
              + ") "
              + rules.get(name));
    }
  }

  private static String rule(short rule) {
    return switch (rule) {
      case DatabaseMetaData.importedKeyCascade -> "cascade";
      case DatabaseMetaData.importedKeyRestrict -> "restrict";
      case DatabaseMetaData.importedKeySetNull -> "set null";
      case DatabaseMetaData.importedKeyNoAction -> "no action";
      case DatabaseMetaData.importedKeySetDefault -> "set default";
      default -> "rule " + rule;
    };
  }

  private static String deferrability(short deferrability) {
    return switch (deferrability) {
      case DatabaseMetaData.importedKeyInitiallyDeferred -> " deferrable initially deferred";
      case DatabaseMetaData.importedKeyInitiallyImmediate -> " deferrable";
      default -> "";
    };
  }

  private static void indexes(
      DatabaseMetaData meta, Where where, String table, TreeSet<String> facts) throws SQLException {
    // index name -> column position -> "column [desc]"
    Map<String, SortedMap<Integer, String>> columns = new TreeMap<>();
    Map<String, String> kinds = new TreeMap<>();
    try (ResultSet rs = meta.getIndexInfo(where.catalog(), where.schema(), table, false, false)) {
      while (rs.next()) {
        if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        String name = lower(rs.getString("INDEX_NAME"));
        String column = lower(rs.getString("COLUMN_NAME"));
        if ("D".equals(rs.getString("ASC_OR_DESC"))) {
          column += " desc";
        }
        columns
            .computeIfAbsent(name, n -> new TreeMap<>())
            .put(rs.getInt("ORDINAL_POSITION"), column);
        String filter = rs.getString("FILTER_CONDITION");
        kinds.put(
            name,
            (rs.getBoolean("NON_UNIQUE") ? "index " : "unique index ")
                + lower(table)
                + "."
                + name
                + (filter == null || filter.isBlank() ? "" : " where " + filter));
      }
    }
    columns.forEach(
        (name, cols) ->
            facts.add(kinds.get(name) + ": (" + String.join(", ", cols.values()) + ")"));
  }

  private static String lower(@Nullable String name) {
    return name == null ? "null" : name.toLowerCase(Locale.ROOT);
  }
}
