package dev.spirit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI behaving like a tool people trust: a mistyped store is refused, logging is quiet unless
 * asked, text comes from files and pipes, campaigns pause and keep a window, listings have {@code
 * --json}, and the shell can complete it. Runs with the standard opener on real stores.
 */
@DisplayName("The spirit CLI as a tool")
class CliAsAToolTest {
  @TempDir Path dir;

  private final CliHarness cli = CliHarness.standard();

  private CliHarness.Result spiritWithInput(String stdin, String... args) {
    return cli.runWithInput(stdin, args);
  }

  private CliHarness.Result spirit(String... args) {
    return cli.run(args);
  }

  private String store() {
    return "file:" + dir.resolve("store");
  }

  private void createCampaign(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "campaign",
                "create",
                "yz",
                "--store",
                store(),
                "--create",
                "--title-zh",
                "渝中精神",
                "--title-en",
                "Spirit of Yuzhong",
                "--district",
                "yuzhong",
                "--moderation",
                "post"));
    args.addAll(List.of(extra));
    CliHarness.Result created = spirit(args.toArray(String[]::new));
    assertThat(created.exit()).as(created.err()).isZero();
  }

  private CliHarness.Result submit(String... textArgs) {
    return submitWithInput("", textArgs);
  }

  private CliHarness.Result submitWithInput(String stdin, String... textArgs) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "submit",
                "--store",
                store(),
                "--campaign",
                "yz",
                "--district",
                "yuzhong",
                "--participant",
                "p-" + System.nanoTime()));
    args.addAll(List.of(textArgs));
    return spiritWithInput(stdin, args.toArray(String[]::new));
  }

  private Campaign stored() {
    try (Spirit spirit = SpiritOpener.standard().open(store())) {
      return spirit.campaigns().bySlug("yz").orElseThrow();
    }
  }

  @Nested
  @DisplayName("--store naming no store")
  class MissingStore {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "h2"})
    @DisplayName("is refused (exit 1, saying what to do) and nothing is created there")
    void refused(String backend) {
      Path where = dir.resolve("typo");
      String uri = backend.equals("file") ? "file:" + where : "jdbc:h2:file:" + where;
      CliHarness.Result listed = spirit("campaign", "list", "--store", uri);
      assertThat(listed.exit()).isEqualTo(1);
      assertThat(listed.err())
          .isEqualTo(
              "spirit: store "
                  + uri
                  + " does not exist; check --store (or $SPIRIT_STORE), or add --create to start"
                  + " a new store there\n");
      assertThat(where).doesNotExist();
      assertThat(dir.resolve("typo.mv.db")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "h2"})
    @DisplayName("is created with --create, and found afterwards without it")
    void createdOnRequest(String backend) {
      Path where = dir.resolve("new");
      String uri = backend.equals("file") ? "file:" + where : "jdbc:h2:file:" + where;
      assertThat(spirit("campaign", "list", "--store", uri, "--create").exit()).isZero();
      CliHarness.Result again = spirit("campaign", "list", "--store", uri);
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.out()).isEqualTo("no campaigns in " + uri + "\n");
    }

    @Test
    @DisplayName("an existing empty directory is not a store either")
    void emptyDirectory() throws IOException {
      Files.createDirectories(dir.resolve("empty"));
      CliHarness.Result listed =
          spirit("campaign", "list", "--store", "file:" + dir.resolve("empty"));
      assertThat(listed.exit()).isEqualTo(1);
      assertThat(listed.err()).contains("does not exist; check --store");
    }
  }

  @Nested
  @DisplayName("logging")
  class Logging {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "campaign list --store x|",
          "-v campaign list|info",
          "campaign list --verbose|info",
          "campaign list -vv|debug",
          "-v --verbose stats|debug",
          "submit --text -- -v|",
        })
    @DisplayName("is quiet by default; -v gives info, -vv debug; values after -- do not count")
    void levelFromArguments(String args, String level) {
      assertThat(SpiritCli.logLevel(args.split(" "))).isEqualTo(Optional.ofNullable(level));
    }

    @Test
    @DisplayName("a real spirit process prints no log line by default and the store's with -v")
    void processIsQuiet() throws Exception {
      createCampaign();
      Process quiet = java("campaign", "list", "--store", store());
      assertThat(quiet.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String quietErr = new String(quiet.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      String quietOut = new String(quiet.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(quiet.exitValue()).as(quietErr).isZero();
      assertThat(quietOut).contains("yz");
      assertThat(quietErr).isEmpty();

      Process verbose = java("campaign", "list", "--store", store(), "--verbose");
      assertThat(verbose.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String verboseErr =
          new String(verbose.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(verbose.exitValue()).as(verboseErr).isZero();
      assertThat(verboseErr).contains("INFO FileStore - file store").contains("opened");
    }

    private Process java(String... args) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(SpiritCli.class.getName());
      command.addAll(List.of(args));
      return new ProcessBuilder(command).directory(dir.toFile()).start();
    }
  }

  @Nested
  @DisplayName("submit")
  class SubmitText {
    @Test
    @DisplayName("--text-file reads a UTF-8 file, dropping only its final line break")
    void textFile() throws IOException {
      createCampaign("--open");
      Path poem = dir.resolve("poem.txt");
      Files.writeString(poem, "\uFEFF山城雾起\n江水长流\n", StandardCharsets.UTF_8);
      CliHarness.Result r = submit("--text-file", poem.toString(), "--kind", "poem");
      assertThat(r.exit()).as(r.err()).isZero();
      try (Spirit spirit = SpiritOpener.standard().open(store())) {
        Campaign c = spirit.campaigns().bySlug("yz").orElseThrow();
        assertThat(
                spirit.submissions().stream(dev.spirit.storage.SubmissionFilter.all(c.id()))
                    .map(s -> s.text().original())
                    .toList())
            .containsExactly("山城雾起\n江水长流");
      }
    }

    @Test
    @DisplayName("--text - reads standard input")
    void standardInput() {
      createCampaign("--open");
      CliHarness.Result r = submitWithInput("耿直\n", "--text", "-");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).startsWith("accepted ").contains(" status approved");
    }

    @Test
    @DisplayName("a file that is not UTF-8 (a GBK file) is refused as a usage error, naming it")
    void notUtf8() throws IOException {
      createCampaign("--open");
      Path gbk = dir.resolve("gbk.txt");
      Files.write(gbk, "耿直热情".getBytes(Charset.forName("GBK")));
      CliHarness.Result r = submit("--text-file", gbk.toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains(gbk + " is not UTF-8 text");
    }

    @Test
    @DisplayName("a missing --text-file is refused naming the file")
    void missingFile() {
      createCampaign("--open");
      CliHarness.Result r = submit("--text-file", dir.resolve("nope.txt").toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("no such file: " + dir.resolve("nope.txt"));
    }

    @Test
    @DisplayName("--text and --text-file together, or neither, is a usage error")
    void exactlyOneSource() throws IOException {
      createCampaign("--open");
      Path f = dir.resolve("t.txt");
      Files.writeString(f, "耿直");
      assertThat(submit("--text", "x", "--text-file", f.toString()).exit()).isEqualTo(2);
      CliHarness.Result neither = submit();
      assertThat(neither.exit()).isEqualTo(2);
      assertThat(neither.err()).contains("Missing required argument");
    }
  }

  @Nested
  @DisplayName("campaign pause, resume, archive and schedule")
  class Lifecycle {
    @Test
    @DisplayName("a paused campaign refuses submissions until it is resumed; archive after close")
    void pauseResumeArchive() {
      createCampaign("--open");
      assertThat(spirit("campaign", "pause", "yz", "--store", store()).out())
          .isEqualTo("campaign yz is paused\n");
      CliHarness.Result whilePaused = submit("--text", "耿直");
      assertThat(whilePaused.exit()).isEqualTo(1);
      assertThat(spirit("campaign", "resume", "yz", "--store", store()).out())
          .isEqualTo("campaign yz is open again\n");
      assertThat(submit("--text", "耿直").exit()).isZero();
      CliHarness.Result tooEarly = spirit("campaign", "archive", "yz", "--store", store());
      assertThat(tooEarly.exit()).isEqualTo(1);
      assertThat(spirit("campaign", "close", "yz", "--store", store()).exit()).isZero();
      assertThat(spirit("campaign", "archive", "yz", "--store", store()).out())
          .isEqualTo("campaign yz is archived\n");
      assertThat(stored().state()).isEqualTo(dev.spirit.campaign.CampaignState.ARCHIVED);
    }

    @Test
    @DisplayName("create --opens/--closes/--time-zone read local times in the campaign's zone")
    void createWithWindow() {
      createCampaign(
          "--opens", "2026-12-10T09:00", "--closes", "2027-01-31", "--time-zone", "Asia/Shanghai");
      Campaign c = stored();
      assertThat(c.opensAt()).contains(Instant.parse("2026-12-10T01:00:00Z"));
      assertThat(c.closesAt()).contains(Instant.parse("2027-01-30T16:00:00Z"));
      assertThat(c.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    @DisplayName("schedule sets a window that intake keeps, and --no-window removes it")
    void scheduleWindow() {
      createCampaign("--open");
      CliHarness.Result scheduled =
          spirit(
              "campaign",
              "schedule",
              "yz",
              "--store",
              store(),
              "--opens",
              "2090-01-01T08:00+08:00",
              "--time-zone",
              "Europe/Berlin");
      assertThat(scheduled.exit()).as(scheduled.err()).isZero();
      assertThat(scheduled.out())
          .isEqualTo("campaign yz takes submissions from 2090-01-01 01:00 (Europe/Berlin)\n");
      assertThat(submit("--text", "耿直").exit()).isEqualTo(1);
      CliHarness.Result removed =
          spirit("campaign", "schedule", "yz", "--store", store(), "--no-window");
      assertThat(removed.out())
          .isEqualTo(
              "campaign yz takes submissions whenever it is open (no window; time zone"
                  + " Europe/Berlin)\n");
      assertThat(submit("--text", "耿直").exit()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "--opens|tomorrow|--opens: 'tomorrow' is not a time",
          "--time-zone|Chongqing/Yuzhong|--time-zone: 'Chongqing/Yuzhong' is not a time zone",
        })
    @DisplayName("a bad time or zone is a usage error that names the option")
    void badValues(String option, String value, String message) {
      createCampaign();
      CliHarness.Result r = spirit("campaign", "schedule", "yz", "--store", store(), option, value);
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains(message);
    }

    @Test
    @DisplayName("closes before opens is refused and the stored window stays")
    void closesBeforeOpens() {
      createCampaign("--opens", "2027-01-01");
      CliHarness.Result r =
          spirit("campaign", "schedule", "yz", "--store", store(), "--closes", "2026-12-01");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("closesAt");
      assertThat(stored().closesAt()).isEmpty();
    }
  }

  @Nested
  @DisplayName("--json on listing commands")
  class Json {
    @Test
    @DisplayName("campaign list --json prints one object per campaign")
    void campaignList() throws Exception {
      createCampaign("--open");
      CliHarness.Result r = spirit("campaign", "list", "--store", store(), "--json");
      assertThat(r.exit()).as(r.err()).isZero();
      List<String> lines = r.out().lines().toList();
      assertThat(lines).hasSize(1);
      JsonNode row = new ObjectMapper().readTree(lines.get(0));
      assertThat(row.get("slug").asText()).isEqualTo("yz");
      assertThat(row.get("state").asText()).isEqualTo("open");
      assertThat(row.get("submissions").asLong()).isZero();
      assertThat(row.get("timeZone").asText()).isEqualTo("Asia/Shanghai");
      assertThat(row.get("districts").get(0).asText()).isEqualTo("yuzhong");
    }

    @Test
    @DisplayName("campaign lexicon --json prints one object per revision")
    void lexiconHistory() throws Exception {
      Path lexicon = dir.resolve("city.tsv");
      Files.writeString(lexicon, "term\tcategory\taction\n赌博\tgambling\tblock\n");
      createCampaign("--lexicon", lexicon.toString());
      CliHarness.Result r = spirit("campaign", "lexicon", "yz", "--store", store(), "--json");
      assertThat(r.exit()).as(r.err()).isZero();
      List<String> lines = r.out().lines().toList();
      assertThat(lines).hasSize(1);
      JsonNode row = new ObjectMapper().readTree(lines.get(0));
      assertThat(row.get("revision").asLong()).isEqualTo(1);
      assertThat(row.get("layers").get(0).asText()).contains("city.tsv");
    }
  }

  @Test
  @DisplayName("generate-completion prints a bash/zsh completion script covering the commands")
  void completion() {
    CliHarness.Result r = spirit("generate-completion");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("complete -F _complete_spirit")
        .contains("campaign")
        .contains("schedule")
        .contains("--text-file");
    assertThat(spirit("--help").out()).contains("generate-completion");
  }
}
