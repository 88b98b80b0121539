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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadmeSnippetTest {

  @Test
  @DisplayName("the README's embed snippet compiles and stores the submission")
  void readmeSnippet() {
    // README:begin — kept identical to README.md's "Embed it" snippet (checked below).
    try (Spirit spirit = Spirit.builder().storeUri("mem:").build()) {
      Campaign campaign =
          spirit
              .campaigns()
              .create(
                  Campaign.builder("spirit-of-yuzhong")
                      .title("渝中精神", "Spirit of Yuzhong")
                      .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
                      .districts("yuzhong")
                      .channels(Channel.MESSAGE_BOARD, Channel.ONLINE)
                      .build());
      spirit.campaigns().open(campaign.id());

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

      if (receipt instanceof Receipt.Rejected rejected) {
        rejected.reasons().forEach(r -> System.out.println(r.code() + ": " + r.message()));
      }
      // README:end
      assertThat(receipt.accepted()).isTrue();
      assertThat(spirit.submissions().count(SubmissionFilter.all(campaign.id()))).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("the test above runs exactly the README's snippet")
  void snippetMatchesReadme() throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (!Files.exists(root.resolve("README.md")) || !Files.exists(root.resolve("spirit-core"))) {
      root = root.getParent();
      assertThat(root).as("project root above user.dir").isNotNull();
    }
    String readme = Files.readString(root.resolve("README.md"));
    int start = readme.indexOf("```java\n", readme.indexOf("## Embed it")) + "```java\n".length();
    String snippet = readme.substring(start, readme.indexOf("```", start));

    String test =
        Files.readString(
            root.resolve(
                "spirit-examples/src/test/java/dev/spirit/examples/ReadmeSnippetTest.java"));
    String tested =
        test.substring(
            test.indexOf("\n", test.indexOf("// README:begin")) + 1, test.indexOf("// README:end"));
    assertThat(withoutWhitespace(tested) + "}").isEqualTo(withoutWhitespace(snippet));
  }

  private static String withoutWhitespace(String code) {
    return code.replaceAll("\\s+", "");
  }
}
