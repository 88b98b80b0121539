package dev.spirit.examples.boot.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.examples.boot.Fixtures;
import dev.spirit.kiosk.IssuedKioskToken;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(
    properties = {
      Fixtures.MEMORY_STORE,
      Fixtures.NO_RATE_LIMIT,
      Fixtures.CLOUD_OF_TWO,
      Fixtures.SMALL_BODIES
    })
@AutoConfigureMockMvc
@DisplayName("The kiosk API")
class KioskApiTest {
  private static final String PROBLEM = "application/problem+json";

  @Autowired MockMvc mvc;
  @Autowired Spirit spirit;

  private Campaign campaign;
  private String token;

  @BeforeEach
  void campaign() {
    campaign = Fixtures.openCampaign(spirit, "kiosk");
    token = Fixtures.kioskToken(spirit);
  }

  private String url() {
    return "/api/v1/campaigns/" + campaign.slug() + "/submissions";
  }

  private MockHttpServletRequestBuilder kiosk(MockHttpServletRequestBuilder request) {
    return request.header("Authorization", "Bearer " + token);
  }

  private MockHttpServletRequestBuilder submission(String key, String json) {
    return kiosk(post(url()))
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json);
  }

  private static String body(String text) {
    return """
        {"text": "%s", "kind": "keyword", "district": "yuzhong", "participant": "kiosk-p1",
         "role": "resident", "consent": true}
        """
        .formatted(text);
  }

  private List<Submission> stored() {
    try (Stream<Submission> s = spirit.submissions().stream(SubmissionFilter.all(campaign.id()))) {
      return s.toList();
    }
  }

  @Test
  @DisplayName("stores a submission with a kiosk token and answers 201 with its receipt")
  void created() throws Exception {
    String response =
        mvc.perform(submission("k-1", body("耿直")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("pending"))
            .andExpect(jsonPath("$.replayed").value(false))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(stored())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(response).contains(s.id().toString());
              assertThat(s.text().original()).isEqualTo("耿直");
              assertThat(s.collectionPoint())
                  .as("named after the kiosk its token was issued to")
                  .contains("test-kiosk");
            });
  }

  @Test
  @DisplayName(
      "a retry with the same key answers 200 with the first receipt and stores nothing new")
  void replayed() throws Exception {
    mvc.perform(submission("k-2", body("热情"))).andExpect(status().isCreated());
    mvc.perform(submission("k-2", body("热情")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.replayed").value(true));
    assertThat(stored()).hasSize(1);
  }

  @Test
  @DisplayName("the same key with other content is a 409 problem")
  void idempotencyConflict() throws Exception {
    mvc.perform(submission("k-3", body("热情"))).andExpect(status().isCreated());
    mvc.perform(submission("k-3", body("包容")))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key")))
        .andExpect(jsonPath("$.errors[0].code").value("idempotency_conflict"));
    assertThat(stored()).hasSize(1);
  }

  @Test
  @DisplayName("a 400 lists every missing or malformed field, the idempotency key included")
  void everyFieldError() throws Exception {
    mvc.perform(
            kiosk(post(url()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"kind": "sonnet", "channel": "pigeon", "role": "king", "language": "???"}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    containsInAnyOrder(
                        "Idempotency-Key",
                        "text",
                        "kind",
                        "district",
                        "channel",
                        "participant",
                        "role",
                        "language")));
    assertThat(stored()).isEmpty();
  }

  @Test
  @DisplayName("a submission the campaign's rules refuse is a 400 naming each reason")
  void rejectedByTheRules() throws Exception {
    mvc.perform(
            submission(
                "k-4",
                """
                {"text": "耿直", "district": "wushan", "participant": "p2", "consent": false}
                """))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].code")
                .value(containsInAnyOrder("district_not_allowed", "consent_required")));
  }

  @Test
  @DisplayName("a body that is not JSON is a 400 problem")
  void malformedJson() throws Exception {
    mvc.perform(submission("k-5", "{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM))
        .andExpect(jsonPath("$.errors[0].field").value("body"));
  }

  @ParameterizedTest(name = "Authorization: \"{0}\"")
  @ValueSource(strings = {"", "Bearer wrong-token", "Basic bW9kZXJhdG9yOng=", "Bearer "})
  @DisplayName("without a known kiosk token the answer is a 401 problem asking for a bearer token")
  void unauthorized(String authorization) throws Exception {
    MockHttpServletRequestBuilder request =
        post(url())
            .header("Idempotency-Key", "k-6")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body("耿直"));
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    mvc.perform(request)
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(content().contentTypeCompatibleWith(PROBLEM))
        .andExpect(jsonPath("$.status").value(401));
    assertThat(stored()).isEmpty();
  }

  static Stream<Arguments> refusedTokens() {
    return Stream.of(
        Arguments.of("malformed", "The bearer token is not a kiosk token (spk_<id>_<secret>)."),
        Arguments.of("forged", "The kiosk token is unknown."),
        Arguments.of("revoked", "The kiosk token was revoked; ask staff for a new one."),
        Arguments.of("expired", "The kiosk token has expired; ask staff for a new one."));
  }

  @ParameterizedTest(name = "a {0} token")
  @MethodSource("refusedTokens")
  @DisplayName("a refused kiosk token is a 401 problem saying why, and stores nothing")
  void refusedTokenSaysWhy(String kind, String detail) throws Exception {
    String refused =
        switch (kind) {
          case "malformed" -> "demo-kiosk-token-change-me";
          case "forged" -> token.substring(0, token.length() - 4) + "AAAA";
          case "revoked" -> {
            IssuedKioskToken issued = spirit.kiosks().issue("lost-tablet", Duration.ofDays(1));
            spirit.kiosks().revoke(issued.credential().id());
            yield issued.token();
          }
          default -> spirit.kiosks().issue("old-tablet", Duration.ofNanos(1)).token();
        };
    mvc.perform(
            post(url())
                .header("Authorization", "Bearer " + refused)
                .header("Idempotency-Key", "k-refused-" + kind)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("耿直")))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(content().contentTypeCompatibleWith(PROBLEM))
        .andExpect(jsonPath("$.detail").value(detail));
    assertThat(stored()).isEmpty();
  }

  @Test
  @DisplayName("an unknown campaign is a 404 problem")
  void unknownCampaign() throws Exception {
    mvc.perform(
            kiosk(post("/api/v1/campaigns/no-such-campaign/submissions"))
                .header("Idempotency-Key", "k-7")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("耿直")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM))
        .andExpect(jsonPath("$.detail").value(containsString("no-such-campaign")));
  }

  @Test
  @DisplayName("an unknown API path is a 404 problem")
  void unknownPath() throws Exception {
    mvc.perform(kiosk(get("/api/v1/nothing-here")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM));
  }

  @Test
  @DisplayName("GET on the submissions is a 405 problem")
  void methodNotAllowed() throws Exception {
    mvc.perform(kiosk(get(url())))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM))
        .andExpect(jsonPath("$.status").value(405));
  }

  @Test
  @DisplayName("a body that is not JSON by its type is a 415 problem")
  void unsupportedMediaType() throws Exception {
    mvc.perform(
            kiosk(post(url()))
                .header("Idempotency-Key", "k-8")
                .contentType(MediaType.TEXT_PLAIN)
                .content("耿直"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM));
  }

  @Test
  @DisplayName("a body over the limit is a 413 problem, and nothing is stored")
  void tooLarge() throws Exception {
    mvc.perform(submission("k-9", body("长".repeat(1500))))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentTypeCompatibleWith(PROBLEM))
        .andExpect(jsonPath("$.detail").value(containsString("2048 bytes")));
    assertThat(stored()).isEmpty();
  }

  @Test
  @DisplayName("the OpenAPI description is public")
  void openApiIsPublic() throws Exception {
    mvc.perform(get("/api/v1/openapi.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openapi").value("3.1.0"))
        .andExpect(jsonPath("$.paths.*", hasSize(1)));
  }

  @Test
  @DisplayName("a stored submission's id parses, and it waits for review (pre-moderation)")
  void storedSubmissionWaits() throws Exception {
    String id =
        com.jayway.jsonpath.JsonPath.read(
            mvc.perform(submission("k-10", body("包容")))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    assertThat(spirit.submissions().find(SubmissionId.parse(id)))
        .hasValueSatisfying(s -> assertThat(s.status().name()).isEqualTo("PENDING"));
  }

  @Test
  @DisplayName(
      "a kiosk names the consent text version it showed and the purposes agreed: the record is"
          + " stored with the campaign's text; a stale version is a 400 naming both versions")
  void consentVersion() throws Exception {
    dev.spirit.participant.ConsentText v2 =
        dev.spirit.participant.ConsentText.of("v2", "我同意渝中城市精神征集使用我的话。");
    campaign =
        Fixtures.openCampaign(
            spirit, "kiosk", dev.spirit.campaign.SubmissionRules.builder().consentText(v2).build());
    mvc.perform(
            submission(
                "k-consent-1",
                """
                {"text": "耿直", "district": "yuzhong", "participant": "kiosk-p9", "consent": true,
                 "consentVersion": "v2", "purposes": ["statistics"]}
                """))
        .andExpect(status().isCreated());
    mvc.perform(
            submission(
                "k-consent-2",
                """
                {"text": "雄壮", "district": "yuzhong", "participant": "kiosk-p9", "consent": true,
                 "consentVersion": "v1"}
                """))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("consent text version v2, not v1")));
    assertThat(stored())
        .singleElement()
        .satisfies(
            s -> {
              dev.spirit.participant.Consent c = s.participant().consentRecord().orElseThrow();
              assertThat(c.text()).contains(v2);
              assertThat(c.purposes())
                  .containsExactly(dev.spirit.participant.ConsentPurpose.STATISTICS);
              assertThat(s.visibleToPublic()).isFalse();
            });
  }
}
