package dev.spirit.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The incremental aggregator, attached as a listener")
class IncrementalAggregatorTest {
  private final Fixtures.MovableClock clock =
      new Fixtures.MovableClock(Instant.parse("2024-04-01T02:00:00Z"));
  private Spirit spirit;
  private Campaign campaign;
  private IncrementalAggregator aggregator;

  @BeforeEach
  void open() {
    InMemoryStore store = new InMemoryStore();
    Campaign draft = store.insertCampaign(Fixtures.campaign("incremental", "yuzhong", "jiangbei"));
    aggregator = IncrementalAggregator.create(draft, Fixtures.CONFIG);
    spirit = Spirit.builder().store(store).clock(clock).listener(aggregator).build();
    spirit.campaigns().open(draft.id());
    campaign = spirit.campaigns().find(draft.id()).orElseThrow();
  }

  private SubmissionId give(String person, String district, SubmissionKind kind, String text) {
    Receipt r =
        spirit.submit(
            SubmissionRequest.builder(campaign.id())
                .kind(kind)
                .text(text)
                .district(district)
                .channel(Channel.ONLINE)
                .participant(Participant.consenting(person, Role.RESIDENT))
                .build());
    return ((Receipt.Accepted) r).id();
  }

  private void move(SubmissionId id, SubmissionStatus target) {
    Submission s = spirit.submissions().find(id).orElseThrow();
    spirit.review().changeStatus(id, s.version(), target, "moderator:ana", "test");
  }

  @Test
  @DisplayName("an approval later hidden leaves every count except the status counts")
  void hiddenLeavesCounts() {
    CampaignStats empty = aggregator.snapshot();
    SubmissionId id = give("ann", "yuzhong", SubmissionKind.SLOGAN, "山水之城 美丽之地");
    spirit.review().endorse(id, ParticipantId.of("bo"));
    assertThat(aggregator.snapshot().counts().submissions()).isEqualTo(1);
    assertThat(aggregator.snapshot().counts().endorsements()).isEqualTo(1);

    move(id, SubmissionStatus.HIDDEN);
    CampaignStats hidden = aggregator.snapshot();
    assertThat(hidden.counts().byStatus()).containsExactly(Map.entry(SubmissionStatus.HIDDEN, 1L));
    assertThat(hidden.counts().submissions()).isZero();
    assertThat(hidden.counts().endorsements()).isZero();
    assertThat(hidden.participants().all().count()).isZero();
    assertThat(hidden.terms()).isEqualTo(empty.terms());
    assertThat(hidden.slogans()).isEmpty();

    // Approved again: the endorsement counts again.
    move(id, SubmissionStatus.APPROVED);
    assertThat(aggregator.snapshot().counts().endorsements()).isEqualTo(1);
    assertThat(aggregator.snapshot().shortlist(1).candidates().get(0).supporters()).isEqualTo(2);
    assertThat(aggregator.snapshot())
        .isEqualTo(BatchAggregator.aggregate(spirit.store(), campaign, Fixtures.CONFIG));
  }

  @Test
  @DisplayName("erasing an endorser removes their support but not the slogan")
  void erasingAnEndorser() {
    SubmissionId id = give("ann", "yuzhong", SubmissionKind.SLOGAN, "行千里 致广大");
    spirit.review().endorse(id, ParticipantId.of("bo"));
    spirit.review().endorse(id, ParticipantId.of("cy"));
    spirit.eraseParticipant(ParticipantId.of("bo"));
    Candidate c = aggregator.snapshot().candidates().get(0);
    assertThat(c.supporters()).isEqualTo(2);
    assertThat(c.endorsements()).isEqualTo(1);
    assertThat(aggregator.snapshot().participants().all().count()).isEqualTo(2);
  }

  @Test
  @DisplayName("the dashboard reads top terms per district and daily counts from maintained state")
  void dashboard() {
    give("ann", "yuzhong", SubmissionKind.KEYWORD, "山城");
    give("bo", "yuzhong", SubmissionKind.KEYWORD, "山城");
    give("cy", "yuzhong", SubmissionKind.KEYWORD, "耿直");
    clock.set(Instant.parse("2024-04-02T02:00:00Z"));
    give("dee", "jiangbei", SubmissionKind.MESSAGE, "重庆人耿直热情");
    Dashboard d = aggregator.dashboard(1);
    assertThat(d.topTermsByDistrict())
        .containsEntry(District.of("yuzhong"), java.util.List.of(new TermCount("山城", 2)))
        .containsEntry(District.of("jiangbei"), java.util.List.of(new TermCount("人", 1)));
    assertThat(d.daily())
        .containsExactly(
            Map.entry(LocalDate.parse("2024-04-01"), 3L),
            Map.entry(LocalDate.parse("2024-04-02"), 1L));
    assertThat(d.submissions()).isEqualTo(4);
    assertThat(AggregationJson.toJson(d)).contains("\"yuzhong\":[{\"term\":\"山城\",\"count\":2}]");
    assertThat(d.participants()).isEqualTo(4);
  }

  @Test
  @DisplayName("events of other campaigns are ignored")
  void otherCampaignsIgnored() {
    Campaign other = spirit.campaigns().create(Fixtures.campaign("other", "yuzhong"));
    spirit.campaigns().open(other.id());
    spirit.submit(
        SubmissionRequest.builder(other.id())
            .kind(SubmissionKind.KEYWORD)
            .text("山城")
            .district("yuzhong")
            .channel(Channel.ONLINE)
            .participant(Participant.consenting("ann", Role.RESIDENT))
            .build());
    assertThat(aggregator.snapshot().counts().byStatus()).isEmpty();
  }

  @Test
  @DisplayName("an aggregator started from a scan of a running campaign continues from there")
  void startingFromAScan() {
    give("ann", "yuzhong", SubmissionKind.KEYWORD, "山城");
    SubmissionId id = give("bo", "jiangbei", SubmissionKind.SLOGAN, "雄起重庆 雄起山城");
    IncrementalAggregator late =
        IncrementalAggregator.startingFrom(spirit.store(), campaign, Fixtures.CONFIG);
    spirit.addListener(late);
    spirit.review().endorse(id, ParticipantId.of("cy"));
    move(id, SubmissionStatus.WITHDRAWN);
    assertThat(late.snapshot()).isEqualTo(aggregator.snapshot());
    assertThat(late.snapshot())
        .isEqualTo(BatchAggregator.aggregate(spirit.store(), campaign, Fixtures.CONFIG));
  }
}
