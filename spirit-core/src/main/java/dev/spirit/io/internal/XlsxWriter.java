package dev.spirit.io.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One sheet of an {@code .xlsx} workbook through POI's streaming writer: 100 rows in memory, the
 * rest in a temporary file until {@link #finish} writes the workbook. Every cell is a text cell.
 */
public final class XlsxWriter implements RowWriter {
  private static final int WINDOW = 100;
  // Excel's limit for one cell; longer text would make the workbook unreadable to Excel.
  private static final int MAX_CELL = 32_767;

  private final OutputStream out;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
  private final Sheet sheet;
  private int next;

  /**
   * A writer.
   *
   * @param out the stream (not closed by this writer)
   * @param sheetName the sheet's name
   */
  public XlsxWriter(OutputStream out, String sheetName) {
    this.out = out;
    this.sheet = workbook.createSheet(sheetName);
  }

  @Override
  public void header(List<String> columns) {
    row(columns);
  }

  @Override
  public void row(List<String> values) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v.length() > MAX_CELL) {
        throw new IllegalArgumentException(
            "a value of " + v.length() + " characters exceeds Excel's cell limit of " + MAX_CELL);
      }
      row.createCell(i).setCellValue(v);
    }
  }

  @Override
  public void finish() throws IOException {
    workbook.write(out);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    workbook.close(); // deletes the temporary file
  }
}
