package dev.spirit.examples.boot.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.examples.boot.DemoCampaign;
import dev.spirit.examples.boot.Fixtures;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(
    properties = {
      Fixtures.MEMORY_STORE,
      Fixtures.NO_RATE_LIMIT,
      Fixtures.CLOUD_OF_TWO,
      Fixtures.SMALL_BODIES
    })
@AutoConfigureMockMvc
@DisplayName("The public board")
class BoardPagesTest {
  @Autowired MockMvc mvc;
  @Autowired Spirit spirit;

  private Campaign campaign;

  @BeforeEach
  void campaign() {
    campaign = Fixtures.openCampaign(spirit, "board");
  }

  private List<Submission> stored() {
    try (Stream<Submission> s = spirit.submissions().stream(SubmissionFilter.all(campaign.id()))) {
      return s.toList();
    }
  }

  @Test
  @DisplayName("the home page lists the open campaigns, the seeded demo campaign among them")
  void index() throws Exception {
    mvc.perform(get("/"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/c/" + campaign.slug())))
        .andExpect(content().string(containsString("/c/" + DemoCampaign.SLUG)));
  }

  @Test
  @DisplayName("a campaign's page shows only approved words, escaped, under a strict CSP")
  void boardShowsApprovedOnly() throws Exception {
    Fixtures.approved(spirit, campaign, "<b>耿直</b>", "p1");
    Fixtures.pending(spirit, campaign, "还在审核", "p2");
    mvc.perform(get("/c/" + campaign.slug()))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
        .andExpect(content().string(containsString("&lt;b&gt;耿直&lt;/b&gt;")))
        .andExpect(content().string(not(containsString("<b>耿直</b>"))))
        .andExpect(content().string(not(containsString("还在审核"))))
        .andExpect(content().string(containsString("name=\"_csrf\"")));
  }

  @Test
  @DisplayName("the word cloud shows a word only once enough different people gave it")
  void cloudKeepsKAnonymity() throws Exception {
    Fixtures.approved(spirit, campaign, "热情", "p1");
    Fixtures.approved(spirit, campaign, "热情", "p2");
    Fixtures.approved(spirit, campaign, "孤单", "p3");
    mvc.perform(get("/c/" + campaign.slug() + "/cloud.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.approved").value(3))
        .andExpect(jsonPath("$.words.length()").value(1))
        .andExpect(jsonPath("$.words[0].text").value("热情"))
        .andExpect(jsonPath("$.words[0].count").value(2));
  }

  @Test
  @DisplayName("the form stores the visitor's words as pending and says so")
  void submitForm() throws Exception {
    MockHttpSession visitor = new MockHttpSession();
    mvc.perform(
            post("/c/" + campaign.slug() + "/submit")
                .session(visitor)
                .with(csrf())
                .param("text", "耿直")
                .param("kind", "keyword")
                .param("district", "jiangbei")
                .param("role", "visitor")
                .param("consent", "yes"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/c/" + campaign.slug()))
        .andExpect(flash().attribute("flash", containsString("after review")));
    assertThat(stored())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.district().code()).isEqualTo("jiangbei");
              assertThat(s.participant().id().value())
                  .isEqualTo(visitor.getAttribute("spirit.visitor"));
            });
  }

  @Test
  @DisplayName("a form the campaign's rules refuse is told in the flash, and nothing is stored")
  void refusedForm() throws Exception {
    mvc.perform(
            post("/c/" + campaign.slug() + "/submit")
                .with(csrf())
                .param("text", "耿直")
                .param("district", "jiangbei"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("flash", containsString("Not submitted")));
    mvc.perform(
            post("/c/" + campaign.slug() + "/submit")
                .with(csrf())
                .param("text", "耿直")
                .param("kind", "sonnet")
                .param("district", "jiangbei")
                .param("consent", "yes"))
        .andExpect(flash().attribute("flash", containsString("kind")));
    assertThat(stored()).isEmpty();
  }

  @Test
  @DisplayName("a form without its CSRF token is refused with 403")
  void csrfRequired() throws Exception {
    mvc.perform(
            post("/c/" + campaign.slug() + "/submit")
                .param("text", "耿直")
                .param("district", "jiangbei")
                .param("consent", "yes"))
        .andExpect(status().isForbidden());
    assertThat(stored()).isEmpty();
  }

  @Test
  @DisplayName("an unknown campaign is a 404 page")
  void unknownCampaign() throws Exception {
    mvc.perform(get("/c/no-such-campaign"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("no-such-campaign")));
  }

  @Test
  @DisplayName("the board's script and style sheet are served; other names are not")
  void assets() throws Exception {
    mvc.perform(get("/static/board.js"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("textContent")));
    mvc.perform(get("/static/board.css")).andExpect(status().isOk());
    mvc.perform(get("/static/MessageBoard.class")).andExpect(status().isNotFound());
  }

  @Test
  @DisplayName(
      "a campaign with a consent text: the board shows its version and the form records it with"
          + " the submission")
  void consentVersionShownAndRecorded() throws Exception {
    dev.spirit.participant.ConsentText v3 =
        dev.spirit.participant.ConsentText.of("2026-v3", "我同意发布并统计我的留言。");
    campaign =
        Fixtures.openCampaign(
            spirit, "board", dev.spirit.campaign.SubmissionRules.builder().consentText(v3).build());
    mvc.perform(get("/c/" + campaign.slug()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Consent text version 2026-v3")))
        .andExpect(content().string(containsString("name=\"consentVersion\" value=\"2026-v3\"")));
    mvc.perform(
            post("/c/" + campaign.slug() + "/submit")
                .with(csrf())
                .param("text", "耿直")
                .param("district", "jiangbei")
                .param("consent", "yes")
                .param("consentVersion", "2026-v3"))
        .andExpect(status().is3xxRedirection());
    assertThat(stored())
        .singleElement()
        .satisfies(
            s -> assertThat(s.participant().consentRecord().orElseThrow().text()).contains(v3));
  }
}
