package dev.spirit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spirit.internal.Json;
import dev.spirit.storage.SpiritCodec;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Stored campaigns and the kinds of personal data")
class PersonalDataSettingsCodecTest {
  private static final Instant T = Instant.parse("2026-06-01T08:00:00Z");

  private static Campaign campaign(ModerationSettings settings) {
    return Campaign.builder("spirit-of-yuzhong")
        .title("渝中精神", "Spirit of Yuzhong")
        .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
        .districts("yuzhong")
        .allChannels()
        .rules(SubmissionRules.builder().moderation(settings).build())
        .createdAt(T)
        .build();
  }

  @Test
  @DisplayName("round-trip the actions of the address and bank card kinds")
  void roundTrip() {
    ModerationSettings settings =
        ModerationSettings.defaults()
            .withAction(PersonalDataType.ADDRESS, PersonalDataAction.REJECT)
            .withAction(PersonalDataType.BANK_CARD, PersonalDataAction.REDACT);
    String json = SpiritCodec.toJson(campaign(settings));
    assertThat(json).contains("\"ADDRESS\":\"REJECT\"").contains("\"BANK_CARD\":\"REDACT\"");

    ModerationSettings back = SpiritCodec.campaignFromJson(json).rules().moderation();
    assertThat(back).isEqualTo(settings);
  }

  @Test
  @DisplayName("decode a campaign stored before those kinds existed with their default actions")
  void storedBefore() throws Exception {
    ModerationSettings old =
        ModerationSettings.defaults()
            .withAction(PersonalDataType.MOBILE, PersonalDataAction.REJECT);
    ObjectNode tree = (ObjectNode) Json.mapper().readTree(SpiritCodec.toJson(campaign(old)));
    ObjectNode personalData = (ObjectNode) tree.findParent("personalData").get("personalData");
    personalData.remove("ADDRESS");
    personalData.remove("BANK_CARD");
    String before = Json.mapper().writeValueAsString(tree);
    assertThat(before).doesNotContain("ADDRESS").doesNotContain("BANK_CARD");

    ModerationSettings decoded = SpiritCodec.campaignFromJson(before).rules().moderation();
    assertThat(decoded.actionFor(PersonalDataType.MOBILE)).isEqualTo(PersonalDataAction.REJECT);
    assertThat(decoded.actionFor(PersonalDataType.ADDRESS)).isEqualTo(PersonalDataAction.REDACT);
    assertThat(decoded.actionFor(PersonalDataType.BANK_CARD)).isEqualTo(PersonalDataAction.REVIEW);
  }
}
