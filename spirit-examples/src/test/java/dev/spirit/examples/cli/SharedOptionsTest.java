package dev.spirit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.examples.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The options several commands share are declared once; these tests pin down that every command
 * taking one still accepts it, with the same label, default, help text and error messages.
 */
@DisplayName("Options shared by several commands")
class SharedOptionsTest {
  private static final String STORE = "mem:shared-options-test";
  private static final String BAD_STORE = "nosuch:somewhere";
  private static final String NO_CAMPAIGN =
      "spirit: campaign 'nope' (neither a slug nor an id in this store) does not exist\n";

  private final CliHarness cli = new CliHarness();

  @AfterEach
  void closeStores() {
    cli.close();
  }

  /** Every command that takes the shared --store, with the other arguments it requires. */
  static Stream<Arguments> storeCommands() {
    return Stream.of(
        Arguments.of(
            "campaign create",
            List.of("s", "--title-zh", "z", "--title-en", "e", "--district", "d")),
        Arguments.of("campaign open", List.of("c")),
        Arguments.of("campaign close", List.of("c")),
        Arguments.of("campaign pause", List.of("c")),
        Arguments.of("campaign resume", List.of("c")),
        Arguments.of("campaign archive", List.of("c")),
        Arguments.of("campaign schedule", List.of("c", "--no-window")),
        Arguments.of("campaign retention", List.of("c", "30d")),
        Arguments.of("campaign list", List.of()),
        Arguments.of("kiosk issue", List.of("k")),
        Arguments.of("kiosk revoke", List.of("0000000000000000")),
        Arguments.of("kiosk list", List.of()),
        Arguments.of("campaign update", List.of("c")),
        Arguments.of("campaign lexicon", List.of("c")),
        Arguments.of("remoderate", List.of("--campaign", "c")),
        Arguments.of(
            "submit",
            List.of("--campaign", "c", "--text", "t", "--district", "d", "--participant", "p")),
        Arguments.of("import", List.of("rows.csv", "--campaign", "c")),
        Arguments.of("review", List.of("--campaign", "c")),
        Arguments.of("stats", List.of("--campaign", "c")),
        Arguments.of("export", List.of("--campaign", "c")),
        Arguments.of("report", List.of("--campaign", "c")),
        Arguments.of("erase-participant", List.of("p")),
        Arguments.of("withdraw-consent", List.of("p", "--unpublish")),
        Arguments.of("purge", List.of("--dry-run")),
        Arguments.of("moderate", List.of("--campaign", "c")),
        Arguments.of("audit export", List.of("--campaign", "c")),
        Arguments.of("audit verify", List.of("--campaign", "c")),
        Arguments.of("serve", List.of("--moderator-token", "a-long-enough-token", "--port", "0")));
  }

  /**
   * Every command that takes the shared, required --campaign, with its other required arguments.
   */
  static Stream<Arguments> campaignCommands() {
    return Stream.of(
        Arguments.of("submit", List.of("--text", "t", "--district", "d", "--participant", "p")),
        Arguments.of("import", List.of("rows.csv")),
        Arguments.of("review", List.of()),
        Arguments.of("stats", List.of()),
        Arguments.of("export", List.of()),
        Arguments.of("report", List.of()),
        Arguments.of("remoderate", List.of()),
        Arguments.of("audit export", List.of()),
        Arguments.of("audit verify", List.of()));
  }

  /** Every command that takes the shared --lexicon and --allow. */
  static final List<String> LEXICON_COMMANDS =
      List.of("submit", "import", "serve", "moderate", "campaign create", "campaign update");

