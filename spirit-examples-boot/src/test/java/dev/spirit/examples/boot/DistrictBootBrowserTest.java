package dev.spirit.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      Fixtures.MEMORY_STORE,
      Fixtures.NO_RATE_LIMIT,
      // one visitor's word must reach the cloud here; BoardPagesTest covers the k threshold
      "spirit.demo.cloud-minimum-people=1"
    })
@DisplayName("The Spring Boot district app in a real headless Chromium")
class DistrictBootBrowserTest {
  private static Chromium browser;

  @LocalServerPort int port;
  @Autowired Spirit spirit;

  private Campaign campaign;
  private WebDriver driver;

  @BeforeAll
  static void startBrowser() {
    assumeTrue(Chromium.available(), "Chromium is not installed");
    browser = new Chromium(1280, 1100);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void freshCampaign() {
    campaign = Fixtures.openCampaign(spirit, "browser");
    driver = browser.driver;
    driver.manage().deleteAllCookies();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void open(String path) {
    driver.get(url(path));
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  private String flash() {
    return waiting().until(d -> d.findElement(By.id("flash"))).getText();
  }

  private List<String> wall() {
    return driver.findElements(By.cssSelector("#wall li .text")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void submitThroughForm(String text, String kind) {
    open("/c/" + campaign.slug());
    driver.findElement(By.id("text")).sendKeys(text);
    new Select(driver.findElement(By.id("kind"))).selectByValue(kind);
    new Select(driver.findElement(By.id("district"))).selectByValue("jiangbei");
    new Select(driver.findElement(By.id("role"))).selectByValue("visitor");
    driver.findElement(By.id("consent")).click();
    driver.findElement(By.id("send")).click();
  }

  /** Opens the queue: the app sends the browser to sign in first, then back to the queue. */
  private void signInToQueue() {
    driver.manage().deleteAllCookies();
    open("/moderate/" + campaign.slug());
    waiting().until(d -> d.getCurrentUrl().endsWith("/login"));
    driver.findElement(By.id("username")).sendKeys(Fixtures.MODERATOR);
    driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    driver.findElement(By.id("login")).click();
    waiting().until(d -> d.findElement(By.id("pending")));
    // back where the moderator wanted to go (Spring Security marks it with ?continue)
    assertThat(driver.getCurrentUrl()).startsWith(url("/moderate/" + campaign.slug()));
  }

  private void clickInRow(String text, String button, String expectedFlash) {
    WebElement row =
        driver.findElements(By.cssSelector("#pending tr")).stream()
            .filter(r -> r.getText().contains(text))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row with " + text + " in the queue"));
    row.findElement(By.cssSelector("button." + button)).click();
    // The old page, flash and all, goes once the redirect after the POST has loaded. Chromium
    // reports a node of a replaced document as stale or as "does not belong to the document".
    waiting()
        .until(
            d -> {
              try {
                row.isEnabled();
                return false;
              } catch (WebDriverException gone) {
                return true;
              }
            });
    assertThat(flash()).contains(expectedFlash);
  }

  private List<Submission> stored() {
    try (Stream<Submission> s = spirit.submissions().stream(SubmissionFilter.all(campaign.id()))) {
      return s.toList();
    }
  }

  @Test
  @DisplayName("submit in the form → moderator signs in → claims → approves → the board shows it")
  void submitSignInApprove() {
    submitThroughForm("耿直", "keyword");
    assertThat(flash()).contains("after review");
    assertThat(wall()).doesNotContain("耿直");
    assertThat(stored())
        .singleElement()
        .satisfies(s -> assertThat(s.district().code()).isEqualTo("jiangbei"));

    signInToQueue();
    clickInRow("耿直", "claim", "Claimed");
    browser.screenshot("boot-moderator-queue-claimed");
    clickInRow("耿直", "approve", "approved");
    assertThat(stored())
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(SubmissionStatus.APPROVED));

    driver.manage().deleteAllCookies();
    open("/c/" + campaign.slug());
    assertThat(wall()).containsExactly("耿直");
    // board.js redraws the cloud from cloud.json under the strict CSP; it replaces the SVG's
    // children on every refresh, so an element found in one poll can be gone by the next read.
    waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector("#cloud text")).stream()
                    .anyMatch(t -> t.getText().equals("耿直")));
    browser.screenshot("boot-board-after-approval");
  }

  @Test
  @DisplayName("a kiosk posts over HTTP with its token; the moderator releases, re-claims, hides")
  void kioskSubmissionReachesTheQueue() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(url("/api/v1/campaigns/" + campaign.slug() + "/submissions")))
                    .header("Authorization", "Bearer " + Fixtures.kioskToken(spirit))
                    .header("Idempotency-Key", "browser-kiosk-1")
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            """
                            {"text": "山水之城", "kind": "slogan", "district": "yuzhong",
                             "participant": "kiosk-visitor-7", "consent": true}
                            """))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

    signInToQueue();
    clickInRow("山水之城", "claim", "Claimed");
    clickInRow("山水之城", "release", "Released");
    clickInRow("山水之城", "claim", "Claimed");
    clickInRow("山水之城", "hide", "hidden");
    assertThat(stored())
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(SubmissionStatus.HIDDEN));
  }

  @Test
  @DisplayName(
      "a script submitted as a slogan is shown as text, never run, in the queue and on the board")
  void scriptInjection() {
    String attack = "<script>alert(1)</script>";
    submitThroughForm(attack, "slogan");
    assertThat(flash()).contains("after review");

    signInToQueue();
    assertThat(driver.findElement(By.id("pending")).getText()).contains(attack);
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    clickInRow(attack, "claim", "Claimed");
    clickInRow(attack, "approve", "approved");

    driver.manage().deleteAllCookies();
    open("/c/" + campaign.slug());
    assertThat(wall()).containsExactly(attack);
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(driver.getPageSource()).doesNotContain("<script>alert(1)</script>");
  }
}
