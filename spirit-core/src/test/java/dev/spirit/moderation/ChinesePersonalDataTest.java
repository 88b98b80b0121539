package dev.spirit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.ModerationSettings;
import dev.spirit.campaign.PersonalDataAction;
import dev.spirit.campaign.PersonalDataType;
import dev.spirit.moderation.internal.CorpusFiles;
import dev.spirit.moderation.internal.PersonalDataScanner;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Submission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Personal data as Chinese submissions carry it. In the tables, {@code ⟦…⟧} marks what must be
 * masked: the text checked is the table's text without the marks, and the public text expected is
 * the same with every marked character replaced by {@code *}.
 */
@DisplayName("The personal data rule on Chinese submissions")
class ChinesePersonalDataTest {
  private final PersonalDataRule rule = new PersonalDataRule();

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("finds each kind in realistic sentences and masks exactly it in the public text")
  @CsvSource(
      delimiter = '|',
      value = {
        // Addresses: full, partial, compound/building/unit/room, village, Chinese numerals.
        "我住在⟦渝中区解放碑步行街88号⟧，欢迎来玩|address",
        "快递寄到⟦幸福小区3栋2单元501室⟧就行|address",
        "放在⟦xx小区3栋2单元501室⟧门口|address",
        "地址：⟦重庆市渝中区民族路188号⟧|address",
        "我家在⟦沙坪坝区大学城南路37号A座1802室⟧，常来|address",
        // A name is read back to a character that cannot be part of it: here over 老家 as well.
        "⟦老家巫山县龙门村3组12号⟧有红叶|address",
        "⟦三栋二单元五零一室⟧的邻居都很耿直|address",
        // A landmark without a suffix (观音桥) ends the chain: the coarse part stays readable.
        "江北区观音桥 ⟦北城天街8号⟧见|address",
        "⟦龙湖花园3号楼1单元⟧的阿姨说重庆人热情|address",
        // Bank cards: 16–19 digits, Luhn, grouped by spaces or dashes.
        "工资卡号⟦6222 0212 3456 7890 128⟧请转账|bank_card",
        "卡号⟦6217-0031-2345-6782⟧|bank_card",
        "转到⟦6228480012345678903⟧谢谢|bank_card",
        // Phones in ASCII, full width, Chinese numerals, with separators.
        "电话⟦一三八一二三四五六七八⟧找王姐|mobile",
        "手机：⟦幺三九 八七六五 四三二一⟧|mobile",
        "打⟦１３８－１２３４－５６７８⟧|mobile",
        "⟦13812345678⟧ ⟦13987654321⟧都可以|mobile",
        "电话⟦一三八1234五六七八⟧|mobile",
        // Resident ids: valid check digit, and a wrong one with a real region and birth date.
        "身份证⟦11010519491231002X⟧丢了|resident_id",
        "身份证号⟦110105194912310021⟧|resident_id-possible",
        "号码是⟦500103 19991231 1237⟧|resident_id-possible",
        // E-mail with a full-width ＠, full-width letters, full-width or ideographic dots.
        "邮箱⟦zhang.san＠qq．com⟧联系|email",
        "发到⟦abc＠163。com⟧。谢谢|email",
        "写信给⟦ｌｉｌｅｉ＠ｅｘａｍｐｌｅ．ｃｎ⟧|email",
        // WeChat and QQ, announced.
        "微信：⟦abc123⟧|wechat",
        "V信 ⟦chongqing2024⟧ 欢迎|wechat",
        "加VX:⟦cq_spirit⟧|wechat",
        "wx：⟦abc12345⟧|wechat",
        "ＱＱ ⟦12345678⟧|qq",
        "扣扣：⟦987654321⟧|qq",
        "企鹅号 ⟦10001234⟧|qq",
        // Several kinds in one text.
        "联系⟦13812345678⟧或微信：⟦cq_2024_go⟧，住⟦民族路188号⟧|mobile,wechat,address",
      })
  void findsAndMasks(String marked, String codes) {
    String text = marked.replace("⟦", "").replace("⟧", "");
    RuleVerdict verdict = rule.check(text, ModerationSettings.defaults());

    assertThat(verdict.findings())
        .extracting(RuleVerdict.Finding::code)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(codes.split(",")).map(c -> "personal-data-" + c).toList());
    assertThat(ModerationPipeline.mask(text, verdict.redactions())).isEqualTo(masked(marked));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @DisplayName("finds nothing in innocent campaign texts that mention places, numbers or apps")
  @ValueSource(
      strings = {
        "我爱渝中区",
        "解放碑很热闹",
        "重庆市的精神是耿直",
        "巫山县的红叶",
        "我住在渝中区",
        "解放碑步行街人山人海",
        "人民路上人很多",
        "坐2号线到较场口",
        "国庆10月1号去洪崖洞",
        "在步行街1号出口集合",
        "三室两厅的房子",
        "3室1厅也不贵",
        "来福士广场5楼有展览",
        "第3单元的课文",
        "这一栋楼很高",
        "分成3组，每组5人",
        "渝ICP备20009753号-2 互联网新闻信息服务许可证号:50120220004",
        "订单号6222021234567890124",
        "流水号 6217 0031 2345 6783",
        "123456789012345678 不是身份证",
        "微信扫码参与活动",
        "关注微信公众号",
        "qq糖很好吃",
        "QQ群里讨论热烈",
        "一二三四五六七，山城好风景",
        "三三两两，一五一十",
        "邮箱@后面要写域名",
        "@重庆 加油",
        "1949年10月1日",
        "重庆有38个区县",
      })
  void innocent(String text) {
    assertThat(rule.check(text, ModerationSettings.defaults()).findings()).isEmpty();
  }

