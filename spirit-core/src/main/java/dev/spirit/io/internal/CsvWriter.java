package dev.spirit.io.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV in UTF-8, RFC 4180 quoting, {@code \n} line ends, with the formula-injection guard. */
public final class CsvWriter implements RowWriter {
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private final Writer out;

  /**
   * A writer.
   *
   * @param out the stream (not closed by this writer)
   */
  public CsvWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  @Override
  public void header(List<String> columns) throws IOException {
    row(columns);
  }

  @Override
  public void row(List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(values.get(i)));
    }
    out.write('\n');
  }

  /**
   * A value as a CSV field: a value a spreadsheet would run as a formula (starting with {@code = +
   * - @}, a tab or a carriage return) gets a leading apostrophe; a value with a comma, quote or
   * line break is quoted.
   *
   * @param value the value
   * @return the field
   */
  public static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
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
