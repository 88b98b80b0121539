package dev.spirit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.io.internal.CsvWriter;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Exporter")
class ExporterTest {
  private final IoFixture f = new IoFixture();

  @BeforeEach
  void fill() {
    submit("耿直", "p1", SubmissionKind.KEYWORD);
    submit("Candor", "p2", SubmissionKind.KEYWORD);
    // Held for review by the lexicon ("scam"); its phone number is masked in any case.
    submit("call 13812345678 now, it is a scam", "p3", SubmissionKind.MESSAGE);
    submit("=HYPERLINK(\"http://x\")", "p4", SubmissionKind.MESSAGE);
    submit("热情 13812345678", "p5", SubmissionKind.MESSAGE);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private void submit(String text, String participant, SubmissionKind kind) {
    Receipt r =
        f.spirit.submit(
            SubmissionRequest.builder(f.campaign.id())
                .kind(kind)
                .text(text)
                .district("yuzhong")
                .channel(Channel.MESSAGE_BOARD)
                .collectionPoint("解放碑-3")
                .participant(Participant.consenting(participant, Role.RESIDENT))
                .build());
    assertThat(r).isInstanceOf(Receipt.Accepted.class);
  }

  private byte[] export(DataFormat format, Audience audience) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n =
        Exporter.builder(f.spirit, f.campaign.id())
            .format(format)
            .audience(audience)
            .build()
            .writeTo(out);
    assertThat(n).isEqualTo(audience == Audience.OPEN_DATA ? 4 : 5);
    return out.toByteArray();
  }

