package dev.spirit.io.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** JSON lines in UTF-8: rows as objects keyed by the header, or ready-made records. */
public final class JsonLinesWriter implements RowWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Writer out;
  private List<String> columns = List.of();

  /**
   * A writer.
   *
   * @param out the stream (not closed by this writer)
   */
  public JsonLinesWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  @Override
  public void header(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  @Override
  public void row(List<String> values) throws IOException {
    ObjectNode o = MAPPER.createObjectNode();
    for (int i = 0; i < columns.size(); i++) {
      o.put(columns.get(i), values.get(i));
    }
    record(MAPPER.writeValueAsString(o));
  }

  @Override
  public void record(String json) throws IOException {
    out.write(json);
    out.write('\n');
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
