package dev.spirit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.Spirit;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("spirit import and export")
class ImportExportCliTest {
  private static final String STORE = "mem:cli-io-test";
  private static final Charset GBK = Charset.forName("GBK");

  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @BeforeEach
  void campaign() {
    CliHarness.Result r =
        cli.run(
            "campaign",
            "create",
            "io",
            "--store",
            STORE,
            "--title-zh",
            "渝中精神",
            "--title-en",
            "Spirit of Yuzhong",
            "--district",
            "yuzhong",
            "--district",
            "jiangbei",
            "--moderation",
            "post",
            "--open");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @AfterEach
  void closeStores() {
    cli.close();
  }

  private List<Submission> stored() {
    Spirit spirit = cli.spirit(STORE);
    try (Stream<Submission> s =
        spirit.submissions().stream(
            SubmissionFilter.all(spirit.campaigns().bySlug("io").orElseThrow().id()))) {
      return s.toList();
    }
  }

  private CliHarness.Result importFile(Path file, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("import", file.toString(), "--store", STORE, "--campaign", "io"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private Path gbkCards() throws Exception {
    Path file = dir.resolve("十月信箱.csv");
    Files.write(file, "内容,区县,编号\n耿直,yuzhong,c-1\n山水之城,jiangbei,c-2\n热情,wushan,c-3\n".getBytes(GBK));
    return file;
  }

  @Test
  @DisplayName("a GBK file with --encoding GBK and --map imports, refusing the bad district")
  void gbkWithEncoding() throws Exception {
    CliHarness.Result r =
        importFile(
            gbkCards(),
            "--encoding",
            "GBK",
            "--map",
            "内容=text",
            "--map",
            "区县=district",
            "--map",
            "编号=participant");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("imported 2 · already imported 0 · failed 1 (of 3 rows)\n");
    assertThat(r.err()).contains("十月信箱.csv:4: refused: DISTRICT_NOT_ALLOWED");
    assertThat(stored()).extracting(s -> s.text().original()).containsExactly("耿直", "山水之城");
  }

  @Test
  @DisplayName("a GBK file without --encoding is detected as GB18030 and says so")
  void gbkDetected() throws Exception {
    CliHarness.Result r =
        importFile(
            gbkCards(), "--map", "内容=text", "--map", "区县=district", "--map", "编号=participant");
    assertThat(r.err()).contains("十月信箱.csv: read as GB18030 (detected)");
    assertThat(stored()).extracting(s -> s.text().original()).containsExactly("耿直", "山水之城");
  }

  @Test
  @DisplayName("a GBK file read as UTF-8 fails with its line and stores nothing")
  void gbkAsUtf8() throws Exception {
    CliHarness.Result r = importFile(gbkCards(), "--encoding", "UTF-8");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("spirit: 十月信箱.csv:1: bytes that are not valid UTF-8");
    assertThat(stored()).isEmpty();
  }

  @Test
  @DisplayName("a renamed copy imports nothing twice; a new file under an old name imports all")
  void contentKeys() throws Exception {
    String rows = "text,district,participant\n耿直,yuzhong,p1\n热情,jiangbei,p2\n";
    Path a = Files.writeString(dir.resolve("cards.csv"), rows);
    Path copy = Files.writeString(dir.resolve("cards-copy.csv"), rows);

    assertThat(importFile(a).out()).startsWith("imported 2 · already imported 0");
    assertThat(importFile(copy).out()).startsWith("imported 0 · already imported 2");
    Files.writeString(a, "text,district,participant\n包容,yuzhong,p3\n大气,yuzhong,p4\n");
    assertThat(importFile(a).out()).startsWith("imported 2 · already imported 0");
    assertThat(stored()).hasSize(4);
  }

  @Test
  @DisplayName("export -o .xlsx writes a workbook that imports back as already present")
  void xlsxRoundTrip() throws Exception {
    importFile(
        Files.writeString(
            dir.resolve("cards.csv"),
            "text,district,participant,source\n耿直,yuzhong,p1,card\n热情,jiangbei,p2,card\n"));
    Path book = dir.resolve("export.xlsx");

    CliHarness.Result r =
        cli.run("export", "--store", STORE, "--campaign", "io", "-o", book.toString());

    assertThat(r.out()).isEqualTo("exported 2 submissions to " + book + "\n");
    assertThat(Files.readAllBytes(book)).startsWith('P', 'K');
    CliHarness.Result back = importFile(book, "--map", "source=source");
    assertThat(back.out()).isEqualTo("imported 0 · already imported 2 · failed 0 (of 2 rows)\n");
  }

  @Test
  @DisplayName(
      "--map 写卡日期=collected_at keeps when a card was written (local times in --time-zone);"
          + " the staff export shows it; an unreadable date refuses its row with line and reason")
  void collectedAt() throws Exception {
    Path cards =
        Files.writeString(
            dir.resolve("festival.csv"),
            "text,district,participant,写卡日期\n"
                + "耿直,yuzhong,p1,2026-11-03\n"
                + "热情,jiangbei,p2,2026-11-03 18:30\n"
                + "包容,yuzhong,p3,11月3日\n");

    CliHarness.Result r = importFile(cards, "--map", "写卡日期=collected_at");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("imported 2 · already imported 0 · failed 1 (of 3 rows)\n");
    assertThat(r.err()).contains("festival.csv:4: 写卡日期: '11月3日' is not a time");
    assertThat(stored())
        .extracting(s -> s.provenance().collectedAt().orElseThrow().toString())
        .containsExactly("2026-11-02T16:00:00Z", "2026-11-03T10:30:00Z");

    CliHarness.Result export = cli.run("export", "--store", STORE, "--campaign", "io");
    assertThat(export.out().lines().findFirst().orElseThrow())
        .startsWith("id,received_at,collected_at,");
    assertThat(export.out()).contains(",2026-11-02T16:00:00Z,yuzhong,");

    CliHarness.Result utc =
        importFile(
            Files.writeString(
                dir.resolve("utc.csv"),
                "text,district,participant,collected_at\n大气,yuzhong,p4,2026-11-03T18:30\n"),
            "--time-zone",
            "UTC");
    assertThat(utc.exit()).as(utc.err()).isZero();
    assertThat(stored().get(2).provenance().collectedAt().orElseThrow().toString())
        .isEqualTo("2026-11-03T18:30:00Z");
    CliHarness.Result badZone = importFile(cards, "--time-zone", "Mars/Olympus");
    assertThat(badZone.exit()).isEqualTo(SpiritCli.USAGE);
    assertThat(badZone.err()).contains("--time-zone");
  }

  @Test
  @DisplayName(
      "export -o draws a progress bar on stderr on a terminal, and none with --quiet, on a pipe"
          + " or when the export itself goes to the terminal")
  void exportProgress() throws Exception {
    importFile(
        Files.writeString(
            dir.resolve("cards.csv"),
            "text,district,participant\n耿直,yuzhong,p1\n热情,jiangbei,p2\n"));
    Path file = dir.resolve("out.csv");

    CliHarness.Result drawn =
        cli.runInteractive("export", "--store", STORE, "--campaign", "io", "-o", file.toString());
    assertThat(drawn.exit()).as(drawn.err()).isZero();
    assertThat(drawn.err()).startsWith("\rExporting io [").contains("100% 2/2").endsWith("\n");
    assertThat(drawn.out()).isEqualTo("exported 2 submissions to " + file + "\n");

    CliHarness.Result quiet =
        cli.runInteractive(
            "export", "--store", STORE, "--campaign", "io", "-o", file.toString(), "--quiet");
    assertThat(quiet.err()).isEmpty();

    CliHarness.Result onScreen = cli.runInteractive("export", "--store", STORE, "--campaign", "io");
    assertThat(onScreen.err()).isEmpty();
    assertThat(onScreen.out()).contains("耿直");

    CliHarness.Result piped = cli.run("export", "--store", STORE, "--campaign", "io");
    assertThat(piped.err()).isEmpty();
    assertThat(piped.out()).contains("耿直");
  }

  @Test
  @DisplayName("xlsx to stdout is refused: a workbook needs -o")
  void xlsxNeedsFile() {
    CliHarness.Result r =
        cli.run("export", "--store", STORE, "--campaign", "io", "--format", "xlsx");
    assertThat(r.exit()).isEqualTo(SpiritCli.USAGE);
    assertThat(r.err()).contains("give a file with -o");
  }

  @Test
  @DisplayName("a corrupt .xlsx is refused as a whole and stores nothing")
  void corruptXlsx() throws Exception {
    Path file = Files.write(dir.resolve("cards.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
    CliHarness.Result r = importFile(file);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("spirit: cards.xlsx: not a readable .xlsx workbook");
    assertThat(stored()).isEmpty();
  }

  @Test
  @DisplayName("bad --map, --encoding and --audience values are usage errors")
  void badOptions() throws Exception {
    Path file = Files.writeString(dir.resolve("a.csv"), "text,district,participant\n");
    assertThat(importFile(file, "--map", "nofield").exit()).isEqualTo(SpiritCli.USAGE);
    CliHarness.Result unknown = importFile(file, "--map", "a=wat");
    assertThat(unknown.exit()).isEqualTo(SpiritCli.USAGE);
    assertThat(unknown.err()).contains("unknown field 'wat'");
    assertThat(importFile(file, "--encoding", "klingon").err()).contains("unknown encoding");
    assertThat(
            cli.run("export", "--store", STORE, "--campaign", "io", "--audience", "press").exit())
        .isEqualTo(SpiritCli.USAGE);
  }

  @Test
  @DisplayName("export --audience open-data is the same as --redacted")
  void audience() throws Exception {
    importFile(
        Files.writeString(dir.resolve("c.csv"), "text,district,participant\n耿直,yuzhong,p1\n"));
    CliHarness.Result a =
        cli.run("export", "--store", STORE, "--campaign", "io", "--audience", "open-data");
    CliHarness.Result b = cli.run("export", "--store", STORE, "--campaign", "io", "--redacted");
    assertThat(a.out()).isEqualTo(b.out()).startsWith("date,district,channel").doesNotContain("p1");
    assertThat(new String(a.out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .contains("耿直");
  }
}
