package dev.spirit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.moderation.LexiconLayer;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.review.ReviewDecision;
import dev.spirit.review.ReviewQueue;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.AuditVerification;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The audit export")
class AuditExportTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Spirit spirit = Spirit.builder().storeUri("mem:").build();
  private final Campaign campaign;

  AuditExportTest() {
    Campaign draft =
        Campaign.builder("audit-" + System.nanoTime())
            .title("渝中精神", "Spirit of Yuzhong")
            .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
            .districts("yuzhong")
            .allChannels()
            .createdAt(T0)
            .rules(SubmissionRules.builder().moderationMode(ModerationMode.PRE).build())
            .build();
    spirit.campaigns().create(draft);
    campaign = spirit.campaigns().open(draft.id());
  }

  @AfterEach
  void close() {
    spirit.close();
  }

  private SubmissionId submit(String text, String participant) {
    Receipt r =
        spirit.submit(
            SubmissionRequest.builder(campaign.id())
                .kind(SubmissionKind.SLOGAN)
                .text(text)
                .district("yuzhong")
                .channel(dev.spirit.campaign.Channel.MESSAGE_BOARD)
                .participant(Participant.consenting(participant, Role.RESIDENT))
                .build());
    return ((Receipt.Accepted) r).id();
  }

  private List<JsonNode> export() throws Exception {
    StringBuilder out = new StringBuilder();
    AuditExport.of(spirit).writeJsonLines(campaign.id(), out);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  @DisplayName(
      "writes who decided what and when, under whose lease, the lexicon revisions, and a last"
          + " line saying the chain is intact with its head hash")
  void decisionsLeasesLexicons() throws Exception {
    spirit
        .campaigns()
        .attachLexicon(
            campaign.id(),
            List.of(
                new LexiconLayer("city.tsv", "term\tcategory\taction\n赌博\tgambling\tblock\n", "")),
            "admin-li");
    SubmissionId id = submit("山城精神", "p1");
    ReviewQueue queue = new ReviewQueue(spirit);
    Submission claimed = queue.claim(id, "mod-a").orElseThrow();
    queue.decide(id, claimed.version(), "mod-a", ReviewDecision.APPROVE, "fits the prompt");

    List<JsonNode> lines = export();
    assertThat(lines).extracting(l -> l.get("type").asText()).contains("lexicon", "status");
    JsonNode lexicon =
        lines.stream()
            .filter(l -> l.get("type").asText().equals("lexicon"))
            .findFirst()
            .orElseThrow();
    assertThat(lexicon.get("actor").asText()).isEqualTo("admin-li");
    assertThat(lexicon.get("revision").asLong()).isEqualTo(1);
    JsonNode decision =
        lines.stream()
            .filter(
                l ->
                    l.get("type").asText().equals("status")
                        && l.get("to").asText().equals("APPROVED"))
            .findFirst()
            .orElseThrow();
    assertThat(decision.get("actor").asText()).isEqualTo("mod-a");
    assertThat(decision.get("lease").asText()).isEqualTo("mod-a");
    assertThat(decision.get("reason").asText()).isEqualTo("fits the prompt");
    assertThat(decision.get("submissionId").asText()).isEqualTo(id.toString());
    assertThat(decision.get("hash").asText()).hasSize(64);
    JsonNode chain = lines.get(lines.size() - 1);
    assertThat(chain.get("type").asText()).isEqualTo("chain");
    assertThat(chain.get("intact").asBoolean()).isTrue();
    AuditVerification v = AuditExport.of(spirit).verify(campaign.id());
    assertThat(chain.get("head").asText()).isEqualTo(v.headHash().orElseThrow());
    assertThat(chain.get("entries").asLong()).isEqualTo(v.entries()).isPositive();
  }

  @Test
  @DisplayName(
      "an erasure is recorded per erased submission (actor system:erasure, reason 'erased')"
          + " without the erased text or reasons, and the chain still verifies")
  void erasureRecordedWithoutData() throws Exception {
    SubmissionId id = submit("解放碑的夜景", "resident-42");
    ReviewQueue queue = new ReviewQueue(spirit);
    Submission claimed = queue.claim(id, "mod-a").orElseThrow();
    queue.decide(id, claimed.version(), "mod-a", ReviewDecision.REJECT, "quotes 解放碑的夜景");
    assertThat(spirit.eraseParticipant(ParticipantId.of("resident-42"))).isEqualTo(1);

    StringBuilder raw = new StringBuilder();
    AuditVerification v = AuditExport.of(spirit).writeJsonLines(campaign.id(), raw);
    assertThat(raw.toString()).doesNotContain("解放碑").doesNotContain("resident-42");
    assertThat(v.intact()).isTrue();
    List<JsonNode> lines = export();
    JsonNode erasure =
        lines.stream()
            .filter(l -> l.path("actor").asText().equals(AuditEntry.ACTOR_ERASURE))
            .findFirst()
            .orElseThrow();
    assertThat(erasure.get("submissionId").asText()).isEqualTo(id.toString());
    assertThat(erasure.get("reason").asText()).isEqualTo(AuditEntry.REASON_ERASED);
    assertThat(lines)
        .filteredOn(l -> l.get("type").asText().equals("status"))
        .allSatisfy(l -> assertThat(l.get("reason").asText()).isEqualTo(AuditEntry.REASON_ERASED));
  }
}
