package dev.spirit.io;

import dev.spirit.error.InvalidInputException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which column of an import file fills which submission {@link Field}. Column names are matched
 * without regard to case or surrounding spaces (and a byte-order mark before the first name is
 * ignored); columns that no field maps are ignored. Each field takes at most one column. Immutable.
 *
 * <pre>{@code
 * FieldMapping mapping = FieldMapping.standard()
 *     .with("内容", Field.TEXT)
 *     .with("区县", Field.DISTRICT)
 *     .with("编号", Field.IDEMPOTENCY_KEY);
 * }</pre>
 */
public final class FieldMapping {
  private static final FieldMapping STANDARD = standardMapping();

  private final Map<Field, String> columns;

  private FieldMapping(Map<Field, String> columns) {
    this.columns = Collections.unmodifiableMap(new EnumMap<>(columns));
  }

  private static FieldMapping standardMapping() {
    Map<Field, String> m = new EnumMap<>(Field.class);
    for (Field f : Field.values()) {
      m.put(f, f.standardColumn());
    }
    return new FieldMapping(m);
  }

  /**
   * Every field under its standard column name ({@code text}, {@code participant}, {@code
   * district}, {@code channel}, {@code kind}, {@code role}, {@code consent}, {@code language},
   * {@code collection_point}, {@code key}, {@code entered_by}, {@code source}, {@code
   * consent_version}, {@code consent_purposes}, {@code consent_at}, {@code collected_at}).
   *
   * @return the standard mapping
   */
  public static FieldMapping standard() {
    return STANDARD;
  }

  /**
   * No field mapped; add them with {@link #with}.
   *
   * @return an empty mapping
   */
  public static FieldMapping empty() {
    return new FieldMapping(new EnumMap<>(Field.class));
  }

  /**
   * This mapping with {@code field} read from {@code column} instead of any column it had.
   *
   * @param column the column name as in the file's header
   * @param field the field it fills
   * @return the new mapping
   * @throws InvalidInputException if the column name is blank
   */
  public FieldMapping with(String column, Field field) {
    String name = normalize(column);
    if (name.isEmpty()) {
      throw new InvalidInputException("mapping", "column name for " + field + " is blank");
    }
    Map<Field, String> m = new EnumMap<>(Field.class);
    m.putAll(columns);
    // A column fills one field: moving it to this field unmaps it from any other.
    m.values().removeIf(name::equals);
    m.put(field, name);
    return new FieldMapping(m);
  }

  /**
   * This mapping with {@code field} read from no column.
   *
   * @param field the field
   * @return the new mapping
   */
  public FieldMapping without(Field field) {
    Map<Field, String> m = new EnumMap<>(Field.class);
    m.putAll(columns);
    m.remove(field);
    return new FieldMapping(m);
  }

  /**
   * The column a field is read from.
   *
   * @param field the field
   * @return the normalised column name, or empty if the field is not mapped
   */
  public Optional<String> column(Field field) {
    return Optional.ofNullable(columns.get(field));
  }

  /**
   * The mapped fields and their columns.
   *
   * @return field to normalised column name, in field order
   */
  public Map<Field, String> columns() {
    return columns;
  }

  /**
   * Picks a row's mapped values: for each mapped field whose column the row has, the value, with
   * surrounding spaces removed; blank values count as absent.
   *
   * @param row column name (normalised with {@link #normalize}) to raw value
   * @return field to value
   */
  Map<Field, String> pick(Map<String, String> row) {
    Map<Field, String> values = new LinkedHashMap<>();
    for (Map.Entry<Field, String> e : columns.entrySet()) {
      String v = row.get(e.getValue());
      if (v != null && !v.isBlank()) {
        values.put(e.getKey(), v.strip());
      }
    }
    return values;
  }

  /**
   * The form in which column names are compared: without a byte-order mark or surrounding spaces,
   * in lower case.
   *
   * @param column a column name
   * @return its normalised form
   */
  public static String normalize(String column) {
    return column.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FieldMapping other && columns.equals(other.columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  @Override
  public String toString() {
    return "FieldMapping" + columns;
  }
}
