package dev.spirit.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.ModerationSettings;
import dev.spirit.campaign.PersonalDataAction;
import dev.spirit.campaign.PersonalDataType;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Intake with a moderation pipeline")
class IntakeModerationTest {

  @Test
  @DisplayName("stores the decision, its reasons and the redacted text with each submission")
  void stored() {
    try (ReviewFixture f = new ReviewFixture(ModerationMode.POST)) {
      SubmissionId ok = f.submit("山城精神", "p1");
      SubmissionId blocked = f.submit("賭 場", "p2");
      SubmissionId flagged = f.submit("垃圾", "p3");
      SubmissionId phone = f.submit("热情 138 1234 5678", "p4");
      assertThat(f.get(ok).status()).isEqualTo(SubmissionStatus.APPROVED);
      Submission b = f.get(blocked);
      assertThat(b.status()).isEqualTo(SubmissionStatus.REJECTED);
      assertThat(b.moderation().get().reasons().get(0).detail()).contains("赌场");
      assertThat(b.moderation().get().ruleVersions()).containsKeys("lexicon", "personal-data");
      assertThat(f.get(flagged).status()).isEqualTo(SubmissionStatus.PENDING);
      Submission p = f.get(phone);
      assertThat(p.status()).isEqualTo(SubmissionStatus.APPROVED);
      assertThat(p.displayText()).isEqualTo("热情 *************");
      assertThat(p.moderation().get().decision()).isEqualTo(ModerationDecision.APPROVE);
    }
  }

  @Test
  @DisplayName("keeps everything pending under pre-moderation unless rejected")
  void pre() {
    try (ReviewFixture f = new ReviewFixture(ModerationMode.PRE)) {
      assertThat(f.get(f.submit("山城精神", "p1")).status()).isEqualTo(SubmissionStatus.PENDING);
      assertThat(f.get(f.submit("赌场", "p2")).status()).isEqualTo(SubmissionStatus.REJECTED);
    }
  }

  @Test
  @DisplayName("reads campaigns stored before moderation settings existed with the defaults")
  void backwardCompatible() {
    try (ReviewFixture f = new ReviewFixture(ModerationMode.PRE)) {
      Campaign custom =
          Campaign.builder("other")
              .title("a", "b")
              .prompt("c", "d")
              .districts("yuzhong")
              .allChannels()
              .rules(
                  SubmissionRules.builder()
                      .moderation(
                          ModerationSettings.defaults()
                              .withAction(PersonalDataType.EMAIL, PersonalDataAction.REJECT)
                              .withWindow(Duration.ofMinutes(3), 2, 50))
                      .build())
              .build();
      Campaign roundTrip = SpiritCodec.campaignFromJson(SpiritCodec.toJson(custom));
      assertThat(roundTrip.rules().moderation()).isEqualTo(custom.rules().moderation());

      String json = SpiritCodec.toJson(f.campaign);
      String old = json.replaceFirst(",\"moderation\":\\{[^{}]*(\\{[^{}]*\\}[^{}]*)?\\}", "");
      assertThat(old).doesNotContain("\"moderation\"");
      Campaign decoded = SpiritCodec.campaignFromJson(old);
      assertThat(decoded.rules().moderation()).isEqualTo(ModerationSettings.defaults());
    }
  }
}
