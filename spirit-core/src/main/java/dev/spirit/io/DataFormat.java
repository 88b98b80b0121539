package dev.spirit.io;

import dev.spirit.error.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/** The file formats Spirit imports and exports. */
public enum DataFormat {
  /** Comma-separated values with a header line (RFC 4180 quoting; quoted fields may span lines). */
  CSV("csv"),
  /** JSON lines: one JSON object per line, its member names being the column names. */
  JSON_LINES("jsonl"),
  /**
   * An Excel workbook ({@code .xlsx}, Office Open XML); the first sheet, its first non-empty row
   * being the header. Needs {@code org.apache.poi:poi-ooxml} on the class path.
   */
  XLSX("xlsx");

  private final String key;

  DataFormat(String key) {
    this.key = key;
  }

  /**
   * The short name, as on a command line and as a file extension.
   *
   * @return {@code csv}, {@code jsonl} or {@code xlsx}
   */
  public String key() {
    return key;
  }

  /**
   * Parses a short name: {@code csv}, {@code jsonl} (also {@code json}, {@code ndjson}) or {@code
   * xlsx}, in any case.
   *
   * @param text the name
   * @return the format
   * @throws InvalidInputException if it names no format
   */
  public static DataFormat parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "csv" -> CSV;
      case "jsonl", "json", "ndjson", "json-lines", "json_lines" -> JSON_LINES;
      case "xlsx", "excel" -> XLSX;
      default ->
          throw new InvalidInputException(
              "format", "must be csv, jsonl or xlsx, was '" + text + "'");
    };
  }

  /**
   * The format a file name's extension says: {@code .csv}, {@code .jsonl}/{@code .ndjson}/{@code
   * .json} or {@code .xlsx}.
   *
   * @param fileName the name, with or without directories
   * @return the format, or empty if the extension is none of these
   */
  public static Optional<DataFormat> fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(JSON_LINES);
    }
    if (name.endsWith(".xlsx")) {
      return Optional.of(XLSX);
    }
    return Optional.empty();
  }
}
