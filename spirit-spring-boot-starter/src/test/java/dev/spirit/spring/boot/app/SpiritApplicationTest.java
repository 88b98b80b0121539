package dev.spirit.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.micrometer.SpiritMetrics;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
    classes = SpiritTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spirit.store-uri=mem:",
      "spirit.lexicon.city=classpath:lexicons/city.tsv",
      "spirit.metrics.queue-depth-ttl=0s",
      "management.endpoints.web.exposure.include=health,metrics",
      "management.endpoint.health.show-details=always"
    })
@DisplayName("A Spring Boot application with the starter and actuator")
class SpiritApplicationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Autowired Spirit spirit;

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  @DisplayName("shows Spirit's health and metrics at its actuator endpoints")
  void actuatorEndpoints() throws Exception {
    Campaign campaign =
        spirit
            .campaigns()
            .create(
                Campaign.builder("spirit-of-yuzhong")
                    .title("渝中精神", "Spirit of Yuzhong")
                    .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
                    .districts("yuzhong")
                    .allChannels()
                    .createdAt(Instant.now().minusSeconds(60))
                    .build());
    spirit.campaigns().open(campaign.id());
    for (String text : new String[] {"山城精神", "这里全是垃圾", "赌场开业"}) {
      Receipt receipt =
          spirit.submit(
              SubmissionRequest.builder(campaign.id())
                  .kind(SubmissionKind.SLOGAN)
                  .text(text)
                  .district("yuzhong")
                  .channel(Channel.ONLINE)
                  .participant(Participant.consenting("p-" + text.hashCode(), Role.RESIDENT))
                  .build());
      assertThat(receipt).isInstanceOf(Receipt.Accepted.class);
    }

    JsonNode health = get("/actuator/health/spirit");
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("details").path("lexiconTerms").asInt()).isEqualTo(2);
    assertThat(health.path("details").path("lexiconVersion").asText()).isNotBlank();
    assertThat(health.path("details").path("campaigns").asInt()).isEqualTo(1);
    assertThat(get("/actuator/health").path("components").has("spirit")).isTrue();

    JsonNode submissions =
        get("/actuator/metrics/" + SpiritMetrics.SUBMISSIONS + "?tag=district:yuzhong");
    assertThat(submissions.path("measurements").get(0).path("value").asDouble()).isEqualTo(3);
    JsonNode rejected =
        get("/actuator/metrics/" + SpiritMetrics.SUBMISSIONS + "?tag=decision:reject");
    assertThat(rejected.path("measurements").get(0).path("value").asDouble()).isEqualTo(1);

    JsonNode depth =
        get(
            "/actuator/metrics/"
                + SpiritMetrics.REVIEW_QUEUE_DEPTH
                + "?tag=campaign:spirit-of-yuzhong");
    assertThat(depth.path("measurements").get(0).path("value").asDouble())
        .as("pre-moderation (the default): the approved and the flagged one wait for a moderator")
        .isEqualTo(2);

    JsonNode latency = get("/actuator/metrics/" + SpiritMetrics.MODERATION_LATENCY);
    assertThat(latency.path("measurements").findValuesAsText("statistic")).contains("COUNT");
    assertThat(latency.path("measurements").get(0).path("value").asDouble()).isEqualTo(3);
  }
}
