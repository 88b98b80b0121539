package dev.spirit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadmeSnippetTest {

  @Test
  @DisplayName("the README's embed snippet compiles and stores the submission")
  void readmeSnippet() {
    // Kept identical to README.md's "Embed it" section.
    try (Spirit spirit = Spirit.builder().storeUri("mem:").build()) {
      Campaign campaign =
          spirit.createCampaign(
              Campaign.builder("spirit-of-yuzhong")
                  .title("渝中精神", "Spirit of Yuzhong")
                  .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
                  .districts("yuzhong")
                  .channels(Channel.MESSAGE_BOARD, Channel.ONLINE)
                  .build());
      spirit.openCampaign(campaign.id());

      Receipt receipt =
          spirit.submit(
              SubmissionRequest.builder(campaign.id())
                  .kind(SubmissionKind.KEYWORD)
                  .text("耿直")
                  .district("yuzhong")
                  .channel(Channel.MESSAGE_BOARD)
                  .participant(Participant.consenting("kiosk-7-visitor-42", Role.VISITOR))
                  .idempotencyKey("kiosk-7-000123")
                  .build());

      assertThat(receipt.accepted()).isTrue();
      assertThat(spirit.count(SubmissionFilter.all(campaign.id()))).isEqualTo(1);
    }
  }
}
