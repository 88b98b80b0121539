package dev.spirit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.io.LineResult.Outcome;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.Submission;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Importer")
class ImporterTest {
  private static final Charset GBK = Charset.forName("GBK");

  @TempDir Path dir;
  private final IoFixture f = new IoFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private static final List<String> HEADER = List.of("text", "district", "participant", "kind");

  private static List<List<String>> cards() {
    return List.of(
        HEADER,
        List.of("耿直", "yuzhong", "card-001", "keyword"),
        List.of("", "yuzhong", "card-002", "keyword"),
        List.of("山水之城, 美丽之地", "jiangbei", "card-003", "slogan"),
        List.of("热情", "wushan", "card-004", "keyword"),
        List.of("两行的\n留言", "yuzhong", "card-005", "message"));
  }

  private static String lineOf(DataFormat format, int row) {
    // CSV rows 1..5 start on lines 2..6, except that the multi-line one pushes nothing here;
    // JSON lines have no header line; xlsx rows are numbered as Excel shows them.
    return String.valueOf(format == DataFormat.JSON_LINES ? row : row + 1);
  }

  @Nested
  @DisplayName("in every format")
  class EveryFormat {
    @ParameterizedTest(name = "{0}")
    @EnumSource(DataFormat.class)
    @DisplayName("imports good rows and refuses bad ones with their line and reason")
    void goodAndBadRows(DataFormat format) throws Exception {
      Path file = IoFixture.write(dir, "mailbox-cards." + format.key(), format, cards());

      ImportReport report = f.importer().build().run(IoFixture.source(file));

      assertThat(report.format()).isEqualTo(format);
      assertThat(report.rows()).isEqualTo(5);
      assertThat(report.imported()).isEqualTo(3);
      assertThat(report.alreadyPresent()).isZero();
      assertThat(report.refused()).isEqualTo(2);
      assertThat(report.lines())
          .extracting(LineResult::outcome)
          .containsExactly(
              Outcome.IMPORTED,
              Outcome.REFUSED,
              Outcome.IMPORTED,
              Outcome.REFUSED,
              Outcome.IMPORTED);
      LineResult missing = report.lines().get(1);
      assertThat(String.valueOf(missing.line())).isEqualTo(lineOf(format, 2));
      assertThat(missing.reasons()).containsExactly("text: is missing or empty");
      LineResult district = report.lines().get(3);
      assertThat(district.rejections())
          .extracting(r -> r.code())
          .containsExactly(RejectionCode.DISTRICT_NOT_ALLOWED);
      assertThat(district.reasons().get(0)).startsWith("refused: DISTRICT_NOT_ALLOWED: ");
      assertThat(report.refusals()).containsExactly(missing, district);

      List<Submission> stored = f.stored();
      assertThat(stored)
          .extracting(s -> s.text().original())
          .containsExactly("耿直", "山水之城, 美丽之地", "两行的\n留言");
      assertThat(stored)
          .extracting(s -> s.provenance().importBatch().orElseThrow())
          .containsOnly("mailbox-cards." + format.key());
      assertThat(stored.get(0).provenance().source()).isEqualTo(Provenance.Source.TRANSCRIBED_CARD);
      assertThat(stored.get(0).provenance().enteredBy()).contains("import");
      assertThat(stored.get(0).channel()).isEqualTo(Channel.CARD);
      assertThat(report.lines().get(0).submission()).contains(stored.get(0).id());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DataFormat.class)
    @DisplayName("the same rows under another file name import once")
    void sameRowsTwoNames(DataFormat format) throws Exception {
      Path first = IoFixture.write(dir, "october." + format.key(), format, cards());
      Path copy = IoFixture.write(dir, "october (copy)." + format.key(), format, cards());

      ImportReport one = f.importer().build().run(IoFixture.source(first));
      ImportReport two = f.importer().build().run(IoFixture.source(copy));

      assertThat(one.imported()).isEqualTo(3);
      assertThat(two.imported()).isZero();
      assertThat(two.alreadyPresent()).isEqualTo(3);
      assertThat(two.lines().get(0).submission()).isEqualTo(one.lines().get(0).submission());
      assertThat(f.stored()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DataFormat.class)
    @DisplayName("different rows under a file name used before all import")
    void differentRowsSameName(DataFormat format) throws Exception {
      Path file = IoFixture.write(dir, "cards." + format.key(), format, cards());
      f.importer().build().run(IoFixture.source(file));
      Files.delete(file);
      IoFixture.write(
          dir,
          "cards." + format.key(),
          format,
          List.of(
              HEADER,
              List.of("包容", "yuzhong", "card-101", "keyword"),
              List.of("大气", "jiangbei", "card-102", "keyword")));

      ImportReport again = f.importer().build().run(IoFixture.source(file));

      assertThat(again.imported()).isEqualTo(2);
      assertThat(f.stored()).hasSize(5);
    }
  }

