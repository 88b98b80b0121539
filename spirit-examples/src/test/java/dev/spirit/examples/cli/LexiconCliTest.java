package dev.spirit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The spirit CLI with campaign lexicons")
class LexiconCliTest {
  private static final String STORE = "mem:lexicon-cli";
  private static final AtomicInteger PARTICIPANTS = new AtomicInteger();
  private final CliHarness cli = new CliHarness();

  @TempDir Path dir;
  private Path city;
  private Path cityAllow;
  private Path district;

  @BeforeEach
  void files() throws Exception {
    city = write("city.tsv", "term\tcategory\taction\n赌博\tgambling\tblock\n火锅\tfood\treview\n");
    cityAllow = write("city-allow.txt", "火锅底料\n");
    district = write("yuzhong.tsv", "term\tcategory\taction\n麻将\tgambling\tblock\n");
  }

  @AfterEach
  void closeStores() {
    cli.close();
  }

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
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
                "yuzhong",
                "--moderation",
                "post",
                "--open"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private CliHarness.Result submit(String slug, String text, String... more) {
    List<String> args =
        new ArrayList<>(
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
                "p-" + PARTICIPANTS.incrementAndGet()));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private Campaign campaign(String slug) {
    return cli.spirit(STORE).campaigns().bySlug(slug).orElseThrow();
  }

  private List<LexiconChange> history(String slug) {
    return cli.spirit(STORE).campaigns().lexiconHistory(campaign(slug).id());
  }

  private static String status(CliHarness.Result r) {
    assertThat(r.exit()).as(r.err()).isZero();
    Matcher m = Pattern.compile("status (\\w+)").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return m.group(1);
  }

