package dev.spirit.io.internal;

import dev.spirit.error.SpiritException;
import dev.spirit.io.FieldMapping;
import dev.spirit.io.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an {@code .xlsx} workbook, read with POI's event (SAX) API: rows stream
 * through one at a time and no workbook object model is built, so memory stays small however long
 * the sheet is (POI does unpack the zip's parts; the shared-strings table is held in memory). The
 * first row with a value is the header; cells are taken as Excel shows them (numbers as formatted,
 * so an id {@code 00123} formatted as text stays {@code 00123}).
 */
public final class XlsxRows implements RowReader {
  private final String source;

  /**
   * A reader.
   *
   * @param source the input's name, for errors
   */
  public XlsxRows(String source) {
    this.source = source;
  }

  @Override
  public Optional<Decoding.Chosen> read(InputStream in, Sink sink) throws IOException {
    Poi.require("read", source);
    OPCPackage pkg;
    try {
      pkg = OPCPackage.open(in);
    } catch (IOException
        | RuntimeException
        | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
      throw notAWorkbook(e);
    }
    try {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new UnreadableInputException(source, 0, "the workbook has no sheet");
      }
      Rows rows = new Rows(sink);
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(), strings, rows, new DataFormatter(Locale.ROOT), false));
        parser.parse(new InputSource(sheet));
      }
      if (!rows.sawHeader()) {
        throw new UnreadableInputException(source, 0, "the first sheet has no header row");
      }
    } catch (SpiritException e) {
      throw e;
    } catch (Exception e) {
      throw notAWorkbook(e);
    } finally {
      pkg.revert(); // read only: never write anything back
    }
    return Optional.empty();
  }

  private UnreadableInputException notAWorkbook(Exception e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = detail.indexOf('\n');
    return new UnreadableInputException(
        source,
        0,
        "not a readable .xlsx workbook (" + (nl < 0 ? detail : detail.substring(0, nl)) + ")",
        e);
  }

  /** Collects the cells of each row and hands complete rows on. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final Sink sink;
    private final TreeMap<Integer, String> cells = new TreeMap<>();
    private @Nullable Map<Integer, String> header;

    Rows(Sink sink) {
      this.sink = sink;
    }

    boolean sawHeader() {
      return header != null;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void cell(String cellReference, String formattedValue, @Nullable XSSFComment comment) {
      if (formattedValue != null && !formattedValue.isBlank()) {
        cells.put((int) new CellReference(cellReference).getCol(), formattedValue);
      }
    }

    @Override
    public void endRow(int rowNum) {
      long line = rowNum + 1L;
      if (cells.isEmpty()) {
        return;
      }
      Map<Integer, String> h = header;
      if (h == null) {
        Map<Integer, String> names = new TreeMap<>();
        cells.forEach((col, name) -> names.put(col, FieldMapping.normalize(name)));
        header = names;
        return;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (Map.Entry<Integer, String> c : cells.entrySet()) {
        String name = h.get(c.getKey());
        if (name == null) {
          sink.accept(
              RawRow.unreadable(
                  line,
                  "has a value in column "
                      + CellReference.convertNumToColString(c.getKey())
                      + ", which has no header"));
          return;
        }
        row.putIfAbsent(name, c.getValue());
      }
      sink.accept(RowLimits.checked(line, row));
    }
  }
}