  @Test
  @DisplayName(
      "finds nothing in the shared clean corpora, and in the seed articles only their publisher's"
          + " contact e-mail")
  void sharedCleanTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    CorpusFiles.rows("clean.tsv").forEach(r -> texts.add(r[1]));
    CorpusFiles.rows("zh-clean.tsv").forEach(r -> texts.add(r[2]));
    Path seeds = CorpusFiles.dir().resolveSibling("seeds");
    try (Stream<Path> files = Files.list(seeds)) {
      for (Path file : files.sorted().toList()) {
        for (String sentence :
            Files.readString(file, StandardCharsets.UTF_8).split("(?<=[.!?。！？])\\s+|\\n")) {
          if (!sentence.isBlank()) {
            texts.add(sentence);
          }
        }
      }
    }
    assertThat(texts).hasSizeGreaterThan(100);

    List<String> found = new ArrayList<>();
    for (String text : texts) {
      for (PersonalDataScanner.Found f : PersonalDataScanner.scan(text)) {
        found.add(f.type() + " " + f.span().of(text));
      }
    }
    // Each seed article ends with the newspaper's real contact address: personal data in the sense
    // of the rule (a reachable address), rightly masked; nothing else may be found.
    assertThat(found)
        .as("findings among %d clean texts", texts.size())
        .containsOnly("EMAIL service@ichongqing.info");
  }

  @Test
  @DisplayName("reports a possible ID number with its own code and reason, under the id's action")
  void possibleId() {
    String text = "身份证号110105194912310021";
    RuleVerdict verdict = rule.check(text, ModerationSettings.defaults());
    assertThat(verdict.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("personal-data-resident_id-possible");
              assertThat(f.detail()).contains("possible ID number");
              assertThat(f.decision()).isEqualTo(ModerationDecision.REVIEW);
            });

    ModerationSettings lenient =
        ModerationSettings.defaults()
            .withAction(PersonalDataType.RESIDENT_ID, PersonalDataAction.REDACT);
    assertThat(rule.check(text, lenient).decision()).isEqualTo(ModerationDecision.APPROVE);
  }

  @Test
  @DisplayName("sends bank cards to review and keeps addresses public-safe by default, per kind")
  void actionsPerNewKind() {
    String card = "卡号6217003123456782";
    String home = "住在民族路188号";
    assertThat(rule.check(card, ModerationSettings.defaults()).decision())
        .isEqualTo(ModerationDecision.REVIEW);
    assertThat(rule.check(home, ModerationSettings.defaults()).decision())
        .isEqualTo(ModerationDecision.APPROVE);

    ModerationSettings strict =
        ModerationSettings.defaults()
            .withAction(PersonalDataType.ADDRESS, PersonalDataAction.REJECT)
            .withAction(PersonalDataType.BANK_CARD, PersonalDataAction.REDACT);
    assertThat(rule.check(home, strict).decision()).isEqualTo(ModerationDecision.REJECT);
    assertThat(rule.check(card, strict).decision()).isEqualTo(ModerationDecision.APPROVE);
    assertThat(rule.check(home, strict).findings().get(0).detail())
        .isEqualTo("1 × address (reject): address masked in the public text");
  }

  @Test
  @DisplayName("masks the public text while the submission keeps the original for staff")
  void publicTextAndFullRecord() {
    var campaign = Fixtures.campaign();
    String text = "家住幸福小区3栋2单元501室";
    Submission candidate = Fixtures.candidate(campaign, text, "p1", Fixtures.T0);
    ModerationRecord record = ModerationPipeline.of(rule).moderate(candidate, campaign);

    assertThat(record.redactedText()).contains("家住*************");
    assertThat(record.reasons())
        .extracting(ModerationReason::code)
        .containsExactly("personal-data-address");
    Submission moderated = candidate.toBuilder().moderation(java.util.Optional.of(record)).build();
    assertThat(moderated.displayText()).isEqualTo("家住*************");
    assertThat(moderated.text().original()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("scans long hostile texts in one bounded pass")
  @ValueSource(
      strings = {
        "a",
        "a.",
        "qq ",
        "微信：",
        "1 ",
        "1-",
        "路",
        "1号",
        "解放路1号",
        "小区3栋",
        "@",
        "a@",
        "a@b.",
        "x@y.com ",
        "一三八",
        "13812345678 "
      })
  void hostile(String unit) {
    // Without a bound, backtracking regular expressions or quadratic look-backs would take hours
    // on these; the scanner's look-arounds are capped, so each one is a single linear pass.
    String text = unit.repeat(200_000 / unit.length());
    List<PersonalDataScanner.Found> found = PersonalDataScanner.scan(text);
    assertThat(found)
        .allSatisfy(f -> assertThat(f.span().end()).isLessThanOrEqualTo(text.length()));
    if (unit.equals("13812345678 ") || unit.equals("x@y.com ")) {
      assertThat(found).hasSize(text.length() / unit.length());
    }
  }

  private static String masked(String marked) {
    StringBuilder out = new StringBuilder();
    boolean inside = false;
    for (char c : marked.toCharArray()) {
      if (c == '⟦' || c == '⟧') {
        inside = c == '⟦';
      } else {
        out.append(inside ? '*' : c);
      }
    }
    return out.toString();
  }
}
