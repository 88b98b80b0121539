package org.example.district;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.SubmissionRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorShowsSpiritTest {
  @LocalServerPort int port;
  @Autowired Spirit spirit;

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void healthAndMetricsShowSpirit() throws Exception {
    Campaign campaign =
        spirit
            .campaigns()
            .ensure(
                Campaign.builder("fresh-project")
                    .title("新项目", "A fresh project")
                    .prompt("一个词", "One word")
                    .districts("yuzhong")
                    .allChannels()
                    .build());
    if (campaign.state().name().equals("DRAFT")) {
      campaign = spirit.campaigns().open(campaign.id());
    }
    spirit
        .submit(
            SubmissionRequest.builder(campaign.id())
                .text("山城")
                .district("yuzhong")
                .channel(Channel.ONLINE)
                .participant(Participant.consenting("fresh-1", Role.RESIDENT))
                .build())
        .orThrow();

    String health = get("/actuator/health");
    assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("UP");
    assertThat(JsonPath.<String>read(health, "$.components.spirit.status")).isEqualTo("UP");
    assertThat(JsonPath.<String>read(health, "$.components.spirit.details.store"))
        .isEqualTo("FileStore");

    List<String> names = JsonPath.read(get("/actuator/metrics"), "$.names");
    assertThat(names).contains("spirit.submissions", "spirit.review.queue.depth");
    String submissions = get("/actuator/metrics/spirit.submissions");
    assertThat(JsonPath.<Double>read(submissions, "$.measurements[0].value")).isGreaterThanOrEqualTo(1.0);
  }
}
