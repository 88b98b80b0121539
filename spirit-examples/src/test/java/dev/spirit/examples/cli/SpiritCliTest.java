package dev.spirit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.review.ReviewQueue;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The spirit CLI")
class SpiritCliTest {
  private static final String STORE = "mem:cli-test";
  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;

  @AfterEach
  void closeStores() {
    cli.close();
  }

  private void campaign(String slug, String moderation) {
    CliHarness.Result r =
        cli.run(
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
            "yuzhong",
            "--district",
            "jiangbei",
            "--moderation",
            moderation,
            "--open");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  private CliHarness.Result submit(String slug, String text, String participant, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "submit",
                "--store",
                STORE,
                "--campaign",
                slug,
                "--text",
                text,
                "--district",
                "yuzhong",
                "--participant",
                participant));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private List<Submission> stored(String slug) {
    Spirit spirit = cli.spirit(STORE);
    try (Stream<Submission> s =
        spirit.submissions().stream(
            SubmissionFilter.all(spirit.campaigns().bySlug(slug).orElseThrow().id()))) {
      return s.toList();
    }
  }

  @Nested
  @DisplayName("in general")
  class General {
    @Test
    @DisplayName("--help lists every command and exits 0")
    void help() {
      CliHarness.Result r = cli.run("--help");
      assertThat(r.exit()).isZero();
      assertThat(r.out())
          .contains("campaign", "submit", "import", "review", "stats", "export", "report")
          .contains("erase-participant", "moderate", "demo", "Exit codes: 0 success");
    }

    @Test
    @DisplayName("every command has its own --help, naming --store")
    void subcommandHelp() {
      for (String command :
          List.of(
              "submit",
              "import",
              "review",
              "stats",
              "export",
              "report",
              "erase-participant",
              "purge",
              "moderate")) {
        CliHarness.Result r = cli.run(command, "--help");
        assertThat(r.exit()).as(command).isZero();
        assertThat(r.out()).as(command).contains("--store=URI");
      }
      assertThat(cli.run("campaign", "create", "--help").out()).contains("--district=CODE");
    }

    @Test
    @DisplayName("no command, or a group without its subcommand, is a usage error (2)")
    void noCommand() {
      assertThat(cli.run().exit()).isEqualTo(2);
      CliHarness.Result r = cli.run("campaign");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("create", "list");
    }

    @Test
    @DisplayName("an unknown option or a bad value is a usage error (2) with a message")
    void usageErrors() {
      CliHarness.Result unknown = cli.run("stats", "--campaign", "c", "--nope");
      assertThat(unknown.exit()).isEqualTo(2);
      assertThat(unknown.err()).contains("Unknown option: '--nope'");
      CliHarness.Result badChannel =
          cli.run(
              "submit",
              "--store",
              STORE,
              "--campaign",
              "x",
              "--text",
              "t",
              "--district",
              "yuzhong",
              "--participant",
              "p",
              "--channel",
              "pigeon");
      assertThat(badChannel.exit()).isEqualTo(2);
      assertThat(badChannel.err()).contains("unknown channel 'pigeon'", "message-board");
    }

    @Test
    @DisplayName("a store URI no backend accepts fails with the store's message and exit code 1")
    void unknownStore() {
      CliHarness.Result r = cli.run("campaign", "list", "--store", "nosuch:somewhere");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("spirit: ")
          .contains("no storage backend on the class path accepts 'nosuch:somewhere'")
          .contains("mem:");
    }