  /** The export read back as rows of cells, the header first, whatever its format. */
  private static List<List<String>> table(DataFormat format, byte[] bytes) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    switch (format) {
      case CSV -> {
        var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        try (var it =
            mapper
                .readerForListOf(String.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .<List<String>>readValues(bytes)) {
          it.forEachRemaining(rows::add);
        }
      }
      case JSON_LINES -> {
        ObjectMapper mapper = new ObjectMapper();
        List<String> header = null;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
          JsonNode node = mapper.readTree(line);
          if (header == null) {
            header = new ArrayList<>();
            node.fieldNames().forEachRemaining(header::add);
            rows.add(header);
          }
          List<String> row = new ArrayList<>();
          header.forEach(h -> row.add(node.get(h).asText()));
          rows.add(row);
        }
      }
      case XLSX -> {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
          Sheet sheet = wb.getSheetAt(0);
          for (Row r : sheet) {
            List<String> row = new ArrayList<>();
            r.forEach(c -> row.add(c.getStringCellValue()));
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DataFormat.class)
  @DisplayName("open data holds published text only: no participants, points, times or numbers")
  void openData(DataFormat format) throws Exception {
    byte[] bytes = export(format, Audience.OPEN_DATA);
    String all = new String(bytes, StandardCharsets.UTF_8);
    List<List<String>> rows = table(format, bytes);

    assertThat(rows.get(0))
        .containsExactly("date", "district", "channel", "kind", "language", "role", "text");
    assertThat(rows).hasSize(5);
    assertThat(rows.subList(1, 5))
        .allSatisfy(r -> assertThat(r.get(0)).isEqualTo("2026-10-01"))
        .extracting(r -> r.get(6))
        .doesNotContain("call 13812345678 now, it is a scam")
        .anySatisfy(t -> assertThat(t).startsWith("热情").doesNotContain("13812345678"));
    if (format != DataFormat.XLSX) {
      assertThat(all).doesNotContain("p1", "p5", "解放碑", "13812345678", "participant");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DataFormat.class,
      names = {"CSV", "XLSX"})
  @DisplayName("staff exports hold every submission in full, in the staff columns")
  void staff(DataFormat format) throws Exception {
    List<List<String>> rows = table(format, export(format, Audience.STAFF));

    assertThat(rows.get(0))
        .containsExactly(
            "id",
            "received_at",
            "collected_at",
            "district",
            "channel",
            "kind",
            "language",
            "status",
            "role",
            "participant",
            "collection_point",
            "source",
            "text");
    assertThat(rows).hasSize(6);
    assertThat(rows.subList(1, 6))
        .extracting(r -> r.get(9))
        .containsExactly("p1", "p2", "p3", "p4", "p5");
    assertThat(rows.subList(1, 6)).extracting(r -> r.get(10)).containsOnly("解放碑-3");
    assertThat(rows.subList(1, 6)).extracting(r -> r.get(2)).containsOnly("");
    assertThat(rows.get(3).get(7)).isEqualTo("pending");
    assertThat(rows.get(3).get(12)).isEqualTo("call 13812345678 now, it is a scam");
    // Only CSV needs the formula guard: xlsx cells are text cells.
    assertThat(rows.get(4).get(12))
        .isEqualTo(
            format == DataFormat.CSV ? "'=HYPERLINK(\"http://x\")" : "=HYPERLINK(\"http://x\")");
  }

  @Test
  @DisplayName("staff JSON lines are Spirit's canonical records, one per line")
  void staffJsonLines() {
    String out = new String(export(DataFormat.JSON_LINES, Audience.STAFF), StandardCharsets.UTF_8);
    assertThat(out.lines().map(SpiritCodec::submissionFromJson).toList()).isEqualTo(f.stored());
  }

  @Test
  @DisplayName("xlsx cells are text, never formulas")
  void xlsxNoFormulas() throws Exception {
    byte[] bytes = export(DataFormat.XLSX, Audience.STAFF);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      for (Row r : wb.getSheetAt(0)) {
        r.forEach(
            c ->
                assertThat(c.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING));
      }
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "=1+1|'=1+1",
        "+86 138|'+86 138",
        "-2|'-2",
        "@SUM(A1)|'@SUM(A1)",
        "\ttab|'\ttab",
        "耿直|耿直",
        "a,b|\"a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "a=b|a=b"
      })
  @DisplayName("CSV cells: formula starts get an apostrophe, separators and quotes are quoted")
  void formulaGuard(String value, String cell) {
    assertThat(CsvWriter.cell(value)).isEqualTo(cell);
  }

  @Test
  @DisplayName("a carriage return at the start is guarded and quoted")
  void carriageReturn() {
    assertThat(CsvWriter.cell("\r=1")).isEqualTo("\"'\r=1\"");
  }

  @Test
  @DisplayName("staff exports can be limited to statuses; open data cannot")
  void statuses() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n =
        Exporter.builder(f.spirit, f.campaign.id())
            .statuses(Set.of(SubmissionStatus.PENDING))
            .build()
            .writeTo(out);
    assertThat(n).isEqualTo(1);
    assertThatThrownBy(
            () ->
                Exporter.builder(f.spirit, f.campaign.id())
                    .audience(Audience.OPEN_DATA)
                    .statuses(Set.of(SubmissionStatus.PENDING))
                    .build())
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("an unknown campaign, a failing output: typed errors")
  void failures() {
    assertThatThrownBy(
            () ->
                Exporter.builder(f.spirit, CampaignId.generate(Instant.now()))
                    .build()
                    .writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(NotFoundException.class);
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };
    assertThatThrownBy(() -> Exporter.builder(f.spirit, f.campaign.id()).build().writeTo(broken))
        .isInstanceOf(ExportFailedException.class)
        .hasMessageContaining("disk full");
  }

  @Test
  @DisplayName("reports progress at the end")
  void progress() {
    List<Long> seen = new ArrayList<>();
    Exporter.builder(f.spirit, f.campaign.id())
        .progress(seen::add)
        .build()
        .writeTo(new ByteArrayOutputStream());
    assertThat(seen).containsExactly(5L);
  }

  @Test
  @DisplayName(
      "an export listener is told the total first, then progress every 250 submissions and at the"
          + " end, then how many were written")
  void listener() {
    List<SubmissionRequest> more = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      more.add(
          SubmissionRequest.builder(f.campaign.id())
              .text("山城" + i)
              .district("yuzhong")
              .channel(Channel.MESSAGE_BOARD)
              .participant(Participant.consenting("bulk-" + i, Role.RESIDENT))
              .build());
    }
    f.spirit.submitAll(more);
    List<String> told = new ArrayList<>();
    ExportListener listener =
        new ExportListener() {
          @Override
          public void started(long total) {
            told.add("started " + total);
          }

          @Override
          public void progress(long done, long total) {
            told.add(done + "/" + total);
          }

          @Override
          public void finished(long written) {
            told.add("finished " + written);
          }
        };
    long written =
        Exporter.builder(f.spirit, f.campaign.id())
            .listener(listener)
            .build()
            .writeTo(new ByteArrayOutputStream());
    assertThat(written).isEqualTo(605);
    assertThat(told)
        .containsExactly("started 605", "250/605", "500/605", "605/605", "finished 605");

    told.clear();
    Exporter.builder(f.spirit, f.campaign.id())
        .audience(Audience.OPEN_DATA)
        .listener(listener)
        .build()
        .writeTo(new ByteArrayOutputStream());
    // One submission is held for review: neither counted nor written in open data.
    assertThat(told)
        .containsExactly("started 604", "250/604", "500/604", "604/604", "finished 604");
    assertThatThrownBy(() -> Exporter.builder(f.spirit, f.campaign.id()).listener(null))
        .isInstanceOf(dev.spirit.error.InvalidInputException.class);
  }

  @Test
  @DisplayName("a staff CSV export reads back as rows the importer takes")
  void roundTrip() {
    byte[] csv = export(DataFormat.CSV, Audience.STAFF);
    ImportReport report =
        f.importer()
            .mapping(FieldMapping.standard().without(Field.SOURCE))
            .build()
            .run(ImportSource.ofBytes("export.csv", csv));
    // These submissions were given directly, without keys, so the importer stores staff-entered
    // copies under content keys; the point is that every exported row reads and maps cleanly
    // (the source column, "direct", is not an import source and is left unmapped).
    assertThat(report.rows()).isEqualTo(5);
    assertThat(report.refused()).isZero();
  }
}