  @Test
  @DisplayName("the content key ignores file name, row order, column order and format")
  void contentKeyIsOnlyContent() throws Exception {
    f.importer()
        .build()
        .run(IoFixture.source(IoFixture.write(dir, "a.csv", DataFormat.CSV, cards())));
    List<List<String>> shuffled = new ArrayList<>();
    shuffled.add(List.of("kind", "participant", "district", "text"));
    for (List<String> row : cards().subList(1, 6)) {
      shuffled.add(List.of(row.get(3), row.get(2), row.get(1), row.get(0)));
    }
    List<List<String>> reversed = new ArrayList<>(shuffled.subList(1, 6));
    java.util.Collections.reverse(reversed);
    reversed.add(0, shuffled.get(0));

    ImportReport report =
        f.importer()
            .build()
            .run(IoFixture.source(IoFixture.write(dir, "b.xlsx", DataFormat.XLSX, reversed)));

    assertThat(report.alreadyPresent()).isEqualTo(3);
    assertThat(report.imported()).isZero();
    assertThat(f.stored())
        .allSatisfy(
            s ->
                assertThat(s.idempotencyKey().orElseThrow().value())
                    .matches("import-[0-9a-f]{32}"));
  }

  @Test
  @DisplayName("two equal rows in one file are one submission; the second is already present")
  void equalRowsInOneFile() throws Exception {
    Path file =
        IoFixture.write(
            dir,
            "dup.csv",
            DataFormat.CSV,
            List.of(
                HEADER,
                List.of("耿直", "yuzhong", "card-1", "keyword"),
                List.of(" 耿直 ", "yuzhong", "card-1", "KEYWORD")));

    ImportReport report = f.importer().batchSize(1).build().run(IoFixture.source(file));

    assertThat(report.lines())
        .extracting(LineResult::outcome)
        .containsExactly(Outcome.IMPORTED, Outcome.ALREADY_PRESENT);
  }

  @Test
  @DisplayName("an explicit key column wins over the content key")
  void explicitKeyWins() throws Exception {
    Path file =
        IoFixture.write(
            dir,
            "keyed.jsonl",
            DataFormat.JSON_LINES,
            List.of(
                List.of("编号", "内容", "区县", "participant"),
                List.of("A-1", "耿直", "yuzhong", "p1"),
                List.of("A-2", "耿直", "yuzhong", "p1"),
                List.of("", "热情", "yuzhong", "p2")));
    FieldMapping mapping =
        FieldMapping.standard()
            .with("编号", Field.IDEMPOTENCY_KEY)
            .with("内容", Field.TEXT)
            .with("区县", Field.DISTRICT);

    ImportReport report = f.importer().mapping(mapping).build().run(IoFixture.source(file));

    assertThat(report.imported()).isEqualTo(3);
    assertThat(f.stored())
        .extracting(s -> s.idempotencyKey().orElseThrow().value())
        .containsExactly("A-1", "A-2", f.stored().get(2).idempotencyKey().orElseThrow().value());
    assertThat(f.stored().get(2).idempotencyKey().orElseThrow().value()).startsWith("import-");

    ImportReport strict =
        f.importer().mapping(mapping).requireExplicitKey(true).build().run(IoFixture.source(file));
    assertThat(strict.lines())
        .extracting(LineResult::outcome)
        .containsExactly(Outcome.ALREADY_PRESENT, Outcome.ALREADY_PRESENT, Outcome.REFUSED);
    assertThat(strict.lines().get(2).reasons()).containsExactly("编号: is missing or empty");
  }

