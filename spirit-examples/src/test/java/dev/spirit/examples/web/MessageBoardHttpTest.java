package dev.spirit.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.error.InvalidInputException;
import dev.spirit.examples.Wiring;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The message board over HTTP")
class MessageBoardHttpTest {
  static final String TOKEN = "correct-horse-battery";
  private Spirit spirit;
  private MessageBoard board;
  private Campaign campaign;
  private HttpClient browser;
  private String kioskToken;

  @BeforeEach
  void start() {
    spirit = Spirit.builder().storeUri("mem:").moderator(Wiring.defaultModerator()).build();
    campaign = BoardFixtures.campaign(spirit, "board-test");
    board =
        MessageBoard.builder(spirit)
            .moderatorToken(TOKEN)
            .postsPerMinute(40)
            .maxBodyBytes(4096)
            .start();
    browser = newBrowser();
    kioskToken = spirit.kiosks().issue("kiosk-7", java.time.Duration.ofDays(1)).token();
  }

  @AfterEach
  void stop() {
    board.close();
    spirit.close();
  }

  static HttpClient newBrowser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(board.url() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return client.send(
        HttpRequest.newBuilder(URI.create(board.url() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html);
    assertThat(m.find()).as("page has a CSRF field").isTrue();
    return m.group(1);
  }

  static String versionShown(String html, Submission s) {
    Matcher m =
        Pattern.compile(
                "name=\"id\" value=\""
                    + s.id()
                    + "\"><input type=\"hidden\" name=\"version\" value=\"([0-9]+)\"")
            .matcher(html);
    assertThat(m.find()).as("the page shows %s", s.id()).isTrue();
    return m.group(1);
  }

  private Map<String, String> form(String csrf, String... pairs) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("csrf", csrf);
    for (int i = 0; i < pairs.length; i += 2) {
      f.put(pairs[i], pairs[i + 1]);
    }
    return f;
  }

  private List<Submission> stored() {
    try (Stream<Submission> s = spirit.submissions().stream(SubmissionFilter.all(campaign.id()))) {
      return s.toList();
    }
  }

  private HttpResponse<String> api(String key, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create(board.url() + "/api/campaigns/" + campaign.id() + "/submissions"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + kioskToken)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("the public page has the form, the wall and the cloud, and sets a session cookie")
  void publicPage() throws Exception {
    HttpResponse<String> page = get(browser, "/c/board-test");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly", "SameSite=Strict");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
    assertThat(page.body())
        .contains("id=\"submit-form\"", "id=\"wall\"", "id=\"cloud\"", "渝中 Yuzhong");
    assertThat(get(browser, "/").body()).contains("/c/board-test");
    assertThat(get(browser, "/c/nope").statusCode()).isEqualTo(404);
    assertThat(get(browser, "/static/board.js").body()).contains("textContent");
  }

  @Test
  @DisplayName("a form post with the session's CSRF token is taken in; without it, 403")
  void csrf() throws Exception {
    String token = csrf(get(browser, "/c/board-test").body());
    HttpResponse<String> ok =
        post(
            browser,
            "/c/board-test/submit",
            form(
                token,
                "text",
                "耿直",
                "district",
                "yuzhong",
                "role",
                "resident",
                "kind",
                "keyword",
                "consent",
                "yes"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("Your words will appear after review");
    assertThat(stored()).hasSize(1);
    assertThat(stored().get(0).channel()).isEqualTo(Channel.ONLINE);

    HttpResponse<String> forged =
        post(
            browser,
            "/c/board-test/submit",
            form("deadbeef", "text", "forged", "district", "yuzhong"));
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> otherSession =
        post(
            newBrowser(),
            "/c/board-test/submit",
            form(token, "text", "forged", "district", "yuzhong"));
    assertThat(otherSession.statusCode()).isEqualTo(403);
    assertThat(stored()).hasSize(1);
  }

  @Test
  @DisplayName("intake's reasons are shown when a submission is refused (no consent)")
  void refused() throws Exception {
    String token = csrf(get(browser, "/c/board-test").body());
    HttpResponse<String> r =
        post(
            browser,
            "/c/board-test/submit",
            form(
                token, "text", "耿直", "district", "yuzhong", "role", "resident", "kind", "keyword"));
    assertThat(r.body()).contains("Not submitted", "requires the participant&#39;s consent");
  }

  @Test
  @DisplayName("user text is HTML-escaped on the wall and in the moderator queue")
  void escaping() throws Exception {
    Submission s = BoardFixtures.approved(spirit, campaign, "<script>alert(1)</script>", "x1");
    assertThat(s.status()).isEqualTo(SubmissionStatus.APPROVED);
    String page = get(browser, "/c/board-test").body();
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert");
  }

  @Test
  @DisplayName("the moderator page needs the token; a moderator can approve and hide")
  void moderation() throws Exception {
    Submission s = BoardFixtures.pending(spirit, campaign, "热情", "p1");
    String login = get(browser, "/moderate/board-test").body();
    assertThat(login).contains("Moderator token").doesNotContain("热情");
    HttpResponse<String> wrong =
        post(browser, "/moderate/board-test/login", form(csrf(login), "token", "guess"));
    assertThat(wrong.body()).contains("Wrong token");
    HttpResponse<String> denied =
        post(
            browser,
            "/moderate/board-test/decide",
            form(csrf(login), "id", s.id().toString(), "version", "1", "action", "approve"));
    assertThat(denied.statusCode()).isEqualTo(403);

    String queue =
        post(browser, "/moderate/board-test/login", form(csrf(login), "token", TOKEN)).body();
    assertThat(queue).contains("热情", "Waiting for review");
    String shown = versionShown(queue, s);
    assertThat(spirit.submissions().find(s.id()).orElseThrow().reviewLease())
        .as("claimed on display")
        .isPresent();
    post(
        browser,
        "/moderate/board-test/decide",
        form(csrf(queue), "id", s.id().toString(), "version", shown, "action", "approve"));
    Submission approved = spirit.submissions().find(s.id()).orElseThrow();
    assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
    HttpResponse<String> stale =
        post(
            browser,
            "/moderate/board-test/decide",
            form(csrf(queue), "id", s.id().toString(), "version", shown, "action", "hide"));
    assertThat(stale.body()).contains("Not changed", "changed concurrently");
    post(
        browser,
        "/moderate/board-test/decide",
        form(
            csrf(queue),
            "id",
            s.id().toString(),
            "version",
            String.valueOf(approved.version()),
            "action",
            "hide"));
    assertThat(spirit.submissions().find(s.id()).orElseThrow().status())
        .isEqualTo(SubmissionStatus.HIDDEN);
  }

  @Test
  @DisplayName(
      "the cloud endpoint returns approved words with their layout, and only words that at least"
          + " k different people gave (k = 5 by default)")
  void cloudJson() throws Exception {
    for (String person : List.of("a", "b", "c", "d", "e")) {
      BoardFixtures.approved(spirit, campaign, "耿直", person);
    }
    BoardFixtures.approved(spirit, campaign, "热情", "f");
    BoardFixtures.approved(spirit, campaign, "热情", "g");
    JsonNode cloud = new ObjectMapper().readTree(get(browser, "/c/board-test/cloud.json").body());
    assertThat(cloud.get("approved").asInt()).isEqualTo(7);
    assertThat(cloud.get("words")).hasSize(1);
    assertThat(cloud.get("words").get(0).get("text").asText()).isEqualTo("耿直");
    assertThat(cloud.get("words").get(0).get("count").asInt()).isEqualTo(5);
    assertThat(cloud.get("words").get(0).has("x")).isTrue();

    try (MessageBoard lenient =
        MessageBoard.builder(spirit).moderatorToken(TOKEN).cloudMinimumPeople(2).start()) {
      JsonNode both =
          new ObjectMapper()
              .readTree(
                  newBrowser()
                      .send(
                          HttpRequest.newBuilder(
                                  URI.create(lenient.url() + "/c/board-test/cloud.json"))
                              .GET()
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body());
      assertThat(both.get("words"))
          .extracting(w -> w.get("text").asText())
          .containsExactly("耿直", "热情");
    }
    assertThatThrownBy(() -> MessageBoard.builder(spirit).cloudMinimumPeople(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  @DisplayName(
      "the kiosk API takes JSON with an idempotency key; a retry returns the first receipt, the"
          + " same key with another text is a 409 conflict")
  void api() throws Exception {
    String body =
        "{\"text\":\"耿直\",\"district\":\"yuzhong\",\"participant\":\"kiosk-7-42\","
            + "\"role\":\"visitor\",\"consent\":true,\"channel\":\"message-board\"}";
    HttpResponse<String> first = api("kiosk-7-000123", body);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    JsonNode receipt = new ObjectMapper().readTree(first.body());
    assertThat(receipt.get("status").asText()).isEqualTo("pending");
    HttpResponse<String> retry = api("kiosk-7-000123", body);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(retry.body()).get("id")).isEqualTo(receipt.get("id"));
    assertThat(stored()).hasSize(1);
    HttpResponse<String> conflict = api("kiosk-7-000123", body.replace("耿直", "雄壮"));
    assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
    assertThat(conflict.body()).contains("idempotency_conflict").contains("a different text");
    assertThat(stored()).hasSize(1);

    assertThat(api(null, body).statusCode()).isEqualTo(400);
    assertThat(api("k2", "{nope").statusCode()).isEqualTo(400);
    HttpResponse<String> refused = api("k3", body.replace("yuzhong", "hechuan"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("district_not_allowed");
    HttpResponse<String> notJson =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(board.url() + "/api/campaigns/board-test/submissions"))
                    .header("Content-Type", "text/plain")
                    .header("Authorization", "Bearer " + kioskToken)
                    .header("Idempotency-Key", "k4")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(notJson.statusCode()).isEqualTo(415);
  }

  @Test
  @DisplayName("bodies over the limit get 413")
  void tooLarge() throws Exception {
    String big = "x".repeat(5000);
    assertThat(api("big", "{\"text\":\"" + big + "\"}").statusCode()).isEqualTo(413);
    String token = csrf(get(browser, "/c/board-test").body());
    assertThat(post(browser, "/c/board-test/submit", form(token, "text", big)).statusCode())
        .isEqualTo(413);
  }

  @Test
  @DisplayName("more posts per minute than allowed get 429")
  void rateLimit() throws Exception {
    String body =
        "{\"text\":\"耿直\",\"district\":\"yuzhong\",\"participant\":\"p\",\"consent\":true}";
    // The bucket holds 40 posts and refills 40 a minute. However slowly a loaded machine sends
    // these, 200 posts would have to take four minutes to stay under the limit; the test stops at
    // the first refusal.
    HttpResponse<String> refused = null;
    for (int i = 0; i < 200 && refused == null; i++) {
      HttpResponse<String> r = api("rate-" + i, body);
      if (r.statusCode() == 429) {
        refused = r;
      }
    }
    assertThat(refused).as("a 429 within 200 posts").isNotNull();
    assertThat(refused.headers().firstValue("Retry-After")).contains("60");
  }

  @Test
  @DisplayName(
      "reports count distinct visitors and hide at the threshold; the author appeals the hidden"
          + " item back to review; unknown items are 404")
  void reportsAndAppeals() throws Exception {
    String authorPage = get(browser, "/c/board-test").body();
    post(
        browser,
        "/c/board-test/submit",
        form(
            csrf(authorPage),
            "text",
            "耿直",
            "district",
            "yuzhong",
            "kind",
            "keyword",
            "consent",
            "yes"));
    Submission mine = stored().get(0);
    Submission approved =
        spirit
            .review()
            .changeStatus(mine.id(), mine.version(), SubmissionStatus.APPROVED, "test", "ok");

    HttpClient first = newBrowser();
    String firstPage = get(first, "/c/board-test").body();
    for (int i = 0; i < 2; i++) {
      post(first, "/c/board-test/report", form(csrf(firstPage), "id", approved.id().toString()));
    }
    assertThat(
            spirit.store().countReactions(approved.id(), dev.spirit.submission.ReactionType.REPORT))
        .as("one visitor counts once")
        .isEqualTo(1);
    for (int i = 0; i < 2; i++) {
      HttpClient other = newBrowser();
      String page = get(other, "/c/board-test").body();
      post(other, "/c/board-test/report", form(csrf(page), "id", approved.id().toString()));
    }
    assertThat(spirit.submissions().find(approved.id()).orElseThrow().status())
        .as("hidden at 3 distinct reporters")
        .isEqualTo(SubmissionStatus.HIDDEN);

    assertThat(
            post(first, "/c/board-test/report", form(csrf(firstPage), "id", "nope")).statusCode())
        .isEqualTo(404);
    String unknownId =
        dev.spirit.submission.SubmissionId.generate(java.time.Instant.now()).toString();
    assertThat(
            post(first, "/c/board-test/report", form(csrf(firstPage), "id", unknownId))
                .statusCode())
        .isEqualTo(404);

    String shown = get(browser, "/c/board-test").body();
    assertThat(shown).contains("id=\"appealable\"", "/c/board-test/appeal");
    assertThat(
            post(
                    first,
                    "/c/board-test/appeal",
                    form(csrf(firstPage), "id", approved.id().toString()))
                .body())
        .as("only the author appeals")
        .contains("Could not appeal", "only the author");
    HttpResponse<String> appealed =
        post(
            browser,
            "/c/board-test/appeal",
            form(csrf(shown), "id", approved.id().toString(), "reason", "a local word"));
    assertThat(appealed.body()).contains("Appeal sent");
    Submission back = spirit.submissions().find(approved.id()).orElseThrow();
    assertThat(back.status()).isEqualTo(SubmissionStatus.PENDING);
    assertThat(back.appealed()).isTrue();
    assertThat(get(browser, "/c/board-test").body()).doesNotContain("id=\"appealable\"");
    assertThat(
            post(browser, "/c/board-test/appeal", form(csrf(shown), "id", unknownId)).statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("a visitor's reports are rate limited on their own")
  void reportRate() throws Exception {
    Submission a = BoardFixtures.approved(spirit, campaign, "耿直", "p1");
    try (MessageBoard strict =
        MessageBoard.builder(spirit).moderatorToken(TOKEN).reportsPerMinute(2).start()) {
      HttpClient visitor = newBrowser();
      String base = strict.url();
      String page =
          visitor
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/c/board-test")).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      int refused = 0;
      for (int i = 0; i < 4; i++) {
        String body =
            "csrf="
                + csrf(page)
                + "&id="
                + URLEncoder.encode(a.id().toString(), StandardCharsets.UTF_8);
        HttpResponse<String> r =
            visitor.send(
                HttpRequest.newBuilder(URI.create(base + "/c/board-test/report"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        refused += r.statusCode() == 429 ? 1 : 0;
      }
      assertThat(refused).isGreaterThanOrEqualTo(1);
    }
    assertThatThrownBy(() -> MessageBoard.builder(spirit).reportsPerMinute(0))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("a board cannot start without a real moderator token")
  void token() {
    assertThatThrownBy(() -> MessageBoard.builder(spirit).moderatorToken("short").start())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 12 characters");
  }

  @Test
  @DisplayName(
      "a campaign with a consent text: the page shows its version, the form and the kiosk API"
          + " record it; a stale version from a kiosk is a 400 naming both")
  void consentVersion() throws Exception {
    ConsentText v2 = ConsentText.of("v2", "我同意发布并统计我的留言。");
    Campaign c =
        spirit
            .campaigns()
            .create(
                Campaign.builder("board-consent")
                    .title("重庆城市精神", "Spirit of Chongqing City")
                    .prompt("用一个词说出重庆的城市精神", "Give a word for Chongqing")
                    .districts("yuzhong")
                    .allChannels()
                    .rules(SubmissionRules.builder().consentText(v2).build())
                    .build());
    campaign = spirit.campaigns().open(c.id());
    HttpResponse<String> page = get(browser, "/c/board-consent");
    assertThat(page.body())
        .contains("Consent text version v2")
        .contains("name=\"consentVersion\" value=\"v2\"");
    post(
        browser,
        "/c/board-consent/submit",
        form(
            csrf(page.body()),
            "text",
            "耿直",
            "district",
            "yuzhong",
            "consent",
            "yes",
            "consentVersion",
            "v2"));

    HttpResponse<String> kiosk =
        api(
            "k-consent",
            "{\"text\":\"雄壮\",\"district\":\"yuzhong\",\"participant\":\"k-9\","
                + "\"consent\":true,\"consentVersion\":\"v2\",\"purposes\":[\"statistics\"]}");
    assertThat(kiosk.statusCode()).as(kiosk.body()).isEqualTo(201);
    HttpResponse<String> stale =
        api(
            "k-stale",
            "{\"text\":\"热情\",\"district\":\"yuzhong\",\"participant\":\"k-9\","
                + "\"consent\":true,\"consentVersion\":\"v1\"}");
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.body()).contains("consent text version v2, not v1");

    assertThat(stored())
        .hasSize(2)
        .allSatisfy(
            s -> assertThat(s.participant().consentRecord().orElseThrow().text()).contains(v2));
    assertThat(stored())
        .filteredOn(s -> s.text().original().equals("雄壮"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.participant().consentRecord().orElseThrow().purposes())
                    .containsExactly(ConsentPurpose.STATISTICS));
  }

  /** Shared set-up of board tests. */
  static final class BoardFixtures {
    private BoardFixtures() {}

    static Campaign campaign(Spirit spirit, String slug) {
      Campaign c =
          spirit
              .campaigns()
              .create(
                  Campaign.builder(slug)
                      .title("重庆城市精神", "Spirit of Chongqing City")
                      .prompt("用一个词说出重庆的城市精神", "Give a word for Chongqing")
                      .districts("yuzhong", "jiangbei", "wushan")
                      .allChannels()
                      .build());
      return spirit.campaigns().open(c.id());
    }

    static Submission pending(Spirit spirit, Campaign c, String text, String who) {
      return spirit
          .submissions()
          .find(
              spirit
                  .submit(
                      SubmissionRequest.builder(c.id())
                          .text(text)
                          .kind(text.length() > 20 ? SubmissionKind.SLOGAN : SubmissionKind.KEYWORD)
                          .district("yuzhong")
                          .channel(Channel.MESSAGE_BOARD)
                          .participant(Participant.consenting(who, Role.RESIDENT))
                          .build())
                  .orThrow()
                  .id())
          .orElseThrow();
    }

    static Submission approved(Spirit spirit, Campaign c, String text, String who) {
      Submission s = pending(spirit, c, text, who);
      return spirit
          .review()
          .changeStatus(s.id(), s.version(), SubmissionStatus.APPROVED, "test", "fixture");
    }
  }
}
