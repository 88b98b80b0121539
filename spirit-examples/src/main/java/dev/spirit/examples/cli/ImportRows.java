package dev.spirit.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the rows of an import file: CSV with a header line (RFC 4180 quoting, quoted fields may
 * span lines) or JSON lines (one object per line). Each row keeps the line number it starts on; a
 * row that cannot be read carries its error instead of fields, so one bad row never stops an
 * import.
 */
final class ImportRows {
  private ImportRows() {}

  /**
   * One row.
   *
   * @param line the 1-based line number where it starts
   * @param fields column name (lowercase) to value
   * @param error why it could not be read, if it could not
   */
  record Row(int line, Map<String, String> fields, Optional<String> error) {}

  static List<Row> csv(BufferedReader reader) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    int lineNo = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      int start = lineNo;
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean unterminated = false;
      int i = 0;
      while (true) {
        if (i >= line.length()) {
          if (quoted) {
            String next = reader.readLine();
            if (next == null) {
              unterminated = true;
              break;
            }
            lineNo++;
            cell.append('\n');
            line = next;
            i = 0;
            continue;
          }
          break;
        }
        char c = line.charAt(i++);
        if (quoted) {
          if (c == '"') {
            if (i < line.length() && line.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            cell.append(c);
          }
        } else if (c == '"' && cell.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      if (header == null) {
        header = new ArrayList<>();
        for (String h : cells) {
          // Spreadsheets often save CSV with a byte-order mark before the first column name.
          header.add(h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
        }
        continue;
      }
      if (unterminated) {
        rows.add(new Row(start, Map.of(), Optional.of("a quoted field is not closed")));
      } else if (cells.size() != header.size()) {
        rows.add(
            new Row(
                start,
                Map.of(),
                Optional.of(
                    "has " + cells.size() + " fields but the header has " + header.size())));
      } else {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int k = 0; k < header.size(); k++) {
          fields.put(header.get(k), cells.get(k));
        }
        rows.add(new Row(start, fields, Optional.empty()));
      }
    }
    return rows;
  }

  static List<Row> jsonLines(BufferedReader reader, ObjectMapper mapper) throws IOException {
    List<Row> rows = new ArrayList<>();
    int lineNo = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = mapper.readTree(line);
      } catch (IOException e) {
        rows.add(new Row(lineNo, Map.of(), Optional.of("not valid JSON")));
        continue;
      }
      if (!node.isObject()) {
        rows.add(new Row(lineNo, Map.of(), Optional.of("not a JSON object")));
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              e ->
                  fields.put(
                      e.getKey().toLowerCase(Locale.ROOT),
                      e.getValue().isValueNode()
                          ? e.getValue().asText()
                          : e.getValue().toString()));
      rows.add(new Row(lineNo, fields, Optional.empty()));
    }
    return rows;
  }
}
