package dev.spirit.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SubmissionFilter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The README's one property: {@code spirit.store-uri=jdbc:postgresql://...} moves the app onto
 * PostgreSQL. Runs against the server named by {@code SPIRIT_TEST_PG_URL} ({@code .ci/run} and
 * {@code scripts/with-postgres.sh} set it), in a schema of its own; skipped, loudly, without one.
 */
@SpringBootTest(properties = Fixtures.NO_RATE_LIMIT)
@AutoConfigureMockMvc
@DisplayName("The district app on PostgreSQL")
class DistrictAppOnPostgresTest {
  private static final String ENV = "SPIRIT_TEST_PG_URL";
  private static final String SCHEMA =
      "spirit_boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Autowired MockMvc mvc;
  @Autowired Spirit spirit;

  private static String url() {
    String url = System.getenv(ENV);
    return url == null ? "" : url.strip();
  }

  @BeforeAll
  static void createSchema() throws Exception {
    if (url().isEmpty()) {
      System.err.println(
          "### SKIPPED: DistrictAppOnPostgresTest needs a real PostgreSQL, and "
              + ENV
              + " is not set. Run the build through scripts/with-postgres.sh (.ci/run does).");
    }
    assumeTrue(!url().isEmpty(), ENV + " is not set");
    try (Connection c = DriverManager.getConnection(url());
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + SCHEMA); // a generated name
    }
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (!url().isEmpty()) {
      try (Connection c = DriverManager.getConnection(url());
          Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      }
    }
  }

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry properties) {
    properties.add(
        "spirit.store-uri",
        () -> url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
  }

  @Test
  @DisplayName("stores the demo campaign and a kiosk's submission in the database")
  void storesInPostgres() throws Exception {
    assertThat(spirit.store().getClass().getSimpleName()).isEqualTo("JdbcStore");
    Campaign demo = spirit.campaigns().bySlug(DemoCampaign.SLUG).orElseThrow();
    mvc.perform(
            post("/api/v1/campaigns/" + DemoCampaign.SLUG + "/submissions")
                .header("Authorization", "Bearer " + Fixtures.kioskToken(spirit))
                .header("Idempotency-Key", "pg-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"text": "耿直", "district": "yuzhong", "participant": "pg-p1", "consent": true}
                    """))
        .andExpect(status().isCreated());
    try (Connection c = DriverManager.getConnection(url());
        Statement st = c.createStatement();
        var rows = st.executeQuery("SELECT count(*) FROM " + SCHEMA + ".spirit_submissions")) {
      rows.next();
      assertThat(rows.getLong(1)).as("rows in PostgreSQL itself").isEqualTo(1);
    }
    assertThat(spirit.submissions().stream(SubmissionFilter.all(demo.id())).count()).isEqualTo(1);
  }
}
