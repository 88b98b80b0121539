package dev.spirit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spirit.examples.BrowserSession;
import dev.spirit.examples.demo.ChongqingDemo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

@DisplayName("The HTML report in a real headless Chromium")
class HtmlReportBrowserTest {
  @TempDir Path dir;

  @Test
  @DisplayName("opens from a file and shows its charts and word clouds")
  void screenshot() throws Exception {
    assumeTrue(BrowserSession.available(), "Chromium is not installed");
    ChongqingDemo.Result demo =
        ChongqingDemo.run(
            new ChongqingDemo.Options("mem:", 2000, 20240324L, dir.resolve("report.html"), false),
            new PrintWriter(new StringWriter()));
    try (BrowserSession browser = new BrowserSession(1280, 3400)) {
      browser.driver.get(demo.report().toUri().toString());
      assertThat(browser.driver.getTitle()).contains("重庆城市精神");
      assertThat(browser.driver.findElements(By.cssSelector("svg.cloud"))).hasSize(8);
      assertThat(browser.driver.findElements(By.cssSelector("svg.bars rect")))
          .hasSizeGreaterThan(20);
      assertThat(browser.driver.findElements(By.cssSelector("svg.cloud text")))
          .hasSizeGreaterThan(100);
      Object cloudWidth =
          ((JavascriptExecutor) browser.driver)
              .executeScript(
                  "return document.querySelector('svg.cloud').getBoundingClientRect().width;");
      assertThat(((Number) cloudWidth).doubleValue()).isGreaterThan(600);
      Path shot = browser.screenshot("html-report");
      assertThat(Files.size(shot)).isGreaterThan(50_000);
    }
  }
}