  @Test
  @DisplayName("maps every optional column: channel, role, consent, language, point, staff, source")
  void optionalColumns() throws Exception {
    Path file =
        IoFixture.write(
            dir,
            "full.csv",
            DataFormat.CSV,
            List.of(
                List.of(
                    "text",
                    "district",
                    "participant",
                    "channel",
                    "kind",
                    "role",
                    "consent",
                    "language",
                    "collection_point",
                    "entered_by",
                    "source",
                    "ignored"),
                List.of(
                    "受访者说重庆人耿直",
                    "yuzhong",
                    "int-1",
                    "interview",
                    "interview-note",
                    "visitor",
                    "是",
                    "zh",
                    "解放碑",
                    "staff-li",
                    "",
                    "x"),
                List.of("candor", "yuzhong", "p-2", "", "", "", "no", "", "", "", "staff", ""),
                List.of("x", "yuzhong", "p-3", "", "", "", "maybe", "", "", "", "", ""),
                List.of("x", "yuzhong", "p-4", "", "", "", "", "", "", "", "robot", "")));

    ImportReport report =
        f.importer()
            .defaultChannel(Channel.MAILBOX)
            .defaultEnteredBy("staff-wang")
            .build()
            .run(IoFixture.source(file));

    assertThat(report.lines().get(1).rejections())
        .extracting(r -> r.code())
        .containsExactly(RejectionCode.CONSENT_REQUIRED);
    assertThat(report.lines().get(2).reasons())
        .containsExactly("consent: expected yes or no, was 'maybe'");
    assertThat(report.lines().get(3).reasons().get(0)).startsWith("source: unknown 'robot'");
    Submission s = f.stored().get(0);
    assertThat(s.channel()).isEqualTo(Channel.INTERVIEW);
    assertThat(s.participant().role().name()).isEqualTo("VISITOR");
    assertThat(s.language().code()).isEqualTo("zh");
    assertThat(s.collectionPoint()).contains("解放碑");
    assertThat(s.provenance().enteredBy()).contains("staff-li");
    assertThat(s.provenance().source()).isEqualTo(Provenance.Source.INTERVIEW_NOTES);
    assertThat(f.stored()).hasSize(1);
  }

