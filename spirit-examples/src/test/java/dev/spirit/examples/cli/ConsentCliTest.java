package dev.spirit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.campaign.Campaign;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("campaign create / update set the consent text and the required purposes")
class ConsentCliTest {
  private static final String STORE = "mem:consent-cli";
  private static final String WORDS = "我同意渝中区城市精神征集发布并统计我的话。\n";
  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @AfterEach
  void closeStores() {
    cli.close();
  }

  private Path write(String name, byte[] content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  private Path consentFile() throws Exception {
    return write("consent.txt", WORDS.getBytes(StandardCharsets.UTF_8));
  }

  private CliHarness.Result create(String slug, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "campaign",
                "create",
                slug,
                "--store",
                STORE,
                "--title-zh",
                "渝中精神",
                "--title-en",
                "Spirit of Yuzhong",
                "--district",
                "yuzhong"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private Campaign campaign(String slug) {
    return cli.spirit(STORE).campaigns().bySlug(slug).orElseThrow();
  }

  @Test
  @DisplayName(
      "create --consent-text --consent-version --require-purposes stores the text's version and"
          + " hash and the purposes, and list --json shows them")
  void create() throws Exception {
    CliHarness.Result r =
        create(
            "c1",
            "--consent-text",
            consentFile().toString(),
            "--consent-version",
            "2026-12-v2",
            "--require-purposes",
            "publish,statistics");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("consent text 2026-12-v2", "requires [publish, statistics]");
    Campaign c = campaign("c1");
    assertThat(c.rules().consentText()).contains(ConsentText.of("2026-12-v2", WORDS));
    assertThat(c.rules().requiredPurposes())
        .containsExactly(ConsentPurpose.PUBLISH, ConsentPurpose.STATISTICS);

    CliHarness.Result list = cli.run("campaign", "list", "--json", "--store", STORE);
    assertThat(list.exit()).as(list.err()).isZero();
    JsonNode row =
        new ObjectMapper()
            .readTree(
                list.out().lines().filter(l -> l.contains("\"c1\"")).findFirst().orElseThrow());
    assertThat(row.get("consentVersion").asText()).isEqualTo("2026-12-v2");
    assertThat(row.get("consentSha256").asText()).isEqualTo(ConsentText.of("v", WORDS).sha256());
    assertThat(row.get("requiredPurposes").toString()).isEqualTo("[\"publish\",\"statistics\"]");
  }

  @Test
  @DisplayName("a file saved with a byte-order mark hashes the same words as one without")
  void byteOrderMark() throws Exception {
    byte[] words = WORDS.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[words.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(words, 0, withBom, 3, words.length);
    Path file = write("bom.txt", withBom);
    CliHarness.Result r =
        create("bom", "--consent-text", file.toString(), "--consent-version", "v1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(campaign("bom").rules().consentText()).contains(ConsentText.of("v1", WORDS));
  }

  @Test
  @DisplayName(
      "update sets a new text version and keeps the required purposes; --require-purposes none"
          + " clears them and keeps the text; submissions must then name the new version")
  void update() throws Exception {
    assertThat(
            create(
                    "c2",
                    "--open",
                    "--consent-text",
                    consentFile().toString(),
                    "--consent-version",
                    "v1",
                    "--require-purposes",
                    "publish")
                .exit())
        .isZero();
    Path v2 = write("v2.txt", "新的同意书：发布。".getBytes(StandardCharsets.UTF_8));
    CliHarness.Result r =
        cli.run(
            "campaign",
            "update",
            "c2",
            "--store",
            STORE,
            "--consent-text",
            v2.toString(),
            "--consent-version",
            "v2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("campaign c2: consent text v2", "requires [publish]");
    assertThat(campaign("c2").rules().consentText()).contains(ConsentText.of("v2", "新的同意书：发布。"));
    assertThat(campaign("c2").rules().requiredPurposes()).containsExactly(ConsentPurpose.PUBLISH);

    CliHarness.Result stale =
        cli.run(
            "submit",
            "--store",
            STORE,
            "--campaign",
            "c2",
            "--text",
            "耿直",
            "--district",
            "yuzhong",
            "--participant",
            "p-1",
            "--purposes",
            "publish",
            "--consent-version",
            "v1");
    assertThat(stale.exit()).isNotZero();
    assertThat(stale.out() + stale.err()).contains("v2");

    CliHarness.Result cleared =
        cli.run("campaign", "update", "c2", "--store", STORE, "--require-purposes", "none");
    assertThat(cleared.exit()).as(cleared.err()).isZero();
    assertThat(campaign("c2").rules().requiredPurposes()).isEmpty();
    assertThat(campaign("c2").rules().consentText().orElseThrow().version()).isEqualTo("v2");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(
            "a missing file",
            List.of("--consent-text", "@missing", "--consent-version", "v1"),
            "--consent-text",
            "does not exist"),
        Arguments.of(
            "an empty file",
            List.of("--consent-text", "@empty", "--consent-version", "v1"),
            "--consent-text",
            "is empty"),
        Arguments.of(
            "a file that is not UTF-8",
            List.of("--consent-text", "@gbk", "--consent-version", "v1"),
            "--consent-text",
            "not UTF-8"),
        Arguments.of(
            "a text without its version",
            List.of("--consent-text", "@good"),
            "--consent-text",
            "--consent-version"),
        Arguments.of(
            "a version without a text",
            List.of("--consent-version", "v1"),
            "--consent-version",
            "give the file"),
        Arguments.of(
            "a version with spaces",
            List.of("--consent-text", "@good", "--consent-version", "version one"),
            "--consent-version",
            "version one"),
        Arguments.of(
            "an unknown purpose",
            List.of("--require-purposes", "publish,marketing"),
            "--require-purposes",
            "marketing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  @DisplayName("a bad value exits 2 naming the option, and no campaign is created or changed")
  void bad(String what, List<String> options, String option, String reason) throws Exception {
    Path good = consentFile();
    Path empty = write("empty.txt", "  \n".getBytes(StandardCharsets.UTF_8));
    Path gbk = write("gbk.txt", "我同意".getBytes("GBK"));
    List<String> args = new ArrayList<>();
    for (String o : options) {
      args.add(
          switch (o) {
            case "@missing" -> dir.resolve("nowhere.txt").toString();
            case "@empty" -> empty.toString();
            case "@gbk" -> gbk.toString();
            case "@good" -> good.toString();
            default -> o;
          });
    }
    CliHarness.Result created = create("bad", args.toArray(String[]::new));
    assertThat(created.exit()).as(created.out()).isEqualTo(SpiritCli.USAGE);
    assertThat(created.err()).contains(option).contains(reason);
    assertThat(cli.spirit(STORE).campaigns().bySlug("bad")).isEmpty();

    assertThat(create("kept").exit()).isZero();
    long version = campaign("kept").version();
    List<String> update = new ArrayList<>(List.of("campaign", "update", "kept", "--store", STORE));
    update.addAll(args);
    CliHarness.Result updated = cli.run(update.toArray(String[]::new));
    assertThat(updated.exit()).isEqualTo(SpiritCli.USAGE);
    assertThat(updated.err()).contains(option).contains(reason);
    assertThat(campaign("kept").rules().consentText()).isEmpty();
    assertThat(campaign("kept").rules().requiredPurposes()).isEmpty();
    assertThat(campaign("kept").version()).isEqualTo(version);
  }
}
