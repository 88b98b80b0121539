package dev.spirit.examples.boot.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.examples.boot.Fixtures;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(
    properties = {
      Fixtures.MEMORY_STORE,
      Fixtures.NO_RATE_LIMIT,
      Fixtures.CLOUD_OF_TWO,
      Fixtures.SMALL_BODIES
    })
@AutoConfigureMockMvc
@DisplayName("The moderator queue")
class ModerationQueueTest {
  private static final RequestPostProcessor ANNA = user("anna").roles("MODERATOR");
  private static final RequestPostProcessor BORIS = user("boris").roles("MODERATOR");

  @Autowired MockMvc mvc;
  @Autowired Spirit spirit;

  private Campaign campaign;
  private Submission waiting;

  @BeforeEach
  void campaign() {
    campaign = Fixtures.openCampaign(spirit, "queue");
    waiting = Fixtures.pending(spirit, campaign, "山城", "p1");
  }

  private String queue() {
    return "/moderate/" + campaign.slug();
  }

  private ResultActions act(RequestPostProcessor who, String action, String... params)
      throws Exception {
    var request =
        post(queue() + "/" + action).with(who).with(csrf()).param("id", waiting.id().toString());
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return mvc.perform(request).andExpect(status().is3xxRedirection());
  }

  private Submission current() {
    return spirit.submissions().find(waiting.id()).orElseThrow();
  }

  @Test
  @DisplayName("an anonymous visitor is sent to the sign-in page")
  void anonymousSignsInFirst() throws Exception {
    mvc.perform(get(queue()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(post(queue() + "/claim").with(csrf()).param("id", waiting.id().toString()))
        .andExpect(status().is3xxRedirection());
    assertThat(current().reviewLease()).isEmpty();
  }

  @Test
  @DisplayName("a kiosk token does not open the queue")
  void kioskIsNoModerator() throws Exception {
    mvc.perform(get(queue()).header("Authorization", "Bearer " + Fixtures.kioskToken(spirit)))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
  }

  @Test
  @DisplayName("a moderator from the properties signs in with their bcrypt password")
  void formLoginWithConfiguredUser() throws Exception {
    mvc.perform(formLogin("/login").user(Fixtures.MODERATOR).password(Fixtures.PASSWORD))
        .andExpect(authenticated().withUsername(Fixtures.MODERATOR).withRoles("MODERATOR"));
    mvc.perform(formLogin("/login").user(Fixtures.MODERATOR).password("wrong"))
        .andExpect(unauthenticated());
  }

  @Test
  @DisplayName("claim, then approve with the lease: the submission is public")
  void claimThenApprove() throws Exception {
    mvc.perform(get(queue()).with(ANNA))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("山城")))
        .andExpect(content().string(containsString("button class=\"small claim\"")));
    act(ANNA, "claim").andExpect(flash().attribute("flash", containsString("Claimed")));
    assertThat(current().reviewLease())
        .hasValueSatisfying(l -> assertThat(l.moderator()).isEqualTo("anna"));
    act(ANNA, "decide", "version", String.valueOf(current().version()), "decision", "approve")
        .andExpect(flash().attribute("flash", containsString("approved")));
    assertThat(current().status()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(current().reviewLease()).isEmpty();
  }

  @Test
  @DisplayName("deciding without a claim is refused")
  void decideNeedsTheLease() throws Exception {
    act(ANNA, "decide", "version", String.valueOf(waiting.version()), "decision", "approve")
        .andExpect(flash().attribute("flash", containsString("claim the submission")));
    assertThat(current().status()).isEqualTo(SubmissionStatus.PENDING);
  }

  @Test
  @DisplayName(
      "another moderator can neither claim nor decide what one holds, until it is released")
  void leaseKeepsOthersOut() throws Exception {
    act(ANNA, "claim");
    mvc.perform(get(queue()).with(BORIS))
        .andExpect(content().string(containsString("claimed by anna")));
    act(BORIS, "claim").andExpect(flash().attribute("flash", containsString("Someone else")));
    act(BORIS, "decide", "version", String.valueOf(current().version()), "decision", "hide")
        .andExpect(flash().attribute("flash", containsString("Not changed")));
    act(BORIS, "release").andExpect(flash().attribute("flash", containsString("Not released")));
    act(ANNA, "release").andExpect(flash().attribute("flash", containsString("Released")));
    act(BORIS, "claim").andExpect(flash().attribute("flash", containsString("Claimed")));
  }

  @Test
  @DisplayName("a decision on a version the moderator did not see is refused")
  void staleVersion() throws Exception {
    act(ANNA, "claim");
    act(ANNA, "decide", "version", String.valueOf(waiting.version()), "decision", "approve")
        .andExpect(flash().attribute("flash", containsString("Not changed")));
    assertThat(current().status()).isEqualTo(SubmissionStatus.PENDING);
  }

  @Test
  @DisplayName("an unknown decision or a rejection without reason is refused")
  void badDecisions() throws Exception {
    act(ANNA, "claim");
    String version = String.valueOf(current().version());
    act(ANNA, "decide", "version", version, "decision", "publish")
        .andExpect(flash().attribute("flash", containsString("approve, reject or hide")));
    act(ANNA, "decide", "version", version, "decision", "reject", "reason", "重复")
        .andExpect(flash().attribute("flash", containsString("rejected")));
  }

  @Test
  @DisplayName("a submission id from another campaign, or no id, is refused")
  void foreignSubmission() throws Exception {
    Campaign other = Fixtures.openCampaign(spirit, "other");
    Submission elsewhere = Fixtures.pending(spirit, other, "别处", "p9");
    mvc.perform(
            post(queue() + "/claim").with(ANNA).with(csrf()).param("id", elsewhere.id().toString()))
        .andExpect(flash().attribute("flash", containsString("does not exist")));
    mvc.perform(post(queue() + "/claim").with(ANNA).with(csrf()).param("id", "not-an-id"))
        .andExpect(flash().attribute("flash", containsString("Not claimed")));
    assertThat(spirit.submissions().find(elsewhere.id()).orElseThrow().reviewLease()).isEmpty();
  }

  @Test
  @DisplayName("the queue of an unknown campaign is a 404 page")
  void unknownCampaign() throws Exception {
    mvc.perform(get("/moderate/no-such-campaign").with(ANNA)).andExpect(status().isNotFound());
  }

  @Test
  @DisplayName("metrics are for moderators, health for everyone")
  void actuator() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    mvc.perform(get("/actuator/metrics")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/actuator/metrics/spirit.submissions").with(ANNA)).andExpect(status().isOk());
    mvc.perform(get("/actuator/health/spirit").with(ANNA))
        .andExpect(content().string(containsString("lexiconVersion")));
  }
}
