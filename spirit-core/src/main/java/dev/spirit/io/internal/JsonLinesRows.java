package dev.spirit.io.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.io.FieldMapping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON lines: one object per line, its members the columns. Strings, numbers and booleans are taken
 * as text, {@code null} as absent, nested values as their JSON. A line that is not a JSON object is
 * refused on its own; blank lines are skipped.
 */
public final class JsonLinesRows implements RowReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String source;
  private final Optional<Charset> encoding;

  /**
   * A reader.
   *
   * @param source the input's name, for errors
   * @param encoding the encoding, or empty to detect it
   */
  public JsonLinesRows(String source, Optional<Charset> encoding) {
    this.source = source;
    this.encoding = encoding;
  }

  @Override
  public Optional<Decoding.Chosen> read(InputStream in, Sink sink) throws IOException {
    Decoding.Opened opened = Decoding.open(source, in, encoding);
    try (BufferedReader reader = new BufferedReader(opened.reader())) {
      long lineNo = 0;
      StringBuilder buffer = new StringBuilder();
      while (true) {
        int read = RowLimits.readLine(reader, buffer);
        if (read == RowLimits.END) {
          break;
        }
        lineNo++;
        if (read == RowLimits.TOO_LONG) {
          sink.accept(
              RawRow.unreadable(
                  lineNo,
                  "is longer than " + RowLimits.MAX_LINE_CHARS + " characters; row skipped"));
          continue;
        }
        String line = buffer.toString();
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
          sink.accept(RawRow.unreadable(lineNo, "not valid JSON"));
          continue;
        }
        if (node == null || !node.isObject()) {
          sink.accept(RawRow.unreadable(lineNo, "not a JSON object"));
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> e = fields.next();
          JsonNode v = e.getValue();
          if (!v.isNull()) {
            row.putIfAbsent(
                FieldMapping.normalize(e.getKey()), v.isValueNode() ? v.asText() : v.toString());
          }
        }
        sink.accept(RowLimits.checked(lineNo, row));
      }
    }
    return Optional.of(opened.chosen());
  }
}
