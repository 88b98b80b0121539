package dev.spirit.examples.boot.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.spirit.Spirit;
import dev.spirit.examples.boot.Fixtures;
import dev.spirit.kiosk.IssuedKioskToken;
import dev.spirit.kiosk.KioskCredential;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(
    properties = {
      Fixtures.MEMORY_STORE,
      Fixtures.NO_RATE_LIMIT,
      Fixtures.CLOUD_OF_TWO,
      Fixtures.SMALL_BODIES
    })
@AutoConfigureMockMvc
@DisplayName("The staff page for kiosk tokens")
class KiosksPageTest {
  private static final RequestPostProcessor STAFF = user("anna").roles("MODERATOR");

  @Autowired MockMvc mvc;
  @Autowired Spirit spirit;

  @Test
  @DisplayName("is for moderators only: anyone else is sent to sign in, a kiosk token too")
  void moderatorsOnly() throws Exception {
    mvc.perform(get("/kiosks")).andExpect(redirectedUrl("/login"));
    mvc.perform(post("/kiosks/issue").with(csrf()).param("name", "x").param("days", "1"))
        .andExpect(redirectedUrl("/login"));
    mvc.perform(get("/kiosks").header("Authorization", "Bearer " + Fixtures.kioskToken(spirit)))
        .andExpect(redirectedUrl("/login"));
  }

  @Test
  @DisplayName("issuing shows the token once and stores only its hash; the token then works")
  void issueShowsTokenOnce() throws Exception {
    MvcResult issued =
        mvc.perform(post("/kiosks/issue").with(STAFF).with(csrf()).param("name", "jiefangbei-1"))
            .andReturn();
    // a missing lifetime is the framework's 400, not a token
    assertThat(issued.getResponse().getStatus()).isEqualTo(400);

    MvcResult ok =
        mvc.perform(
                post("/kiosks/issue")
                    .with(STAFF)
                    .with(csrf())
                    .param("name", "jiefangbei-1")
                    .param("days", "30"))
            .andExpect(redirectedUrl("/kiosks"))
            .andReturn();
    IssuedKioskToken token = (IssuedKioskToken) ok.getFlashMap().get("issued");
    assertThat(token).isNotNull();
    assertThat(token.credential().name()).isEqualTo("jiefangbei-1");
    assertThat(spirit.kiosks().authenticate(token.token()).id()).isEqualTo(token.credential().id());
    KioskCredential stored = spirit.store().findKiosk(token.credential().id()).orElseThrow();
    assertThat(stored.secretHash()).doesNotContain(token.token().substring(21));

    mvc.perform(get("/kiosks").with(STAFF).flashAttr("issued", token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(token.token())));
    mvc.perform(get("/kiosks").with(STAFF))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("jiefangbei-1")))
        .andExpect(content().string(containsString(token.credential().id())))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token.token()))));
  }

  @Test
  @DisplayName("a lifetime outside 1 to 366 days or a bad name is refused with a message")
  void badInput() throws Exception {
    int before = spirit.kiosks().list().size();
    mvc.perform(
            post("/kiosks/issue").with(STAFF).with(csrf()).param("name", "a").param("days", "0"))
        .andExpect(redirectedUrl("/kiosks"))
        .andExpect(flash().attribute("problem", containsString("1 to 366")));
    mvc.perform(
            post("/kiosks/issue")
                .with(STAFF)
                .with(csrf())
                .param("name", "名字 with spaces")
                .param("days", "5"))
        .andExpect(redirectedUrl("/kiosks"))
        .andExpect(flash().attribute("problem", containsString("name")));
    assertThat(spirit.kiosks().list()).hasSize(before);
  }

  @Test
  @DisplayName("revoking refuses the token from the next request on; an unknown id is a message")
  void revoke() throws Exception {
    IssuedKioskToken token = spirit.kiosks().issue("chaotianmen-2", java.time.Duration.ofDays(1));
    mvc.perform(post("/kiosks/" + token.credential().id() + "/revoke").with(STAFF).with(csrf()))
        .andExpect(redirectedUrl("/kiosks"))
        .andExpect(flash().attribute("flash", containsString("chaotianmen-2")));
    assertThat(spirit.kiosks().list())
        .filteredOn(k -> k.id().equals(token.credential().id()))
        .singleElement()
        .satisfies(k -> assertThat(k.revokedAt()).isPresent());
    mvc.perform(post("/kiosks/0000000000000000/revoke").with(STAFF).with(csrf()))
        .andExpect(flash().attribute("problem", containsString("0000000000000000")));
  }
}