    @Test
    @DisplayName("a missing campaign is named in the error (exit 1)")
    void missingCampaign() {
      CliHarness.Result r = cli.run("stats", "--store", STORE, "--campaign", "nope");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).contains("campaign 'nope'", "does not exist");
    }
  }

  @Nested
  @DisplayName("campaign")
  class Campaigns {
    @Test
    @DisplayName("create, list, close: the lifecycle shows in the listing")
    void lifecycle() {
      CliHarness.Result created =
          cli.run(
              "campaign",
              "create",
              "spirit-2026",
              "--store",
              STORE,
              "--title-zh",
              "重庆城市精神",
              "--title-en",
              "Spirit of Chongqing City",
              "--district",
              "yuzhong",
              "--channel",
              "online",
              "--channel",
              "message-board");
      assertThat(created.exit()).as(created.err()).isZero();
      assertThat(created.out()).startsWith("created campaign spirit-2026 (").endsWith("), draft\n");

      assertThat(cli.run("campaign", "open", "spirit-2026", "--store", STORE).out())
          .isEqualTo("campaign spirit-2026 is open\n");
      submit("spirit-2026", "耿直", "p1", "--channel", "online");

      CliHarness.Result list = cli.run("campaign", "list", "--store", STORE);
      assertThat(list.exit()).isZero();
      assertThat(list.out())
          .contains("SLUG", "STATE", "SUBMISSIONS")
          .containsPattern("spirit-2026\\s+open\\s+1\\s+重庆城市精神 · Spirit of Chongqing City");

      assertThat(cli.run("campaign", "close", "spirit-2026", "--store", STORE).exit()).isZero();
      assertThat(cli.run("campaign", "list", "--store", STORE).out())
          .containsPattern("spirit-2026\\s+closed");
    }

    @Test
    @DisplayName("an illegal lifecycle move fails with exit code 1 and says why")
    void illegalMove() {
      campaign("c1", "pre");
      cli.run("campaign", "close", "c1", "--store", STORE);
      CliHarness.Result r = cli.run("campaign", "open", "c1", "--store", STORE);
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).contains("cannot go from CLOSED to OPEN");
    }

    @Test
    @DisplayName("list on an empty store says so")
    void empty() {
      assertThat(cli.run("campaign", "list", "--store", "mem:empty").out())
          .isEqualTo("no campaigns in mem:empty\n");
    }
  }

  @Nested
  @DisplayName("submit")
  class Submit {
    @Test
    @DisplayName("prints the receipt; a retry with the same key is answered with the first")
    void accepted() {
      campaign("s1", "pre");
      CliHarness.Result first = submit("s1", "耿直", "p1", "--idempotency-key", "k-1");
      assertThat(first.exit()).isZero();
      assertThat(first.out()).matches("accepted \\S+ status pending\\n");
      CliHarness.Result again = submit("s1", "耿直", "p1", "--idempotency-key", "k-1");
      assertThat(again.out()).startsWith("already accepted " + first.out().split(" ")[1]);
      assertThat(stored("s1")).hasSize(1);
    }

    @Test
    @DisplayName("the same key with another text is refused as a conflict: exit 1, nothing stored")
    void conflict() {
      campaign("s1c", "pre");
      assertThat(submit("s1c", "耿直", "p1", "--idempotency-key", "k-1").exit()).isZero();
      CliHarness.Result clash = submit("s1c", "雄壮", "p1", "--idempotency-key", "k-1");
      assertThat(clash.exit()).isEqualTo(1);
      assertThat(clash.err())
          .contains("IDEMPOTENCY_CONFLICT")
          .contains("conflict: idempotency key k-1")
          .contains("a different text");
      assertThat(stored("s1c")).extracting(x -> x.text().original()).containsExactly("耿直");
    }

    @Test
    @DisplayName("a refused submission prints every reason and exits 1")
    void refused() {
      campaign("s2", "pre");
      CliHarness.Result r =
          cli.run(
              "submit",
              "--store",
              STORE,
              "--campaign",
              "s2",
              "--text",
              "热情",
              "--district",
              "wushan",
              "--participant",
              "p1",
              "--no-consent");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .contains("refused: DISTRICT_NOT_ALLOWED (district)")
          .contains("refused: CONSENT_REQUIRED");
      assertThat(stored("s2")).isEmpty();
    }
  }

  @Nested
  @DisplayName("import")
  class Import {
    @Test
    @DisplayName("keeps good rows, reports bad ones with line numbers, and imports nothing twice")
    void csv() throws Exception {
      campaign("i1", "post");
      Path file = dir.resolve("mailbox-cards.csv");
      Files.writeString(
          file,
          String.join(
              "\n",
              "\uFEFFtext,district,participant,role,kind",
              "耿直,yuzhong,card-001,resident,keyword",
              ",yuzhong,card-002,resident,keyword",
              "\"山水之城, 美丽之地\",jiangbei,card-003,visitor,slogan",
              "热情,wushan,card-004,resident,keyword",
              "too,many,fields,here,x,y",
              "\"两行的",
              "留言\",yuzhong,card-005,student,message",
              ""),
          StandardCharsets.UTF_8);

      CliHarness.Result first =
          cli.run("import", file.toString(), "--store", STORE, "--campaign", "i1");
      assertThat(first.exit()).isEqualTo(1);
      assertThat(first.out()).isEqualTo("imported 3 · already imported 0 · failed 3 (of 6 rows)\n");
      assertThat(first.err())
          .contains("mailbox-cards.csv:3: text: is missing or empty")
          .contains("mailbox-cards.csv:5: refused: DISTRICT_NOT_ALLOWED")
          .contains("mailbox-cards.csv:6: has 6 fields but the header has 5")
          .contains("Importing mailbox-cards.csv: 100% (6/6)");
      assertThat(stored("i1"))
          .extracting(s -> s.text().original())
          .containsExactly("耿直", "山水之城, 美丽之地", "两行的\n留言");
      assertThat(stored("i1").get(0).provenance().importBatch()).contains("mailbox-cards.csv");

      CliHarness.Result again =
          cli.run("import", file.toString(), "--store", STORE, "--campaign", "i1");
      assertThat(again.out()).isEqualTo("imported 0 · already imported 3 · failed 3 (of 6 rows)\n");
      assertThat(stored("i1")).hasSize(3);
    }

    @Test
    @DisplayName("reads JSON lines and takes idempotency keys from a column")
    void jsonLines() throws Exception {
      campaign("i2", "pre");
      Path file = dir.resolve("interviews.jsonl");
      Files.writeString(
          file,
          String.join(
              "\n",
              "{\"card\":\"A-1\",\"text\":\"受访者说重庆人耿直\",\"district\":\"yuzhong\","
                  + "\"participant\":\"int-1\",\"kind\":\"interview-note\",\"channel\":\"interview\"}",
              "not json",
              "{\"card\":\"A-2\",\"text\":\"candor\",\"district\":\"jiangbei\","
                  + "\"participant\":\"int-2\",\"role\":\"visitor\"}"),
          StandardCharsets.UTF_8);
      CliHarness.Result r =
          cli.run(
              "import",
              file.toString(),
              "--store",
              STORE,
              "--campaign",
              "i2",
              "--key-column",
              "card",
              "--entered-by",
              "staff-li");
      assertThat(r.err()).contains("interviews.jsonl:2: not valid JSON");
      assertThat(r.out()).startsWith("imported 2 · already imported 0 · failed 1");
      List<Submission> s = stored("i2");
      assertThat(s)
          .extracting(x -> x.idempotencyKey().orElseThrow().value())
          .containsExactly("A-1", "A-2");
      assertThat(s.get(0).provenance().enteredBy()).contains("staff-li");
      assertThat(s.get(0).provenance().source().name()).isEqualTo("INTERVIEW_NOTES");
    }

    @Test
    @DisplayName("a missing file fails with exit 1 and names it")
    void missingFile() {
      campaign("i3", "pre");
      CliHarness.Result r =
          cli.run(
              "import", dir.resolve("nope.csv").toString(), "--store", STORE, "--campaign", "i3");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).contains("no such file", "nope.csv");
    }
  }

  @Nested
  @DisplayName("kiosk")
  class Kiosk {
    @Test
    @DisplayName("issue prints the token once, list shows state without secrets, revoke refuses it")
    void lifecycle() {
      CliHarness.Result issued =
          cli.run("kiosk", "issue", "yuzhong-library-1", "--store", STORE, "--valid-for", "P30D");
      assertThat(issued.exit()).as(issued.err()).isZero();
      Matcher m = Pattern.compile("spk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})").matcher(issued.out());
      assertThat(m.find()).as(issued.out()).isTrue();
      String token = m.group();
      String id = m.group(1);
      Spirit spirit = cli.spirit(STORE);
      assertThat(spirit.kiosks().authenticate(token).name()).isEqualTo("yuzhong-library-1");

      CliHarness.Result list = cli.run("kiosk", "list", "--store", STORE);
      assertThat(list.out()).contains(id, "yuzhong-library-1", "active").doesNotContain(m.group(2));

      assertThat(cli.run("kiosk", "revoke", id, "--store", STORE).out())
          .contains("revoked kiosk token " + id + " (yuzhong-library-1)");
      assertThat(cli.run("kiosk", "list", "--store", STORE).out()).contains("revoked ");
      CliHarness.Result json = cli.run("kiosk", "list", "--store", STORE, "--json");
      assertThat(json.exit()).as(json.err()).isZero();
      assertThat(json.out().lines())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .startsWith("{\"id\":\"" + id + "\",\"name\":\"yuzhong-library-1\"")
                      .contains("\"state\":\"revoked\"", "\"revokedAt\":\"")
                      .doesNotContain(m.group(2)));
      assertThatThrownBy(() -> spirit.kiosks().authenticate(token))
          .isInstanceOf(dev.spirit.kiosk.KioskAuthenticationException.class);

      CliHarness.Result unknown = cli.run("kiosk", "revoke", "0000000000000000", "--store", STORE);
      assertThat(unknown.exit()).isNotZero();
      assertThat(unknown.err()).contains("kiosk token 0000000000000000");
      CliHarness.Result badName = cli.run("kiosk", "issue", "has space", "--store", STORE);
      assertThat(badName.exit()).isNotZero();
      assertThat(badName.err()).contains("name");
    }
  }

  @Nested
  @DisplayName("review")
  class Review {
    @Test
    @DisplayName("approves, rejects and skips with single keys read from stdin")
    void keys() {
      campaign("r1", "pre");
      submit("r1", "耿直", "p1");
      submit("r1", "热情", "p2");
      submit("r1", "包容", "p3");
      CliHarness.Result r =
          cli.runWithInput(
              "a\nx\nr\ns\n", "review", "--store", STORE, "--campaign", "r1", "--moderator", "li");
      assertThat(r.exit()).isZero();
      assertThat(r.out())
          .contains("[1/3]", "耿直", "(a)pprove (r)eject (h)ide (s)kip (q)uit >", "→ approved")
          .contains("please answer a, r, h, s or q", "→ rejected")
          .contains("approved 1 · rejected 1 · hidden 0 · skipped 1 · left 0");
      assertThat(stored("r1"))
          .extracting(Submission::status)
          .containsExactly(
              SubmissionStatus.APPROVED, SubmissionStatus.REJECTED, SubmissionStatus.PENDING);
    }

    @Test
    @DisplayName("shows why moderation held a submission, and stops at end of input")
    void reasons() {
      campaign("r2", "post");
      submit("r2", "热情 电话 13812345678 scam", "p1", "--kind", "message");
      CliHarness.Result r = cli.runWithInput("", "review", "--store", STORE, "--campaign", "r2");
      assertThat(r.out())
          .contains("moderation: review-term term 'scam' (fraud); personal-data-mobile 1 × mobile")
          .contains("approved 0 · rejected 0 · hidden 0 · skipped 0 · left 1");
    }

    @Test
    @DisplayName(
        "claims a page with leases, never shows what another moderator holds, releases the rest")
    void leases() {
      campaign("r4", "pre");
      submit("r4", "耿直", "p1");
      submit("r4", "热情", "p2");
      submit("r4", "包容", "p3");
      Spirit spirit = cli.spirit(STORE);
      ReviewQueue queue = new ReviewQueue(spirit);
      SubmissionId wangs = stored("r4").get(0).id();
      queue.claim(wangs, "wang").orElseThrow();

      CliHarness.Result r =
          cli.runWithInput(
              "a\nq\n", "review", "--store", STORE, "--campaign", "r4", "--moderator", "li");

      assertThat(r.out()).contains("热情", "→ approved", "包容").doesNotContain("耿直");
      List<Submission> after = stored("r4");
      assertThat(after.get(0).reviewLease()).get().extracting(l -> l.moderator()).isEqualTo("wang");
      assertThat(after.get(1).status()).isEqualTo(SubmissionStatus.APPROVED);
      assertThat(after.get(1).reviewLease()).isEmpty();
      assertThat(after.get(2).status()).isEqualTo(SubmissionStatus.PENDING);
      assertThat(after.get(2).reviewLease()).as("released on exit").isEmpty();
    }

    @Test
    @DisplayName("claims the next page when one is done, and says when others hold everything")
    void pages() {
      campaign("r5", "pre");
      submit("r5", "耿直", "p1");
      submit("r5", "热情", "p2");
      submit("r5", "包容", "p3");
      CliHarness.Result r =
          cli.runWithInput(
              "a\na\na\n",
              "review",
              "--store",
              STORE,
              "--campaign",
              "r5",
              "--moderator",
              "li",
              "--page",
              "2");
      assertThat(r.out())
          .contains("[3/3]", "approved 3 · rejected 0 · hidden 0 · skipped 0 · left 0");

      submit("r5", "开放", "p4");
      new ReviewQueue(cli.spirit(STORE)).claim(stored("r5").get(3).id(), "wang").orElseThrow();
      assertThat(cli.run("review", "--store", STORE, "--campaign", "r5").out())
          .isEqualTo("nothing free to review in r5 (pending): other moderators hold 1\n");
    }

    @Test
    @DisplayName("an empty queue says so")
    void empty() {
      campaign("r3", "post");
      assertThat(cli.run("review", "--store", STORE, "--campaign", "r3").out())
          .isEqualTo("nothing to review in r3 (pending)\n");
    }
  }

  @Nested
  @DisplayName("stats, export and report")
  class Figures {
    private void fill() {
      campaign("f1", "post");
      submit("f1", "耿直", "p1");
      submit("f1", "耿直", "p2");
      submit("f1", "Candor", "p3", "--role", "visitor", "--channel", "message-board");
      // Held for review by the lexicon ("scam"); its phone number is masked in any case.
      submit("f1", "call 13812345678 now, it is a scam", "p4", "--kind", "message");
      submit("f1", "=HYPERLINK(\"x\")", "p5", "--kind", "message");
    }

    @Test
    @DisplayName("stats prints tables of status, district, channel, role and top words")
    void table() {
      fill();
      CliHarness.Result r = cli.run("stats", "--store", STORE, "--campaign", "f1");
      assertThat(r.exit()).isZero();
      assertThat(r.out())
          .contains("submissions: 5")
          .containsPattern("approved\\s+4\\s+80\\.0%")
          .containsPattern("pending\\s+1\\s+20\\.0%")
          .containsPattern("yuzhong\\s+5")
          .containsPattern("visitor\\s+1")
          // "Candor" counts as 耿直 through the demo's synonym table.
          .containsPattern("耿直\\s+3")
          .doesNotContainPattern("candor\\s+\\d");
    }

    @Test
    @DisplayName("stats --json prints one JSON object with the same figures")
    void json() throws Exception {
      fill();
      CliHarness.Result r = cli.run("stats", "--store", STORE, "--campaign", "f1", "--json");
      JsonNode root = new ObjectMapper().readTree(r.out());
      assertThat(root.get("total").asLong()).isEqualTo(5);
      assertThat(root.get("byStatus").get("approved").asLong()).isEqualTo(4);
      assertThat(root.get("byChannel").get("message-board").asLong()).isEqualTo(1);
      assertThat(root.get("topTerms").get(0).get("term").asText()).isEqualTo("耿直");
      assertThat(root.get("moderationReasons").get("personal-data-mobile").asLong()).isEqualTo(1);
      assertThat(root.get("moderationReasons").get("review-term").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("export writes full CSV, guarding against spreadsheet formulas")
    void exportCsv() {
      fill();
      CliHarness.Result r = cli.run("export", "--store", STORE, "--campaign", "f1");
      assertThat(r.exit()).isZero();
      String[] lines = r.out().split("\n");
      assertThat(lines[0])
          .startsWith(
              "id,received_at,collected_at,district,channel,kind,language,status,role,participant");
      assertThat(lines).hasSize(6);
      assertThat(r.out()).contains(",p1,", "13812345678", "\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    @DisplayName("export --redacted keeps only public text, without participants or phone numbers")
    void exportRedacted() throws Exception {
      fill();
      cli.spirit(STORE); // same store
      CliHarness.Result r =
          cli.run(
              "export", "--store", STORE, "--campaign", "f1", "--redacted", "--format", "jsonl");
      List<JsonNode> rows = new java.util.ArrayList<>();
      for (String line : r.out().split("\n")) {
        rows.add(new ObjectMapper().readTree(line));
      }
      assertThat(rows).hasSize(4);
      assertThat(r.out()).doesNotContain("p1", "p2", "13812345678", "participant");
      assertThat(rows.get(0).get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
      assertThat(rows).extracting(n -> n.get("text").asText()).contains("耿直", "Candor");
    }

    @Test
    @DisplayName("export --format jsonl writes Spirit's canonical records, one per line")
    void exportJsonLines() {
      fill();
      CliHarness.Result r =
          cli.run("export", "--store", STORE, "--campaign", "f1", "--format", "jsonl");
      List<Submission> decoded =
          r.out().lines().map(dev.spirit.storage.SpiritCodec::submissionFromJson).toList();
      assertThat(decoded).isEqualTo(stored("f1"));
    }

    @Test
    @DisplayName("export -o writes a file and says how many it exported")
    void exportFile() throws Exception {
      fill();
      Path out = dir.resolve("open-data.csv");
      CliHarness.Result r =
          cli.run(
              "export", "--store", STORE, "--campaign", "f1", "--redacted", "-o", out.toString());
      assertThat(r.out()).isEqualTo("exported 4 submissions to " + out + "\n");
      assertThat(Files.readAllLines(out))
          .hasSize(5)
          .first()
          .isEqualTo("date,district,channel,kind,language,role,text");
    }

    @Test
    @DisplayName("report writes the HTML report and prints its path")
    void report() throws Exception {
      fill();
      Path out = dir.resolve("f1.html");
      CliHarness.Result r =
          cli.run("report", "--store", STORE, "--campaign", "f1", "-o", out.toString());
      assertThat(r.exit()).isZero();
      assertThat(r.out()).isEqualTo("Report: " + out.toAbsolutePath() + "\n");
      assertThat(Files.readString(out)).contains("<svg", "耿直", "渝中精神");
    }
  }

  @Nested
  @DisplayName("erase-participant")
  class Erase {
    @Test
    @DisplayName("asks for --yes (usage error), then erases every submission of the participant")
    void erase() {
      campaign("e1", "pre");
      submit("e1", "耿直", "p1");
      submit("e1", "热情", "p1");
      submit("e1", "包容", "p2");
      CliHarness.Result unconfirmed = cli.run("erase-participant", "p1", "--store", STORE);
      assertThat(unconfirmed.exit()).isEqualTo(2);
      assertThat(unconfirmed.err()).contains("run again with --yes");
      assertThat(stored("e1")).hasSize(3);

      CliHarness.Result r = cli.run("erase-participant", "p1", "--yes", "--store", STORE);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).isEqualTo("erased participant p1: 2 submissions\n");
      assertThat(stored("e1")).extracting(s -> s.participant().id().value()).containsExactly("p2");
    }
  }

  @Nested
  @DisplayName("consent on the command line")
  class ConsentCommands {
    @Test
    @DisplayName(
        "submit --purposes records the consent; withdraw-consent --unpublish keeps the"
            + " submissions without PUBLISH, --erase erases them")
    void withdraw() {
      campaign("w1", "post");
      assertThat(submit("w1", "耿直", "p1", "--purposes", "publish,statistics").exit()).isZero();
      submit("w1", "包容", "p2");
      assertThat(stored("w1"))
          .filteredOn(s -> s.participant().id().value().equals("p1"))
          .singleElement()
          .satisfies(
              s ->
                  assertThat(s.participant().consentRecord().orElseThrow().purposes())
                      .containsExactlyInAnyOrder(
                          ConsentPurpose.PUBLISH, ConsentPurpose.STATISTICS));

      CliHarness.Result r = cli.run("withdraw-consent", "p1", "--unpublish", "--store", STORE);
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo("participant p1 withdrew consent: 1 submissions unpublished\n");
      assertThat(stored("w1"))
          .filteredOn(Submission::visibleToPublic)
          .extracting(s -> s.participant().id().value())
          .containsExactly("p2");

      CliHarness.Result e = cli.run("withdraw-consent", "p1", "--erase", "--store", STORE);
      assertThat(e.out()).isEqualTo("participant p1 withdrew consent: 1 submissions erased\n");
      assertThat(stored("w1")).extracting(s -> s.participant().id().value()).containsExactly("p2");
    }

    @Test
    @DisplayName("withdraw-consent needs exactly one of --unpublish and --erase")
    void needsAChoice() {
      assertThat(cli.run("withdraw-consent", "p1", "--store", STORE).exit()).isEqualTo(2);
    }

    @Test
    @DisplayName("a --consent-version the campaign does not present is refused, naming both")
    void unknownVersion() {
      campaign("w2", "pre");
      CliHarness.Result r = submit("w2", "耿直", "p1", "--consent-version", "v1");
      assertThat(r.exit()).isNotZero();
      assertThat(r.err()).contains("presents no consent text", "v1");
      assertThat(stored("w2")).isEmpty();
    }
  }

  @Nested
  @DisplayName("purge and campaign retention")
  class Purge {
    @Test
    @DisplayName(
        "a closed campaign's submissions are kept until its retention has passed; --dry-run"
            + " shows what would go, purge erases it and says so")
    void purge() {
      campaign("r1", "pre");
      submit("r1", "耿直", "p1");
      submit("r1", "热情", "p2");
      CliHarness.Result set = cli.run("campaign", "retention", "r1", "30d", "--store", STORE);
      assertThat(set.exit()).as(set.err()).isZero();
      assertThat(set.out()).isEqualTo("campaign r1 keeps its submissions 30d after it closes\n");
      assertThat(cli.run("campaign", "close", "r1", "--store", STORE).exit()).isZero();
      Instant closed =
          cli.spirit(STORE).campaigns().bySlug("r1").orElseThrow().closedAt().orElseThrow();

      CliHarness.Result early =
          cli.run(
              "purge", "--store", STORE, "--as-of", closed.plus(Duration.ofDays(29)).toString());
      assertThat(early.exit()).isZero();
      assertThat(early.out()).startsWith("purged 0 submissions in 0 expired campaign(s)");
      assertThat(stored("r1")).hasSize(2);

      String later = closed.plus(Duration.ofDays(31)).toString();
      CliHarness.Result dry = cli.run("purge", "--dry-run", "--store", STORE, "--as-of", later);
      assertThat(dry.exit()).isZero();
      assertThat(dry.out())
          .contains("would erase 2 submissions of campaign r1 (expired ")
          .contains("dry run: would erase 2 submissions in 1 expired campaign(s)");
      assertThat(stored("r1")).hasSize(2);
      CliHarness.Result dryJson =
          cli.run("purge", "--dry-run", "--json", "--store", STORE, "--as-of", later);
      assertThat(dryJson.exit()).as(dryJson.err()).isZero();
      assertThat(dryJson.out().lines())
          .containsExactly(
              "{\"slug\":\"r1\",\"submissions\":2,\"expiredAt\":\""
                  + closed.plus(Duration.ofDays(30))
                  + "\",\"erased\":false}");
      assertThat(stored("r1")).hasSize(2);

      CliHarness.Result done = cli.run("purge", "--store", STORE, "--as-of", later);
      assertThat(done.exit()).isZero();
      assertThat(done.out())
          .contains(
              "erased 2 submissions of campaign r1 (expired " + closed.plus(Duration.ofDays(30)))
          .contains("purged 2 submissions in 1 expired campaign(s)");
      assertThat(stored("r1")).isEmpty();
      assertThat(cli.run("purge", "--store", STORE, "--as-of", later).out())
          .startsWith("purged 0 submissions");
    }

    @Test
    @DisplayName("a bad period or instant is refused with a message")
    void badInput() {
      campaign("r2", "pre");
      CliHarness.Result period = cli.run("campaign", "retention", "r2", "soon", "--store", STORE);
      assertThat(period.exit()).isNotZero();
      assertThat(period.err()).contains("'soon' is not a period such as 90d");
      CliHarness.Result zero = cli.run("campaign", "retention", "r2", "0d", "--store", STORE);
      assertThat(zero.exit()).isNotZero();
      assertThat(zero.err()).contains("must be a positive duration");
      CliHarness.Result instant = cli.run("purge", "--store", STORE, "--as-of", "tomorrow");
      assertThat(instant.exit()).isEqualTo(2);
      assertThat(instant.err()).contains("--as-of must be an ISO-8601 instant");
      assertThat(cli.run("campaign", "retention", "r2", "unlimited", "--store", STORE).out())
          .isEqualTo("campaign r2 keeps its submissions without limit\n");
    }
  }

  @Nested
  @DisplayName("moderate")
  class Moderate {
    @Test
    @DisplayName(
        "prints one JSON line per text from stdin: decision, reasons with spans, redaction")
    void stdin() throws Exception {
      CliHarness.Result r =
          cli.runWithInput("耿直\n\n请拨 13812345678\nbest casino\nthis is a scam\n", "moderate");
      assertThat(r.exit()).as(r.err()).isZero();
      List<JsonNode> lines = new java.util.ArrayList<>();
      for (String line : r.out().split("\n")) {
        lines.add(new ObjectMapper().readTree(line));
      }
      assertThat(lines).hasSize(4);
      assertThat(lines.get(0).get("decision").asText()).isEqualTo("approve");
      // A phone number is masked, not held back: the demo lexicon's campaign default is "redact".
      assertThat(lines.get(1).get("line").asInt()).isEqualTo(3);
      assertThat(lines.get(1).get("decision").asText()).isEqualTo("approve");
      assertThat(lines.get(1).get("redacted").asText()).isEqualTo("请拨 ***********");
      JsonNode phone = lines.get(1).get("reasons").get(0);
      assertThat(phone.get("code").asText()).isEqualTo("personal-data-mobile");
      assertThat(phone.get("spans").get(0).get("text").asText()).isEqualTo("13812345678");
      assertThat(lines.get(2).get("decision").asText()).isEqualTo("reject");
      assertThat(lines.get(2).get("reasons").get(0).get("code").asText()).isEqualTo("blocked-term");
      assertThat(lines.get(3).get("decision").asText()).isEqualTo("review");
      assertThat(lines.get(3).get("reasons").get(0).get("code").asText()).isEqualTo("review-term");
    }

    @Test
    @DisplayName("reads a TSV column from a file, skipping the header and decoding escapes")
    void tsvColumn() throws Exception {
      Path file = dir.resolve("cards.tsv");
      Files.writeString(file, "id\ttext\n1\t热情\\t好客\n2\tcasino night\n", StandardCharsets.UTF_8);
      CliHarness.Result r = cli.run("moderate", file.toString(), "--column", "2", "--header");
      Map<String, String> decisions =
          r.out()
              .lines()
              .map(
                  l -> {
                    try {
                      return new ObjectMapper().readTree(l);
                    } catch (Exception e) {
                      throw new AssertionError(e);
                    }
                  })
              .collect(
                  Collectors.toMap(n -> n.get("text").asText(), n -> n.get("decision").asText()));
      assertThat(decisions)
          .containsEntry("热情\t好客", "approve")
          .containsEntry("casino night", "reject");
    }

    @Test
    @DisplayName("--lexicon and --allow read a district's own lists in the shared corpus format")
    void lexiconFromFiles() throws Exception {
      Path lexicon = dir.resolve("lexicon.tsv");
      Path allow = dir.resolve("allow.txt");
      Files.writeString(
          lexicon, "term\tcategory\taction\n火锅\tfood\tblock\n", StandardCharsets.UTF_8);
      Files.writeString(allow, "火锅底料\n", StandardCharsets.UTF_8);
      CliHarness.Result r =
          cli.runWithInput(
              "麻辣火锅\n火 锅\n火锅底料\nbest casino\n",
              "moderate",
              "--lexicon",
              lexicon.toString(),
              "--allow",
              allow.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      List<String> decisions =
          r.out().lines().map(l -> l.replaceAll(".*\"decision\":\"(\\w+)\".*", "$1")).toList();
      // Their lexicon replaces the demo's: casino is no longer blocked, 火锅 is, even spaced out,
      // and the allow-listed phrase is not.
      assertThat(decisions).containsExactly("reject", "reject", "approve", "approve");
    }

    @Test
    @DisplayName("an unreadable --lexicon is a usage error naming the file (exit 2)")
    void lexiconMissing() {
      CliHarness.Result r = cli.runWithInput("耿直\n", "moderate", "--lexicon", "no-such.tsv");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("--lexicon: cannot read no-such.tsv");
    }
  }

  @Nested
  @DisplayName("demo")
  class Demo {
    @Test
    @DisplayName("runs a small demo and prints the report path")
    void demo() {
      Path report = dir.resolve("demo.html");
      CliHarness.Result r = cli.run("demo", "--count", "300", "-o", report.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("Ingesting: 100%", "Report: " + report.toAbsolutePath());
      assertThat(report).exists();
    }
  }

  @Nested
  @DisplayName("serve")
  class Serve {
    @Test
    @DisplayName("serves the campaign's public page until interrupted")
    void serve() throws Exception {
      campaign("w1", "pre");
      java.io.StringWriter out = new java.io.StringWriter();
      picocli.CommandLine cl = cli.commandLine();
      cl.setOut(new java.io.PrintWriter(out, true));
      int[] exit = {-1};
      Thread server =
          new Thread(
              () ->
                  exit[0] =
                      cl.execute(
                          "serve",
                          "--store",
                          STORE,
                          "--port",
                          "0",
                          "--moderator-token",
                          "serve-test-token-123",
                          "--demo-campaign"));
      server.start();
      String url = null;
      for (int i = 0; i < 200 && url == null; i++) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("message board on (http://\\S+)/ ")
                .matcher(out.toString());
        if (m.find()) {
          url = m.group(1);
        } else {
          Thread.sleep(50);
        }
      }
      assertThat(url).as(out.toString()).isNotNull();
      java.net.http.HttpResponse<String> page =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/c/w1")).build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("渝中精神");
      assertThat(out.toString()).contains("demo campaign at /c/spirit-of-chongqing-city");
      Spirit spirit = cli.spirit(STORE);
      Campaign demo = spirit.campaigns().bySlug("spirit-of-chongqing-city").orElseThrow();
      assertThat(
              spirit
                  .submissions()
                  .count(
                      SubmissionFilter.builder(demo.id())
                          .status(SubmissionStatus.APPROVED)
                          .build()))
          .isGreaterThan(500);
      assertThat(
              spirit
                  .submissions()
                  .count(
                      SubmissionFilter.builder(demo.id()).status(SubmissionStatus.PENDING).build()))
          .isPositive();
      server.interrupt();
      server.join(10_000);
      assertThat(exit[0]).isZero();
      assertThat(out.toString()).contains("message board stopped");
    }

    @Test
    @DisplayName("refuses to start without a moderator token (usage error)")
    void noToken() {
      CliHarness.Result r = cli.run("serve", "--store", STORE, "--port", "0");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("--moderator-token");
    }
  }
}
