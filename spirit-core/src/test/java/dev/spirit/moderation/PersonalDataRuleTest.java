package dev.spirit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.ModerationSettings;
import dev.spirit.campaign.PersonalDataAction;
import dev.spirit.campaign.PersonalDataType;
import dev.spirit.moderation.internal.ResidentIds;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The personal data rule")
class PersonalDataRuleTest {
  private final PersonalDataRule rule = new PersonalDataRule();

  @ParameterizedTest(name = "{0} has check character {1}")
  @DisplayName("computes the ISO 7064 MOD 11-2 check character of resident ids")
  @CsvSource({
    "11010519491231002, X",
    "44052419800101001, 3",
    "11010119900307803, X",
    "32010619851201122, 7",
    "50010319991231123, 6",
  })
  void checkDigit(String first17, char check) {
    assertThat(ResidentIds.checkCharacter(first17)).isEqualTo(check);
    assertThat(ResidentIds.isValid(first17 + check)).isTrue();
    char wrong = check == '1' ? '2' : '1';
    assertThat(
            ResidentIds.isValid(
                first17.toLowerCase(java.util.Locale.ROOT) + Character.toLowerCase(check)))
        .isTrue();
    assertThat(ResidentIds.isValid(first17 + wrong)).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\" holds {1} \"{2}\"")
  @DisplayName("finds each kind of personal data and where it is")
  @CsvSource(
      delimiter = '|',
      value = {
        "打电话13812345678就行|MOBILE|13812345678",
        "call +86 138 1234 5678 now|MOBILE|86 138 1234 5678",
        "手机：138-1234-5678|MOBILE|138-1234-5678",
        "手机１３８１２３４５６７８|MOBILE|１３８１２３４５６７８",
        "办公室 023-63851234|LANDLINE|023-63851234",
        "电话(023)6385 1234|LANDLINE|023)6385 1234",
        "身份证11010519491231002X丢了|RESIDENT_ID|11010519491231002X",
        "write to li.lei@example.com.cn please|EMAIL|li.lei@example.com.cn",
        "see https://spam.example.com/x?y=1 now|URL|https://spam.example.com/x?y=1",
        "visit www.cq-spirit.cn today|URL|www.cq-spirit.cn",
        "加我QQ:12345678|QQ|12345678",
        "扣扣 987654321 聊|QQ|987654321",
        "微信：chongqing_2024|WECHAT|chongqing_2024",
        "add wx abc12345 now|WECHAT|abc12345",
      })
  void finds(String text, PersonalDataType type, String span) {
    RuleVerdict v = rule.check(text, ModerationSettings.defaults());
    String code = "personal-data-" + type.name().toLowerCase(java.util.Locale.ROOT);
    assertThat(v.findings()).extracting(RuleVerdict.Finding::code).contains(code);
    RuleVerdict.Finding f =
        v.findings().stream().filter(x -> x.code().equals(code)).findFirst().get();
    assertThat(f.spans()).singleElement().satisfies(s -> assertThat(s.of(text)).isEqualTo(span));
  }

  @ParameterizedTest(name = "\"{0}\" holds none")
  @DisplayName("does not take dates, years, prices or invalid ids for personal data")
  @ValueSource(
      strings = {
        "2023年10月1日重庆见",
        "1949-10-01",
        "山城 520",
        "12345678901 is not a mobile",
        "110105994912310021 has a wrong check digit and no real birth date",
        "价格 ¥1,280.00",
        "e.g. and i.e. are fine",
        "qq糖很好吃",
      })
  void none(String text) {
    assertThat(rule.check(text, ModerationSettings.defaults()).findings()).isEmpty();
  }

  @Test
  @DisplayName("acts per kind as the campaign says and always masks what it found")
  void actions() {
    String text = "打13812345678或者访问 www.spam.cn";
    RuleVerdict defaults = rule.check(text, ModerationSettings.defaults());
    assertThat(defaults.decision()).isEqualTo(ModerationDecision.REVIEW); // URL → review
    assertThat(ModerationPipeline.mask(text, defaults.redactions()))
        .isEqualTo("打***********或者访问 ***********");

    ModerationSettings strict =
        ModerationSettings.defaults()
            .withAction(PersonalDataType.MOBILE, PersonalDataAction.REJECT);
    assertThat(rule.check(text, strict).decision()).isEqualTo(ModerationDecision.REJECT);

    ModerationSettings lenient =
        ModerationSettings.defaults().withAction(PersonalDataType.URL, PersonalDataAction.REDACT);
    assertThat(rule.check(text, lenient).decision()).isEqualTo(ModerationDecision.APPROVE);
  }

  @Test
  @DisplayName("leaves a redacted text in the pipeline's record")
  void redactedRecord() {
    var campaign = Fixtures.campaign();
    ModerationRecord record =
        ModerationPipeline.of(rule)
            .moderate(Fixtures.candidate(campaign, "热情 13812345678", "p1", Fixtures.T0), campaign);
    assertThat(record.decision()).isEqualTo(ModerationDecision.APPROVE);
    assertThat(record.redactedText()).contains("热情 ***********");
  }
}
