package dev.spirit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.examples.report.ReportData;
import dev.spirit.participant.Role;
import dev.spirit.submission.SubmissionStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The Chongqing demo")
class ChongqingDemoTest {
  @TempDir static Path dir;
  private static ChongqingDemo.Result result;
  private static String out;

  @BeforeAll
  static void runDemo() {
    StringWriter buffer = new StringWriter();
    result =
        ChongqingDemo.run(
            new ChongqingDemo.Options("mem:", 4200, 20240324L, dir.resolve("report.html"), false),
            new PrintWriter(buffer, true));
    out = buffer.toString();
  }

  @Test
  @DisplayName("takes in thousands of submissions; retries and refusals are counted apart")
  void intake() {
    assertThat(result.accepted()).isEqualTo(4187);
    assertThat(result.replayed()).isEqualTo(91);
    assertThat(result.refused()).isEqualTo(13);
    assertThat(result.data().total()).isEqualTo(4187);
    assertThat(out)
        .contains(
            "Intake      accepted 4187 · retries answered with the first receipt 91 · refused 13");
  }

  @Test
  @DisplayName(
      "covers all seven districts, every channel and residents, visitors, experts, students")
  void coverage() {
    ReportData data = result.data();
    assertThat(data.byDistrict().keySet())
        .extracting(District::code)
        .containsExactlyInAnyOrder(
            "yuzhong", "wushan", "fengjie", "yubei", "wanzhou", "dadukou", "jiangbei");
    assertThat(data.byDistrict().values()).allMatch(n -> n > 100);
    assertThat(data.byChannel().keySet()).containsExactlyInAnyOrder(Channel.values());
    assertThat(data.byChannel().values()).allMatch(n -> n > 100);
    assertThat(data.byRole())
        .containsKeys(Role.RESIDENT, Role.VISITOR, Role.EXPERT, Role.STUDENT)
        .allSatisfy((role, n) -> assertThat(n).isPositive());
    assertThat(data.daily()).hasSize(30);
  }

  @Test
  @DisplayName(
      "the moderation pipeline holds phone numbers for review, rejects spam and repeated cards")
  void moderation() {
    assertThat(result.data().byStatus())
        .containsEntry(SubmissionStatus.APPROVED, 4058L)
        .containsEntry(SubmissionStatus.PENDING, 69L)
        .containsEntry(SubmissionStatus.REJECTED, 60L);
    assertThat(result.data().moderationReasons())
        .containsEntry("personal-data-mobile", 69L)
        .containsEntry("blocked-term", 58L)
        .containsEntry("duplicate", 2L);
    assertThat(out).contains("Moderation  pending 69 · approved 4058 · rejected 60");
  }

  @Test
  @DisplayName(
      "each district has its own leading words; English forms count with their Chinese concept")
  void words() {
    assertThat(result.data().topTermsByDistrict(1).get(District.of("yuzhong")))
        .extracting(ReportData.TermCount::term)
        .containsExactly("繁荣");
    assertThat(result.data().topTermsByDistrict(1).get(District.of("fengjie")))
        .extracting(ReportData.TermCount::term)
        .containsExactly("耿直");
    assertThat(result.data().topTerms(40))
        .extracting(ReportData.TermCount::term)
        .contains("耿直", "热情", "繁荣", "勇立潮头", "city")
        .doesNotContain("candor", "prosperity", "说");
    assertThat(out).containsPattern("渝中 Yuzhong\\s+繁荣 \\(228\\) · 耿直 \\(177\\)");
  }

  @Test
  @DisplayName("shows progress without a terminal as plain lines, and prints the report path")
  void progressAndReport() throws Exception {
    assertThat(out)
        .contains("Ingesting: 25% (", "Ingesting: 50% (", "Ingesting: 100% (4291/4291)")
        .doesNotContain("\r")
        .contains("Report: " + result.report());
    String html = Files.readString(result.report());
    assertThat(html).startsWith("<!DOCTYPE html>").contains("重庆城市精神", "Shortlist");
    assertThat(count(html, "<svg class=\"cloud\"")).isEqualTo(8); // the city + seven districts
    assertThat(count(html, "<svg class=\"bars\"")).isEqualTo(4);
    assertThat(count(html, "<svg class=\"series\"")).isEqualTo(1);
    assertThat(html).doesNotContain("<script", "<link", "<img", "src=", "href=", "url(");
  }

  @Test
  @DisplayName("the same seed gives the same figures")
  void deterministic() {
    ChongqingDemo.Result a =
        ChongqingDemo.run(
            new ChongqingDemo.Options("mem:", 600, 7L, dir.resolve("a.html"), false),
            new PrintWriter(new StringWriter()));
    ChongqingDemo.Result b =
        ChongqingDemo.run(
            new ChongqingDemo.Options("mem:", 600, 7L, dir.resolve("b.html"), false),
            new PrintWriter(new StringWriter()));
    assertThat(a.data().byDistrict()).isEqualTo(b.data().byDistrict());
    assertThat(a.data().topTerms(20)).isEqualTo(b.data().topTerms(20));
    assertThat(a.data().daily()).isEqualTo(b.data().daily());
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