  @Nested
  @DisplayName("campaign create and update")
  class CreateAndUpdate {
    @Test
    @DisplayName(
        "create --lexicon --allow --lexicon attaches the layers, city first, as revision 1 by the"
            + " CLI user; campaign lexicon shows them")
    void createAttaches() {
      CliHarness.Result r =
          create(
              "c1",
              "--lexicon",
              city.toString(),
              "--allow",
              cityAllow.toString(),
              "--lexicon",
              district.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("lexicon revision 1 (", "attached to campaign c1 by cli");
      CampaignLexicon stored =
          cli.spirit(STORE).campaigns().lexicon(campaign("c1").id()).orElseThrow();
      assertThat(stored.layers())
          .extracting(l -> l.label())
          .containsExactly(city.toString(), district.toString());
      assertThat(stored.layers().get(0).allowList()).isEqualTo("火锅底料\n");
      assertThat(stored.attachedBy()).startsWith("cli");

      CliHarness.Result shown = cli.run("campaign", "lexicon", "c1", "--store", STORE);
      assertThat(shown.exit()).as(shown.err()).isZero();
      assertThat(shown.out())
          .contains("lexicon revision 1 (" + stored.version() + ")")
          .contains("  revision 1  ")
          .contains(stored.attachedBy());
    }

    @Test
    @DisplayName(
        "update attaches changed files as the next revision, and says so when they are unchanged")
    void update() throws Exception {
      assertThat(create("c2", "--lexicon", city.toString()).exit()).isZero();
      CliHarness.Result same =
          cli.run("campaign", "update", "c2", "--store", STORE, "--lexicon", city.toString());
      assertThat(same.exit()).as(same.err()).isZero();
      assertThat(same.out()).contains("already has this lexicon (revision 1");

      CliHarness.Result changed =
          cli.run(
              "campaign",
              "update",
              "c2",
              "--store",
              STORE,
              "--lexicon",
              city.toString(),
              "--lexicon",
              district.toString());
      assertThat(changed.exit()).as(changed.err()).isZero();
      assertThat(changed.out()).contains("lexicon revision 2 (");
      assertThat(history("c2")).extracting(LexiconChange::revision).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName(
        "a bad row is refused whole with exit 2 and file:line; the stored revision stays in force")
    void badRow() throws Exception {
      assertThat(create("c3", "--lexicon", city.toString()).exit()).isZero();
      Path bad = write("bad.tsv", "term\tcategory\taction\n麻将\tgambling\tmaybe\n");
      CliHarness.Result r =
          cli.run("campaign", "update", "c3", "--store", STORE, "--lexicon", bad.toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains(bad + ":2: action must be block or review, was 'maybe'");
      assertThat(history("c3")).hasSize(1);
      assertThat(status(submit("c3", "一起赌博"))).isEqualTo("rejected");
    }

    @Test
    @DisplayName("a bad allow-list row is named file:line too")
    void badAllowRow() throws Exception {
      Path bad = write("bad-allow.txt", "火锅底料\n   ·   \n");
      CliHarness.Result r = create("c4", "--lexicon", city.toString(), "--allow", bad.toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains(bad + ":2:");
      assertThat(cli.spirit(STORE).campaigns().bySlug("c4"))
          .as("a refused lexicon creates no campaign")
          .isEmpty();
    }

    @Test
    @DisplayName("a district file that lowers a city block term is refused (exit 2), naming both")
    void districtLowersBlock() throws Exception {
      assertThat(create("c5").exit()).isZero();
      Path lowers = write("lowers.tsv", "term\tcategory\taction\n赌博\tgambling\treview\n");
      CliHarness.Result r =
          cli.run(
              "campaign",
              "update",
              "c5",
              "--store",
              STORE,
              "--lexicon",
              city.toString(),
              "--lexicon",
              lowers.toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains(lowers.toString(), city.toString(), "cannot lower it");
      assertThat(history("c5")).isEmpty();
    }

    @Test
    @DisplayName("--allow without its --lexicon, or update without files, is a usage error")
    void usage() {
      assertThat(create("c6").exit()).isZero();
      CliHarness.Result r =
          cli.run("campaign", "update", "c6", "--store", STORE, "--allow", cityAllow.toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("--allow");
      assertThat(cli.run("campaign", "update", "c6", "--store", STORE).exit()).isEqualTo(2);
      assertThat(
              cli.run(
                      "campaign",
                      "update",
                      "c6",
                      "--store",
                      STORE,
                      "--lexicon",
                      dir.resolve("missing.tsv").toString())
                  .err())
          .contains("--lexicon: cannot read");
    }
  }

  @Nested
  @DisplayName("submit and import")
  class SubmitAndImport {
    @Test
    @DisplayName(
        "submit --lexicon attaches the files first (once), and later commands without flags use"
            + " the stored lexicon")
    void submitAttachesOnce() {
      assertThat(create("s1").exit()).isZero();
      assertThat(status(submit("s1", "打麻将"))).isEqualTo("approved");

      CliHarness.Result first = submit("s1", "打麻将", "--lexicon", district.toString());
      assertThat(status(first)).isEqualTo("rejected");
      assertThat(first.err()).contains("lexicon revision 1");
      CliHarness.Result again = submit("s1", "打麻将", "--lexicon", district.toString());
      assertThat(status(again)).isEqualTo("rejected");
      assertThat(again.err()).doesNotContain("lexicon revision");
      assertThat(history("s1")).hasSize(1);

      assertThat(status(submit("s1", "打麻将"))).as("without flags").isEqualTo("rejected");
      // The demo lexicon no longer applies to this campaign: its own replaced it.
      assertThat(status(submit("s1", "best casino"))).isEqualTo("approved");
    }

    @Test
    @DisplayName("import --lexicon attaches the files, then imports with them")
    void importWithLexicon() throws Exception {
      assertThat(create("s2").exit()).isZero();
      Path csv =
          write("cards.csv", "text,district,participant\n打麻将,yuzhong,card-1\n耿直,yuzhong,card-2\n");
      CliHarness.Result r =
          cli.run(
              "import",
              csv.toString(),
              "--store",
              STORE,
              "--campaign",
              "s2",
              "--lexicon",
              city.toString(),
              "--lexicon",
              district.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.err()).contains("lexicon revision 1");
      Spirit spirit = cli.spirit(STORE);
      try (Stream<Submission> s =
          spirit.submissions().stream(SubmissionFilter.all(campaign("s2").id()))) {
        assertThat(s.toList())
            .extracting(x -> x.text().original(), Submission::status)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("打麻将", SubmissionStatus.REJECTED),
                org.assertj.core.groups.Tuple.tuple("耿直", SubmissionStatus.APPROVED));
      }
    }

    @Test
    @DisplayName("a bad file on submit is exit 2 with file:line, and nothing is submitted")
    void badFileOnSubmit() throws Exception {
      assertThat(create("s3").exit()).isZero();
      Path bad = write("empty-term.tsv", "term\tcategory\taction\n\tfood\tblock\n");
      CliHarness.Result r = submit("s3", "耿直", "--lexicon", bad.toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains(bad + ":2: the term is empty");
      assertThat(cli.spirit(STORE).submissions().count(SubmissionFilter.all(campaign("s3").id())))
          .isZero();
    }
  }

  @Nested
  @DisplayName("moderate")
  class Moderate {
    private List<String> decisions(CliHarness.Result r) {
      assertThat(r.exit()).as(r.err()).isZero();
      return r.out().lines().map(l -> l.replaceAll(".*\"decision\":\"(\\w+)\".*", "$1")).toList();
    }

    @Test
    @DisplayName(
        "judges every line on its own: the same text 30 times is approved each time, while"
            + " --stream applies the rate and flood rules across the lines")
    void eachLineAlone() {
      String input = "耿直热情的重庆人\n".repeat(30);
      assertThat(decisions(cli.runWithInput(input, "moderate")))
          .hasSize(30)
          .containsOnly("approve");
      assertThat(decisions(cli.runWithInput(input, "moderate", "--stream")))
          .hasSize(30)
          .contains("approve")
          .containsAnyOf("review", "reject");
    }

    @Test
    @DisplayName("with --campaign and no files, uses the campaign's stored lexicon; nothing stored")
    void storedLexicon() {
      assertThat(create("m1", "--lexicon", district.toString()).exit()).isZero();
      assertThat(
              decisions(
                  cli.runWithInput(
                      "打麻将\nbest casino\n", "moderate", "--store", STORE, "--campaign", "m1")))
          .containsExactly("reject", "approve");
      assertThat(decisions(cli.runWithInput("打麻将\nbest casino\n", "moderate")))
          .as("without a campaign: the demo lexicon")
          .containsExactly("approve", "reject");
      assertThat(history("m1")).hasSize(1);
    }

    @Test
    @DisplayName("layers from files: the district's terms and the city's allow-list both apply")
    void layersFromFiles() {
      CliHarness.Result r =
          cli.runWithInput(
              "打麻将\n火锅底料\n吃火锅\n",
              "moderate",
              "--lexicon",
              city.toString(),
              "--allow",
              cityAllow.toString(),
              "--lexicon",
              district.toString());
      assertThat(decisions(r)).containsExactly("reject", "approve", "review");
    }
  }

  @Nested
  @DisplayName("remoderate")
  class Remoderate {
    @Test
    @DisplayName(
        "re-runs the content rules over public submissions and prints how many went to review")
    void summary() {
      assertThat(create("r1").exit()).isZero();
      assertThat(status(submit("r1", "打麻将"))).isEqualTo("approved");
      assertThat(status(submit("r1", "耿直"))).isEqualTo("approved");
      assertThat(
              cli.run(
                      "campaign",
                      "update",
                      "r1",
                      "--store",
                      STORE,
                      "--lexicon",
                      district.toString())
                  .exit())
          .isZero();

      CliHarness.Result r =
          cli.run("remoderate", "--store", STORE, "--campaign", "r1", "--actor", "admin-li");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out())
          .contains("with lexicon revision 1 (")
          .contains("2 public submissions checked, 1 sent to review, 1 unchanged")
          .contains("sent to review: ");
      try (Stream<Submission> s =
          cli.spirit(STORE).submissions().stream(SubmissionFilter.all(campaign("r1").id()))) {
        assertThat(s.filter(x -> x.status() == SubmissionStatus.HIDDEN).toList())
            .extracting(x -> x.text().original())
            .containsExactly("打麻将");
      }
    }
  }

  @Nested
  @DisplayName("serve")
  class Serve {
    @Test
    @DisplayName(
        "attaches the files at start and again when one changes, without a restart: an HTTP"
            + " submission is judged by the new file; a bad change is reported and changes nothing")
    void reloadsChangedFiles() throws Exception {
      assertThat(create("board").exit()).isZero();
      Path lexicon = write("live.tsv", "term\tcategory\taction\n赌博\tgambling\tblock\n");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      var cl =
          SpiritCli.commandLine(
              new CliContext(
                  new SpiritOpener() {
                    @Override
                    public Spirit open(String storeUri) {
                      return cli.spirit(storeUri);
                    }

                    @Override
                    public void release(Spirit spirit) {
                      // the harness closes it
                    }
                  },
                  new ByteArrayInputStream(new byte[0]),
                  false));
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      Thread server =
          new Thread(
              () ->
                  cl.execute(
                      "serve",
                      "--store",
                      STORE,
                      "--port",
                      "0",
                      "--moderator-token",
                      "a-long-moderator-token",
                      "--campaign",
                      "board",
                      "--lexicon",
                      lexicon.toString(),
                      "--lexicon-poll-millis",
                      "50"));
      server.start();
      try {
        String url = awaitUrl(out);
        assertThat(out.toString()).contains("lexicon revision 1");
        assertThat(post(url, "打麻将", 1)).isEqualTo("approved");

        Files.writeString(
            lexicon, "term\tcategory\taction\n赌博\tgambling\tblock\n麻将\tgambling\tblock\n");
        awaitContains(out, "lexicon revision 2");
        assertThat(post(url, "打麻将", 2)).isEqualTo("rejected");

        Files.writeString(lexicon, "term\tcategory\taction\n麻将\tgambling\n");
        awaitContains(err, "lexicon files not attached: " + lexicon + ":2:");
        assertThat(post(url, "打麻将", 3)).as("revision 2 stays in force").isEqualTo("rejected");
        assertThat(history("board")).hasSize(2);
      } finally {
        server.interrupt();
        server.join(10_000);
      }
      assertThat(server.isAlive()).isFalse();
    }

    private String awaitUrl(StringWriter out) throws InterruptedException {
      Pattern p = Pattern.compile("message board on (http://\\S+)/ ");
      for (int i = 0; i < 600; i++) {
        Matcher m = p.matcher(out.toString());
        if (m.find()) {
          return m.group(1);
        }
        Thread.sleep(50);
      }
      throw new AssertionError("serve did not start: " + out);
    }

    private void awaitContains(StringWriter w, String text) throws InterruptedException {
      for (int i = 0; i < 600 && !w.toString().contains(text); i++) {
        Thread.sleep(50);
      }
      assertThat(w.toString()).contains(text);
    }

    private String post(String url, String text, int n) throws Exception {
      Campaign c = campaign("board");
      String body =
          "{\"text\":\""
              + text
              + "\",\"district\":\"yuzhong\",\"participant\":\"kiosk-"
              + n
              + "\",\"consent\":true}";
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(url + "/api/campaigns/" + c.id() + "/submissions"))
                      .header("Content-Type", "application/json")
                      .header(
                          "Authorization",
                          "Bearer "
                              + cli.spirit(STORE)
                                  .kiosks()
                                  .issue("kiosk-" + n, java.time.Duration.ofHours(1))
                                  .token())
                      .header("Idempotency-Key", "kiosk-" + n + "-" + System.nanoTime())
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      return new ObjectMapper().readTree(r.body()).get("status").asText();
    }
  }
}