  private static String[] args(String command, List<String> rest, String... more) {
    List<String> all = new ArrayList<>(List.of(command.split(" ")));
    all.addAll(rest);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** Every command of the tree by its full name, e.g. "campaign open". */
  private Map<String, CommandLine> commands() {
    Map<String, CommandLine> all = new TreeMap<>();
    collect(cli.commandLine(), "", all);
    return all;
  }

  private static void collect(CommandLine cl, String prefix, Map<String, CommandLine> into) {
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              String full = prefix.isEmpty() ? name : prefix + " " + name;
              into.put(full, sub);
              collect(sub, full, into);
            });
  }

  @Nested
  @DisplayName("--store")
  class Store {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.spirit.examples.cli.SharedOptionsTest#storeCommands")
    @DisplayName("every store command passes --store to the backend and fails alike on a bad one")
    void badStore(String command, List<String> rest) {
      String expected = cli.run("campaign", "list", "--store", BAD_STORE).err();
      assertThat(expected)
          .startsWith("spirit: no storage backend on the class path accepts '" + BAD_STORE + "'");

      CliHarness.Result r = cli.run(args(command, rest, "--store", BAD_STORE));
      assertThat(r.exit()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).isEqualTo(expected);
      assertThat(r.out()).isEmpty();
      CliHarness.Result attached = cli.run(args(command, rest, "--store=" + BAD_STORE));
      assertThat(attached.exit()).isEqualTo(1);
      assertThat(attached.err()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.spirit.examples.cli.SharedOptionsTest#storeCommands")
    @DisplayName("--store without a value is a usage error (2) naming the option")
    void missingValue(String command, List<String> rest) {
      CliHarness.Result r = cli.run(args(command, rest, "--store"));
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("Missing required parameter for option '--store' (URI)\n");
    }

    @Test
    @DisplayName("is one option: same label, default and help text on every store command")
    void declaredOnce() {
      Map<String, CommandLine> commands = commands();
      List<String> withStore =
          commands.entrySet().stream()
              .filter(e -> e.getValue().getCommandSpec().findOption("--store") != null)
              .map(Map.Entry::getKey)
              .toList();
      List<String> expected =
          new ArrayList<>(storeCommands().map(a -> (String) a.get()[0]).toList());
      expected.add("demo");
      assertThat(withStore).containsExactlyInAnyOrderElementsOf(expected);

      OptionSpec reference = commands.get("campaign list").getCommandSpec().findOption("--store");
      assertThat(reference.defaultValue())
          .isEqualTo(System.getenv().getOrDefault("SPIRIT_STORE", "file:./spirit-data"));
      assertThat(String.join(" ", reference.renderedDescription()))
          .startsWith("Store to use: file:DIR, jdbc:h2:..., jdbc:postgresql://..., or mem:")
          .endsWith("(or the SPIRIT_STORE environment variable).");
      for (String name : withStore) {
        if (name.equals("demo")) {
          continue;
        }
        OptionSpec store = commands.get(name).getCommandSpec().findOption("--store");
        assertThat(store.names()).as(name).containsExactly("--store");
        assertThat(store.paramLabel()).as(name).isEqualTo("URI");
        assertThat(store.required()).as(name).isFalse();
        assertThat(store.defaultValue()).as(name).isEqualTo(reference.defaultValue());
        assertThat(store.renderedDescription())
            .as(name)
            .containsExactly(reference.renderedDescription());
      }
    }

    @Test
    @DisplayName("demo --store is a different option: the store the demo fills, by default its own")
    void demoStoreIsItsOwn() {
      OptionSpec store = commands().get("demo").getCommandSpec().findOption("--store");
      assertThat(store.defaultValue()).isEqualTo(Wiring.DEFAULT_DEMO_STORE);
      assertThat(String.join(" ", store.renderedDescription()))
          .isEqualTo("Store to fill (default: " + Wiring.DEFAULT_DEMO_STORE + ").");
    }
  }

  @Nested
  @DisplayName("--campaign")
  class CampaignOption {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.spirit.examples.cli.SharedOptionsTest#campaignCommands")
    @DisplayName("is required: leaving it out is a usage error (2) naming it")
    void required(String command, List<String> rest) {
      CliHarness.Result r = cli.run(args(command, rest, "--store", STORE));
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("Missing required option: '--campaign=CAMPAIGN'\n");
      assertThat(r.err()).contains("      --campaign=CAMPAIGN   Campaign slug or id.\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.spirit.examples.cli.SharedOptionsTest#campaignCommands")
    @DisplayName("a campaign the store does not have fails with exit code 1, naming it")
    void unknown(String command, List<String> rest) {
      CliHarness.Result r = cli.run(args(command, rest, "--store", STORE, "--campaign", "nope"));
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).isEqualTo(NO_CAMPAIGN);
    }

    @Test
    @DisplayName("moderate --campaign is a different, optional option with its own help")
    void moderateCampaignIsItsOwn() {
      Map<String, CommandLine> commands = commands();
      for (Arguments a : campaignCommands().toList()) {
        String name = (String) a.get()[0];
        OptionSpec campaign = commands.get(name).getCommandSpec().findOption("--campaign");
        assertThat(campaign.required()).as(name).isTrue();
        assertThat(campaign.paramLabel()).as(name).isEqualTo("CAMPAIGN");
        assertThat(campaign.description()).as(name).containsExactly("Campaign slug or id.");
      }
      OptionSpec moderate = commands.get("moderate").getCommandSpec().findOption("--campaign");
      assertThat(moderate.required()).isFalse();
      assertThat(moderate.description())
          .containsExactly(
              "Moderate as for this campaign of the store (default: a neutral campaign).");
    }
  }

  @Nested
  @DisplayName("--lexicon and --allow")
  class LexiconOptionsTest {
    @Test
    @DisplayName(
        "are one pair of repeatable options, with the same label and help, on submit, import,"
            + " serve, moderate, campaign create and campaign update, and on no other command")
    void declaredOnce() {
      Map<String, CommandLine> commands = commands();
      List<String> withLexicon =
          commands.entrySet().stream()
              .filter(e -> e.getValue().getCommandSpec().findOption("--lexicon") != null)
              .map(Map.Entry::getKey)
              .toList();
      assertThat(withLexicon).containsExactlyInAnyOrderElementsOf(LEXICON_COMMANDS);
      OptionSpec lexicon = commands.get("submit").getCommandSpec().findOption("--lexicon");
      OptionSpec allow = commands.get("submit").getCommandSpec().findOption("--allow");
      assertThat(lexicon.isMultiValue()).isTrue();
      assertThat(allow.isMultiValue()).isTrue();
      for (String name : LEXICON_COMMANDS) {
        for (OptionSpec reference : List.of(lexicon, allow)) {
          OptionSpec option =
              commands.get(name).getCommandSpec().findOption(reference.longestName());
          assertThat(option.paramLabel()).as(name).isEqualTo("FILE");
          assertThat(option.required()).as(name).isFalse();
          assertThat(option.isMultiValue()).as(name).isTrue();
          assertThat(option.description()).as(name).containsExactly(reference.description());
        }
      }
    }
  }

  @Nested
  @DisplayName("the CAMPAIGN argument of campaign open and close")
  class CampaignArgumentTest {
    @ParameterizedTest(name = "campaign {0}")
    @ValueSource(strings = {"open", "close"})
    @DisplayName("is required: leaving it out is a usage error (2) naming it")
    void required(String verb) {
      CliHarness.Result r = cli.run("campaign", verb, "--store", STORE);
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .startsWith("Missing required parameter: 'CAMPAIGN'\n")
          .contains(
              "Usage: spirit campaign " + verb + " [-hVv] [--create] [--store=URI] CAMPAIGN\n")
          .contains("      CAMPAIGN      Slug or id.\n");
    }

    @ParameterizedTest(name = "campaign {0}")
    @ValueSource(strings = {"open", "close"})
    @DisplayName("a campaign the store does not have fails with exit code 1, naming it")
    void unknown(String verb) {
      CliHarness.Result r = cli.run("campaign", verb, "nope", "--store", STORE);
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).isEqualTo(NO_CAMPAIGN);
    }

    @ParameterizedTest(name = "campaign {0}")
    @ValueSource(strings = {"open", "close"})
    @DisplayName("takes one argument only")
    void one(String verb) {
      CliHarness.Result r = cli.run("campaign", verb, "a", "b", "--store", STORE);
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("Unmatched argument at index 3: 'b'\n");
    }

    @Test
    @DisplayName("names a campaign by its id as well as by its slug")
    void byId() {
      CliHarness.Result created =
          cli.run(
              "campaign",
              "create",
              "by-id",
              "--store",
              STORE,
              "--title-zh",
              "渝中精神",
              "--title-en",
              "Spirit of Yuzhong",
              "--district",
              "yuzhong");
      assertThat(created.exit()).as(created.err()).isZero();
      String id = cli.spirit(STORE).campaigns().bySlug("by-id").orElseThrow().id().toString();

      CliHarness.Result opened = cli.run("campaign", "open", id, "--store", STORE);
      assertThat(opened.exit()).as(opened.err()).isZero();
      assertThat(opened.out()).isEqualTo("campaign by-id is open\n");
      CliHarness.Result closed = cli.run("campaign", "close", id, "--store", STORE);
      assertThat(closed.exit()).as(closed.err()).isZero();
      assertThat(closed.out()).isEqualTo("campaign by-id is closed\n");
    }

    @Test
    @DisplayName("has the same label and help text in both commands")
    void declaredOnce() {
      Map<String, CommandLine> commands = commands();
      for (String name : List.of("campaign open", "campaign close", "campaign retention")) {
        List<PositionalParamSpec> positionals =
            commands.get(name).getCommandSpec().positionalParameters();
        assertThat(positionals).as(name).hasSizeGreaterThanOrEqualTo(1);
        assertThat(positionals.get(0).paramLabel()).as(name).isEqualTo("CAMPAIGN");
        assertThat(positionals.get(0).description()).as(name).containsExactly("Slug or id.");
        assertThat(positionals.get(0).required()).as(name).isTrue();
      }
    }
  }
}
