package dev.spirit.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.examples.BrowserSession;
import dev.spirit.examples.Wiring;
import dev.spirit.examples.web.MessageBoardHttpTest.BoardFixtures;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("The message board in a real headless Chromium")
class MessageBoardBrowserTest {
  private static final String TOKEN = "browser-test-moderator-token";
  private static BrowserSession browser;
  private static Spirit spirit;
  private static MessageBoard board;
  private static int campaigns;
  private Campaign campaign;
  private WebDriver driver;

  @BeforeAll
  static void startBrowser() {
    assumeTrue(BrowserSession.available(), "Chromium is not installed");
    spirit = Spirit.builder().storeUri("mem:").moderator(Wiring.defaultModerator()).build();
    // One visitor's word must reach the cloud here; MessageBoardHttpTest covers the k threshold.
    board =
        MessageBoard.builder(spirit)
            .moderatorToken(TOKEN)
            .postsPerMinute(200)
            .cloudMinimumPeople(1)
            .start();
    browser = new BrowserSession(1280, 1100);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (board != null) {
      board.close();
      spirit.close();
    }
  }

  @BeforeEach
  void freshCampaign() {
    campaign = BoardFixtures.campaign(spirit, "browser-" + (++campaigns));
    driver = browser.driver;
    driver.manage().deleteAllCookies();
  }

  private void open(String path) {
    driver.get(board.url() + path);
  }

  private String publicPage() {
    return "/c/" + campaign.slug();
  }

  private String flash() {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("flash")))
        .getText();
  }

  private void submitThroughForm(String text, String kind, String role) {
    open(publicPage());
    driver.findElement(By.id("text")).sendKeys(text);
    new Select(driver.findElement(By.id("kind"))).selectByValue(kind);
    new Select(driver.findElement(By.id("district"))).selectByValue("jiangbei");
    new Select(driver.findElement(By.id("role"))).selectByValue(role);
    driver.findElement(By.id("consent")).click();
    driver.findElement(By.id("send")).click();
  }

  private void signInAsModerator() {
    driver.manage().deleteAllCookies();
    open("/moderate/" + campaign.slug());
    driver.findElement(By.id("token")).sendKeys(TOKEN);
    driver.findElement(By.id("login")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("pending")));
  }

  private void moderatorClicks(String table, String text, String action) {
    WebElement row =
        driver.findElements(By.cssSelector("#" + table + " tr")).stream()
            .filter(r -> r.getText().contains(text))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row with " + text + " in #" + table));
    row.findElement(By.cssSelector("button." + action)).click();
    assertThat(flash()).contains("Updated");
  }

  private List<String> wall() {
    return driver.findElements(By.cssSelector("#wall li .text")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private List<Submission> stored() {
    try (Stream<Submission> s = spirit.submissions().stream(SubmissionFilter.all(campaign.id()))) {
      return s.toList();
    }
  }

  @Test
  @DisplayName("a word submitted in the form appears on the wall and in the cloud after approval")
  void submitThenApprove() {
    submitThroughForm("耿直", "keyword", "visitor");
    assertThat(flash()).contains("after review");
    assertThat(wall()).doesNotContain("耿直");
    assertThat(stored())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.district().code()).isEqualTo("jiangbei");
              assertThat(s.participant().role().name()).isEqualTo("VISITOR");
            });

    signInAsModerator();
    browser.screenshot("moderator-queue");
    moderatorClicks("pending", "耿直", "approve");

    driver.manage().deleteAllCookies();
    open(publicPage());
    assertThat(wall()).containsExactly("耿直");
    // The live cloud is redrawn by board.js from cloud.json (under the strict CSP).
    // board.js replaces the cloud's SVG on every refresh, so an element found in one poll can be
    // gone by the next read: such a poll simply counts as "not yet".
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector("#cloud text")).stream()
                    .anyMatch(t -> t.getText().equals("耿直")));
    browser.screenshot("public-page-after-approval");
  }

  @Test
  @DisplayName("a visitor reports a word, and a moderator hides it from the wall")
  void reportThenHide() {
    BoardFixtures.approved(spirit, campaign, "热情", "p1");
    BoardFixtures.approved(spirit, campaign, "包容", "p2");
    open(publicPage());
    assertThat(wall()).containsExactlyInAnyOrder("热情", "包容");
    driver.findElements(By.cssSelector("#wall li")).stream()
        .filter(li -> li.getText().contains("热情"))
        .findFirst()
        .orElseThrow()
        .findElement(By.cssSelector("button.report"))
        .click();
    assertThat(flash()).contains("Reported");

    signInAsModerator();
    WebElement reported = driver.findElement(By.id("reported"));
    assertThat(reported.getText()).contains("热情", "1 举报 reports").doesNotContain("包容");
    moderatorClicks("reported", "热情", "hide");
    assertThat(
            spirit.submissions().stream(
                    SubmissionFilter.builder(campaign.id()).status(SubmissionStatus.HIDDEN).build())
                .count())
        .isEqualTo(1);

    driver.manage().deleteAllCookies();
    open(publicPage());
    assertThat(wall()).containsExactly("包容");
  }

  @Test
  @DisplayName(
      "the author appeals a hidden word; the moderator finds it claimed in their queue and signing"
          + " out releases it")
  void appealThenSignOut() {
    submitThroughForm("耿直", "keyword", "resident");
    assertThat(flash()).contains("after review");
    Submission mine = stored().get(0);
    Submission approved =
        spirit
            .review()
            .changeStatus(mine.id(), mine.version(), SubmissionStatus.APPROVED, "test", "ok");
    spirit
        .review()
        .changeStatus(
            approved.id(), approved.version(), SubmissionStatus.HIDDEN, "test", "reported");

    open(publicPage());
    WebElement appealable = driver.findElement(By.id("appealable"));
    assertThat(appealable.getText()).contains("耿直");
    appealable.findElement(By.name("reason")).sendKeys("这是地名");
    appealable.findElement(By.cssSelector("button.appeal")).click();
    assertThat(flash()).contains("Appeal sent");
    assertThat(driver.findElements(By.id("appealable"))).isEmpty();
    assertThat(spirit.submissions().find(mine.id()).orElseThrow().status())
        .isEqualTo(SubmissionStatus.PENDING);

    signInAsModerator();
    assertThat(driver.findElement(By.id("pending")).getText()).contains("耿直");
    assertThat(spirit.submissions().find(mine.id()).orElseThrow().reviewLease()).isPresent();
    driver.findElement(By.id("logout")).click();
    assertThat(flash()).contains("Signed out, released 1");
    assertThat(spirit.submissions().find(mine.id()).orElseThrow().reviewLease()).isEmpty();
  }

  @Test
  @DisplayName("a script submitted as a slogan is shown as text, never run")
  void scriptInjection() {
    String attack = "<script>alert(1)</script>";
    submitThroughForm(attack, "slogan", "student");
    assertThat(flash()).contains("after review");

    signInAsModerator();
    assertThat(driver.findElement(By.id("pending")).getText()).contains(attack);
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    moderatorClicks("pending", attack, "approve");

    driver.manage().deleteAllCookies();
    open(publicPage());
    assertThat(wall()).containsExactly(attack);
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(driver.getPageSource()).doesNotContain("<script>alert(1)</script>");
    browser.screenshot("script-shown-as-text");
  }
}
