package dev.spirit.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.examples.Wiring;
import dev.spirit.examples.web.MessageBoardHttpTest.BoardFixtures;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.text.Texts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The message board's error bodies and moderator leases")
class MessageBoardErrorsAndLeasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-05-01T08:00:00Z"));
  private Spirit spirit;
  private MessageBoard board;
  private Campaign campaign;
  private String bearer;

  @BeforeEach
  void start() {
    spirit =
        Spirit.builder().storeUri("mem:").clock(clock).moderator(Wiring.defaultModerator()).build();
    campaign = BoardFixtures.campaign(spirit, "errors-test");
    board =
        MessageBoard.builder(spirit)
            .moderatorToken(MessageBoardHttpTest.TOKEN)
            .postsPerMinute(1000)
            .reviewLease(Duration.ofMinutes(10))
            .start();
    bearer = "Bearer " + spirit.kiosks().issue("kiosk-1", Duration.ofDays(1)).token();
  }

  @AfterEach
  void stop() {
    board.close();
    spirit.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder api(String key, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create(board.url() + "/api/campaigns/" + campaign.id() + "/submissions"))
            .header("Content-Type", "application/json")
            .header("Authorization", bearer)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return b;
  }

  /** Asserts a problem-details response and returns its body. */
  private static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("type").asText()).startsWith("/problems/");
    assertThat(body.get("title").asText()).isNotBlank();
    assertThat(body.get("detail").asText()).isNotBlank();
    assertThat(body.get("errors").isArray()).isTrue();
    return body;
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  @Nested
  @DisplayName("problem details (RFC 9457) for every API error")
  class ProblemDetails {
    private final String good =
        "{\"text\":\"耿直\",\"district\":\"yuzhong\",\"participant\":\"kiosk-1\","
            + "\"consent\":true,\"channel\":\"message-board\"}";

    @Test
    @DisplayName("400 lists every input error at once: header and each bad field")
    void badRequest() throws Exception {
      JsonNode p =
          problem(
              send(
                  api(
                      null,
                      "{\"text\":\"耿直\",\"kind\":\"opera\",\"channel\":\"fax\","
                          + "\"consent\":\"yes\",\"participant\":\"k\"}")),
              400);
      assertThat(fields(p)).contains("Idempotency-Key", "kind", "channel", "consent");
      assertThat(p.get("errors"))
          .allSatisfy(e -> assertThat(e.get("message").asText()).isNotBlank());

      JsonNode malformed = problem(send(api("k1", "{nope")), 400);
      assertThat(fields(malformed)).containsExactly("body");
      assertThat(spirit.submissions().count(dev.spirit.storage.SubmissionFilter.all(campaign.id())))
          .isZero();
    }

    @Test
    @DisplayName(
        "404 for an unknown campaign or API path, 405 for a wrong method, 415 for non-JSON")
    void routing() throws Exception {
      problem(
          send(
              HttpRequest.newBuilder(URI.create(board.url() + "/api/campaigns/nope/submissions"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", bearer)
                  .header("Idempotency-Key", "k")
                  .POST(HttpRequest.BodyPublishers.ofString(good))),
          404);
      problem(send(HttpRequest.newBuilder(URI.create(board.url() + "/api/nothing")).GET()), 404);
      HttpResponse<String> get =
          send(
              HttpRequest.newBuilder(
                      URI.create(board.url() + "/api/campaigns/" + campaign.id() + "/submissions"))
                  .GET());
      problem(get, 405);
      assertThat(get.headers().firstValue("Allow")).contains("POST");
      problem(
          send(
              HttpRequest.newBuilder(
                      URI.create(board.url() + "/api/campaigns/" + campaign.id() + "/submissions"))
                  .header("Content-Type", "text/plain")
                  .header("Authorization", bearer)
                  .POST(HttpRequest.BodyPublishers.ofString(good))),
          415);
      // A browser still gets an HTML page for an unknown page.
      HttpResponse<String> page =
          send(HttpRequest.newBuilder(URI.create(board.url() + "/nothing")).GET());
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    @Test
    @DisplayName("401 with the reason for a missing, malformed, forged, revoked or expired token")
    void unauthorized() throws Exception {
      HttpRequest.Builder none =
          HttpRequest.newBuilder(
                  URI.create(board.url() + "/api/campaigns/" + campaign.id() + "/submissions"))
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", "k-401")
              .POST(HttpRequest.BodyPublishers.ofString(good));
      HttpResponse<String> missing = send(none);
      assertThat(problem(missing, 401).get("errors").get(0).get("code").asText())
          .isEqualTo("missing");
      assertThat(missing.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));

      dev.spirit.kiosk.IssuedKioskToken other =
          spirit.kiosks().issue("kiosk-2", Duration.ofHours(1));
      String forged = other.token().substring(0, 21) + "A".repeat(43);
      Map<String, String> cases = new LinkedHashMap<>();
      cases.put("Bearer nonsense", "malformed");
      cases.put("Bearer " + forged, "unknown");
      for (Map.Entry<String, String> e : cases.entrySet()) {
        JsonNode p = problem(send(none.copy().header("Authorization", e.getKey())), 401);
        assertThat(p.get("errors").get(0).get("code").asText()).isEqualTo(e.getValue());
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("Authorization");
      }
      spirit.kiosks().revoke(other.credential().id());
      assertThat(
              problem(send(none.copy().header("Authorization", "Bearer " + other.token())), 401)
                  .get("errors")
                  .get(0)
                  .get("code")
                  .asText())
          .isEqualTo("revoked");
      clock.advance(Duration.ofDays(2));
      JsonNode expired = problem(send(api("k-401b", good)), 401);
      assertThat(expired.get("errors").get(0).get("code").asText()).isEqualTo("expired");
      assertThat(expired.get("detail").asText()).doesNotContain(bearer.substring(28));
      assertThat(spirit.submissions().count(dev.spirit.storage.SubmissionFilter.all(campaign.id())))
          .isZero();
    }

    @Test
    @DisplayName("409 for a reused key, 422 listing every reason intake refused")
    void conflictAndRefusal() throws Exception {
      assertThat(send(api("k-409", good)).statusCode()).isEqualTo(201);
      JsonNode conflict = problem(send(api("k-409", good.replace("耿直", "雄壮"))), 409);
      assertThat(conflict.get("errors").get(0).get("code").asText())
          .isEqualTo("idempotency_conflict");
      JsonNode refused =
          problem(
              send(api("k-422", good.replace("yuzhong", "hechuan").replace("true", "false"))), 422);
      assertThat(refused.get("errors"))
          .extracting(e -> e.get("code").asText())
          .contains("district_not_allowed", "consent_required");
    }

    @Test
    @DisplayName("413 over the body limit; the default limit fits the longest text in any encoding")
    void bodyLimit() throws Exception {
      // The longest text Spirit takes, in supplementary characters JSON-escaped as surrogate
      // pairs: 12 bytes per character, the most expensive encoding.
      String longest = "\\ud840\\udc00".repeat(Texts.MAX_CODE_POINTS);
      String body =
          "{\"text\":\""
              + longest
              + "\",\"kind\":\"message\",\"district\":\"yuzhong\",\"participant\":\"k\","
              + "\"consent\":true,\"channel\":\"message-board\"}";
      HttpResponse<String> judged = send(api("k-long", body));
      assertThat(judged.statusCode())
          .as("judged by intake, not cut off by the body limit")
          .isNotEqualTo(413);
      assertThat(judged.statusCode()).isIn(201, 422);

      String form =
          "csrf=x&text="
              + URLEncoder.encode("𠀀".repeat(Texts.MAX_CODE_POINTS), StandardCharsets.UTF_8);
      assertThat(form.length()).isLessThanOrEqualTo(MessageBoard.DEFAULT_MAX_BODY_BYTES);

      String tooBig = "x".repeat(MessageBoard.DEFAULT_MAX_BODY_BYTES + 1);
      JsonNode p = problem(send(api("k-big", "{\"text\":\"" + tooBig + "\"}")), 413);
      assertThat(fields(p)).containsExactly("body");
    }

    @Test
    @DisplayName("429 when over the rate, as problem details with Retry-After")
    void rate() throws Exception {
      try (MessageBoard strict =
          MessageBoard.builder(spirit)
              .moderatorToken(MessageBoardHttpTest.TOKEN)
              .postsPerMinute(2)
              .start()) {
        HttpResponse<String> last = null;
        for (int i = 0; i < 10; i++) {
          last =
              send(
                  HttpRequest.newBuilder(
                          URI.create(
                              strict.url() + "/api/campaigns/" + campaign.id() + "/submissions"))
                      .header("Content-Type", "application/json")
                      .header("Authorization", bearer)
                      .header("Idempotency-Key", "rate-" + i)
                      .POST(HttpRequest.BodyPublishers.ofString(good)));
          if (last.statusCode() == 429) {
            break;
          }
        }
        problem(last, 429);
        assertThat(last.headers().firstValue("Retry-After")).contains("60");
      }
    }

    @Test
    @DisplayName("503 when the store is gone, with nothing acknowledged; a retry stores it once")
    void storeUnavailable() throws Exception {
      Spirit failing =
          Spirit.builder().storeUri("mem:").moderator(Wiring.defaultModerator()).build();
      Campaign c = BoardFixtures.campaign(failing, "gone");
      String failingBearer = "Bearer " + failing.kiosks().issue("k", Duration.ofDays(1)).token();
      try (MessageBoard b =
          MessageBoard.builder(failing).moderatorToken(MessageBoardHttpTest.TOKEN).start()) {
        failing.close(); // every store call now fails with StorageException
        HttpResponse<String> r =
            send(
                HttpRequest.newBuilder(
                        URI.create(b.url() + "/api/campaigns/" + c.id() + "/submissions"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", failingBearer)
                    .header("Idempotency-Key", "k-503")
                    .POST(HttpRequest.BodyPublishers.ofString(good)));
        problem(r, 503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> page =
            send(HttpRequest.newBuilder(URI.create(b.url() + "/c/gone")).GET());
        assertThat(page.statusCode()).isEqualTo(503);
      }
    }
  }

  @Nested
  @DisplayName("the moderator queue claims what it shows")
  class Leases {
    private HttpClient signIn() throws Exception {
      HttpClient browser = MessageBoardHttpTest.newBrowser();
      String login = get(browser, "/moderate/errors-test").body();
      post(
          browser,
          "/moderate/errors-test/login",
          Map.of("csrf", csrf(login), "token", MessageBoardHttpTest.TOKEN));
      return browser;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
      return client.send(
          HttpRequest.newBuilder(URI.create(board.url() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form)
        throws Exception {
      String body =
          new LinkedHashMap<>(form)
              .entrySet().stream()
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

    private String csrf(String html) {
      Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html);
      assertThat(m.find()).isTrue();
      return m.group(1);
    }

    private HttpResponse<String> decide(
        HttpClient browser, String page, Submission s, String version, String action)
        throws Exception {
      return post(
          browser,
          "/moderate/errors-test/decide",
          Map.of(
              "csrf", csrf(page), "id", s.id().toString(), "version", version, "action", action));
    }

    @Test
    @DisplayName(
        "two moderators see disjoint items; one cannot decide the other's; sign-out releases")
    void disjoint() throws Exception {
      Submission a = BoardFixtures.pending(spirit, campaign, "耿直", "p1");
      Submission b = BoardFixtures.pending(spirit, campaign, "热情", "p2");
      HttpClient li = signIn();
      String liPage = get(li, "/moderate/errors-test").body();
      assertThat(liPage).contains("耿直", "热情");
      HttpClient wang = signIn();
      String wangPage = get(wang, "/moderate/errors-test").body();
      assertThat(wangPage).doesNotContain("耿直").doesNotContain("热情");

      String refused =
          decide(wang, wangPage, a, MessageBoardHttpTest.versionShown(liPage, a), "approve").body();
      assertThat(refused).contains("Not changed", "is claimed by web-moderator-");
      assertThat(spirit.submissions().find(a.id()).orElseThrow().status())
          .isEqualTo(SubmissionStatus.PENDING);

      decide(li, liPage, a, MessageBoardHttpTest.versionShown(liPage, a), "approve");
      assertThat(spirit.submissions().find(a.id()).orElseThrow().status())
          .isEqualTo(SubmissionStatus.APPROVED);

      String signedOut =
          post(li, "/moderate/errors-test/logout", Map.of("csrf", csrf(liPage))).body();
      assertThat(signedOut).contains("Signed out, released 1", "Moderator token");
      assertThat(spirit.submissions().find(b.id()).orElseThrow().reviewLease()).isEmpty();
      assertThat(get(wang, "/moderate/errors-test").body()).contains("热情");
    }

    @Test
    @DisplayName("a decision after the lease lapsed is refused with a clear message")
    void lapsed() throws Exception {
      Submission a = BoardFixtures.pending(spirit, campaign, "耿直", "p1");
      HttpClient li = signIn();
      String page = get(li, "/moderate/errors-test").body();
      String version = MessageBoardHttpTest.versionShown(page, a);
      clock.advance(Duration.ofMinutes(11));
      String refused = decide(li, page, a, version, "approve").body();
      assertThat(refused).contains("Not changed", "lapsed at 2026-05-01T08:10:00Z");
      assertThat(spirit.submissions().find(a.id()).orElseThrow().status())
          .isEqualTo(SubmissionStatus.PENDING);
      // Reloading claims it again, and the decision goes through.
      String again = get(li, "/moderate/errors-test").body();
      decide(li, again, a, MessageBoardHttpTest.versionShown(again, a), "approve");
      assertThat(spirit.submissions().find(a.id()).orElseThrow().status())
          .isEqualTo(SubmissionStatus.APPROVED);
    }
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