  @Test
  @DisplayName("a CSV row with another number of fields than the header is refused alone")
  void wrongFieldCount() throws Exception {
    Path file = dir.resolve("ragged.csv");
    Files.writeString(
        file,
        "text,district,participant\n耿直,yuzhong,p1\ntoo,many,fields,here\n\n,,\n热情,yuzhong,p2\n");

    ImportReport report = f.importer().build().run(IoFixture.source(file));

    assertThat(report.rows()).isEqualTo(3);
    assertThat(report.refusals())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.line()).isEqualTo(3);
              assertThat(l.reasons()).containsExactly("has 4 fields but the header has 3");
            });
    assertThat(report.imported()).isEqualTo(2);
  }

  @Test
  @DisplayName("a JSON-lines line that is not a JSON object is refused alone")
  void badJsonLines() throws Exception {
    Path file = dir.resolve("notes.jsonl");
    Files.writeString(
        file,
        "{\"text\":\"耿直\",\"district\":\"yuzhong\",\"participant\":\"p1\",\"n\":null}\n"
            + "not json\n[1,2]\n\n"
            + "{\"text\":\"热情\",\"district\":\"yuzhong\",\"participant\":7,\"x\":{\"a\":1}}\n");

    ImportReport report = f.importer().build().run(IoFixture.source(file));

    assertThat(report.lines())
        .extracting(l -> l.line() + " " + l.outcome() + " " + l.reasons())
        .containsExactly(
            "1 IMPORTED []",
            "2 REFUSED [not valid JSON]",
            "3 REFUSED [not a JSON object]",
            "5 IMPORTED []");
    assertThat(f.stored().get(1).participant().id().value()).isEqualTo("7");
  }

  @Nested
  @DisplayName("encodings")
  class Encodings {
    private Path gbkFile() throws Exception {
      Path file = dir.resolve("信箱-gbk.csv");
      Files.write(file, "内容,区县,participant\n耿直,yuzhong,p1\n山水之城,jiangbei,p2\n".getBytes(GBK));
      return file;
    }

    private final FieldMapping chinese =
        FieldMapping.standard().with("内容", Field.TEXT).with("区县", Field.DISTRICT);

    @Test
    @DisplayName("a GBK file imports with the encoding given")
    void gbkGiven() throws Exception {
      ImportReport report =
          f.importer().mapping(chinese).encoding(GBK).build().run(IoFixture.source(gbkFile()));

      assertThat(report.encoding()).contains("GBK");
      assertThat(report.encodingDetected()).isFalse();
      assertThat(f.stored()).extracting(s -> s.text().original()).containsExactly("耿直", "山水之城");
    }

    @Test
    @DisplayName("a GBK file is detected as GB18030, and the report says so")
    void gbkDetected() throws Exception {
      ImportReport report = f.importer().mapping(chinese).build().run(IoFixture.source(gbkFile()));

      assertThat(report.encoding()).contains("GB18030");
      assertThat(report.encodingDetected()).isTrue();
      assertThat(f.stored()).extracting(s -> s.text().original()).containsExactly("耿直", "山水之城");
    }

    @Test
    @DisplayName("UTF-8 with a byte-order mark is detected as UTF-8 and the mark dropped")
    void utf8WithBom() throws Exception {
      Path file = dir.resolve("bom.csv");
      Files.write(
          file, ("\uFEFF内容,区县,participant\n耿直,yuzhong,p1\n").getBytes(StandardCharsets.UTF_8));

      ImportReport report = f.importer().mapping(chinese).build().run(IoFixture.source(file));

      assertThat(report.encoding()).contains("UTF-8");
      assertThat(report.encodingDetected()).isTrue();
      assertThat(report.imported()).isEqualTo(1);
    }

    @Test
    @DisplayName("a GBK file read as UTF-8 fails with the line, and stores nothing")
    void gbkAsUtf8() throws Exception {
      Path file = dir.resolve("mixed.csv");
      Files.write(
          file,
          concat(
              "text,district,participant\nhonest,yuzhong,p1\n".getBytes(StandardCharsets.UTF_8),
              "耿直,yuzhong,p2\n".getBytes(GBK)));

      assertThatThrownBy(
              () ->
                  f.importer().encoding(StandardCharsets.UTF_8).build().run(IoFixture.source(file)))
          .isInstanceOf(UnreadableInputException.class)
          .hasMessageStartingWith("mixed.csv:3: bytes that are not valid UTF-8")
          .satisfies(e -> assertThat(((UnreadableInputException) e).line()).hasValue(3));
      assertThat(f.stored()).isEmpty();
    }

    @Test
    @DisplayName("an invalid byte far into a detected file fails with its line, nothing stored")
    void lateInvalidByte() throws Exception {
      StringBuilder b = new StringBuilder("text,district,participant\n");
      for (int i = 1; i <= 3000; i++) {
        b.append("词").append(i).append(",yuzhong,p").append(i).append('\n');
      }
      Path file = dir.resolve("late.csv");
      Files.write(
          file,
          concat(
              b.toString().getBytes(StandardCharsets.UTF_8),
              new byte[] {(byte) 0xC3, '(', ',', 'y', '\n'}));

      assertThatThrownBy(() -> f.importer().build().run(IoFixture.source(file)))
          .isInstanceOf(UnreadableInputException.class)
          .hasMessageStartingWith("late.csv:3002: bytes that are not valid UTF-8");
      assertThat(f.stored()).isEmpty();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Nested
  @DisplayName("unreadable files store nothing")
  class Unreadable {
    @Test
    @DisplayName("an .xlsx that is not a zip")
    void notAZip() throws Exception {
      Path file = dir.resolve("cards.xlsx");
      Files.writeString(file, "text,district\n耿直,yuzhong\n");

      assertThatThrownBy(() -> f.importer().build().run(IoFixture.source(file)))
          .isInstanceOf(UnreadableInputException.class)
          .hasMessageStartingWith("cards.xlsx: not a readable .xlsx workbook");
      assertThat(f.stored()).isEmpty();
    }

    @ParameterizedTest(name = "cut to {0}% of its bytes")
    @ValueSource(ints = {30, 70, 95})
    @DisplayName("a truncated .xlsx")
    void truncated(int percent) throws Exception {
      Path whole = IoFixture.write(dir, "whole.xlsx", DataFormat.XLSX, cards());
      byte[] bytes = Files.readAllBytes(whole);
      Path cut = dir.resolve("cut.xlsx");
      Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * percent / 100));

      assertThatThrownBy(() -> f.importer().build().run(IoFixture.source(cut)))
          .isInstanceOf(UnreadableInputException.class)
          .hasMessageContaining("not a readable .xlsx workbook");
      assertThat(f.stored()).isEmpty();
    }

    @Test
    @DisplayName("a zip that is not a workbook")
    void zipButNoWorkbook() throws Exception {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry("hello.txt"));
        zip.write("hi".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      assertThatThrownBy(
              () -> f.importer().build().run(ImportSource.ofBytes("x.xlsx", bytes.toByteArray())))
          .isInstanceOf(UnreadableInputException.class)
          .hasMessageStartingWith("x.xlsx: not a readable .xlsx workbook");
    }

    @Test
    @DisplayName("an empty workbook sheet has no header")
    void emptySheet() throws Exception {
      Path file = IoFixture.write(dir, "empty.xlsx", DataFormat.XLSX, List.of());
      assertThatThrownBy(() -> f.importer().build().run(IoFixture.source(file)))
          .isInstanceOf(UnreadableInputException.class)
          .hasMessage("empty.xlsx: the first sheet has no header row");
    }

    @Test
    @DisplayName("a CSV quote that is never closed, even after good rows")
    void unclosedQuote() throws Exception {
      Path file = dir.resolve("open.csv");
      Files.writeString(file, "text,district,participant\n耿直,yuzhong,p1\n\"热情,yuzhong,p2\n");

      assertThatThrownBy(() -> f.importer().build().run(IoFixture.source(file)))
          .isInstanceOf(UnreadableInputException.class)
          .hasMessageStartingWith("open.csv:3: malformed CSV");
      assertThat(f.stored()).isEmpty();
    }

    @Test
    @DisplayName("an empty CSV has no header")
    void emptyCsv() {
      assertThatThrownBy(
              () -> f.importer().build().run(ImportSource.ofBytes("empty.csv", new byte[0])))
          .isInstanceOf(UnreadableInputException.class)
          .hasMessage("empty.csv: has no header line");
    }

    @Test
    @DisplayName("a file that cannot be opened")
    void cannotOpen() {
      Path missing = dir.resolve("nope.csv");
      assertThatThrownBy(() -> f.importer().build().run(IoFixture.source(missing)))
          .isInstanceOf(UnreadableInputException.class)
          .hasMessageStartingWith("nope.csv: cannot be read");
    }

    @Test
    @DisplayName("a value in a column without a header refuses that xlsx row")
    void xlsxValueWithoutHeader() throws Exception {
      Path file =
          IoFixture.write(
              dir,
              "wide.xlsx",
              DataFormat.XLSX,
              List.of(
                  List.of("text", "district", "participant"),
                  List.of("耿直", "yuzhong", "p1", "extra")));
      ImportReport report = f.importer().build().run(IoFixture.source(file));
      assertThat(report.refusals())
          .singleElement()
          .satisfies(
              l ->
                  assertThat(l.reasons())
                      .containsExactly("has a value in column D, which has no header"));
    }
  }

  @Test
  @DisplayName("tells the listener the row count, every row in order, and the progress per batch")
  void listener() throws Exception {
    Path file = IoFixture.write(dir, "cards.csv", DataFormat.CSV, cards());
    List<String> events = new ArrayList<>();
    ImportListener listener =
        new ImportListener() {
          @Override
          public void started(long rows) {
            events.add("started " + rows);
          }

          @Override
          public void line(LineResult result) {
            events.add(result.line() + " " + result.outcome());
          }

          @Override
          public void progress(long done, long total) {
            events.add("progress " + done + "/" + total);
          }
        };

    f.importer().batchSize(2).listener(listener).build().run(IoFixture.source(file));

    assertThat(events)
        .containsExactly(
            "started 5",
            "2 IMPORTED",
            "3 REFUSED",
            "4 IMPORTED",
            "progress 3/5",
            "5 REFUSED",
            "6 IMPORTED",
            "progress 5/5");
  }

  @Test
  @DisplayName("the format comes from the file name unless given; an unknown one is refused")
  void formatChoice() throws Exception {
    Path file = IoFixture.write(dir, "cards.txt", DataFormat.CSV, cards());
    assertThatThrownBy(() -> f.importer().build().run(IoFixture.source(file)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot tell the format of 'cards.txt'");
    assertThat(f.importer().format(DataFormat.CSV).build().run(IoFixture.source(file)).imported())
        .isEqualTo(3);
  }

  @Test
  @DisplayName("an unknown campaign and bad builder values are refused")
  void badArguments() {
    assertThatThrownBy(
            () ->
                Importer.builder(f.spirit, CampaignId.generate(java.time.Instant.now()))
                    .build()
                    .run(ImportSource.ofBytes("a.csv", new byte[0])))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.importer().batchSize(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("batchSize: must be 1 to 10000, was 0");
    assertThatThrownBy(() -> ImportSource.ofBytes(" ", new byte[0]))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("a long file name is shortened with a hash for the import batch label")
  void longName() {
    String name = "很长的文件名".repeat(20) + ".csv";
    String label = Importer.batchLabel(name);
    assertThat(label.codePointCount(0, label.length())).isEqualTo(64 + 17);
    assertThat(label).startsWith("很长的文件名").isNotEqualTo(Importer.batchLabel(name + "x"));
    assertThat(Importer.batchLabel("a\tb.csv")).isEqualTo("import");
  }
}
