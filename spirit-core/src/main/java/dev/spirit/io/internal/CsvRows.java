package dev.spirit.io.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.spirit.io.FieldMapping;
import dev.spirit.io.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CSV with a header line, RFC 4180 quoting (quoted fields may span lines), through Jackson's CSV
 * parser. A row with another number of fields than the header is refused on its own; malformed
 * quoting makes the file unreadable (where the quoting breaks, the rest cannot be trusted). Blank
 * lines and rows whose every field is blank (spreadsheets pad with them) are skipped.
 */
public final class CsvRows implements RowReader {
  /**
   * The longest cell the parser holds at all: beyond it the parser cannot go on (it would have to
   * buffer the cell to find its end), so the file is unreadable from that line. Cells longer than
   * {@link RowLimits#MAX_CELL_CHARS} but within this are refused row by row.
   */
  static final int MAX_PARSED_CELL_CHARS = 1 << 20;

  private static final CsvFactory FACTORY =
      CsvFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(MAX_PARSED_CELL_CHARS).build())
          .build();

  private final String source;
  private final Optional<java.nio.charset.Charset> encoding;

  /**
   * A reader.
   *
   * @param source the input's name, for errors
   * @param encoding the encoding, or empty to detect it
   */
  public CsvRows(String source, Optional<java.nio.charset.Charset> encoding) {
    this.source = source;
    this.encoding = encoding;
  }

  @Override
  public Optional<Decoding.Chosen> read(InputStream in, Sink sink) throws IOException {
    Decoding.Opened opened = Decoding.open(source, in, encoding);
    try (CsvParser p = (CsvParser) FACTORY.createParser(opened.reader())) {
      p.setSchema(CsvSchema.emptySchema());
      p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      p.disable(CsvParser.Feature.ALLOW_TRAILING_COMMA);
      p.disable(CsvParser.Feature.TRIM_SPACES);
      List<String> header = null;
      while (true) {
        long line = 0;
        List<String> cells = new ArrayList<>();
        try {
          JsonToken t = p.nextToken();
          if (t == null) {
            break;
          }
          // Without a schema, every record is an array; after its start, the parser is on the
          // record's first line (for a record whose quoted field spans lines, too).
          line = p.currentLocation().getLineNr();
          if (t != JsonToken.START_ARRAY) {
            throw new UnreadableInputException(source, line, "not CSV");
          }
          while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            cells.add(text(p));
          }
        } catch (StreamConstraintsException e) {
          long at = line > 0 ? line : p.currentLocation().getLineNr();
          throw new UnreadableInputException(
              source,
              at,
              "has a cell longer than "
                  + MAX_PARSED_CELL_CHARS
                  + " characters (an unclosed quote or a line without end?); nothing after it"
                  + " can be read",
              e);
        } catch (JsonProcessingException e) {
          long at = line > 0 ? line : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
          throw new UnreadableInputException(
              source, at, "malformed CSV: " + e.getOriginalMessage(), e);
        }
        if (cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (header == null) {
          header = new ArrayList<>();
          for (String h : cells) {
            header.add(FieldMapping.normalize(h));
          }
          continue;
        }
        if (cells.size() != header.size()) {
          sink.accept(
              RawRow.unreadable(
                  line, "has " + cells.size() + " fields but the header has " + header.size()));
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.putIfAbsent(header.get(i), cells.get(i));
        }
        sink.accept(RowLimits.checked(line, row));
      }
      if (header == null) {
        throw new UnreadableInputException(source, 0, "has no header line");
      }
    }
    return Optional.of(opened.chosen());
  }

  private static String text(JsonParser p) throws IOException {
    String v = p.getValueAsString();
    return v == null ? "" : v;
  }
}
