package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compact indexes against the JDK collections they replace, under random operations: the id
 * hash table against a map, the chunked order against a {@code TreeMap}, the row filter against
 * {@link SubmissionFilter#matches}.
 */
@DisplayName("Compact submission indexes behave like the collections they replace")
class RowIndexesTest {
  private static final CampaignId CAMPAIGN = CampaignId.generate(TckFixtures.T0);

  private static SubmissionRow row(long high, long low) {
    Submission s =
        TckFixtures.submission(CAMPAIGN, "p")
            .id(new SubmissionId(new UUID(high, low)))
            .version(1)
            .build();
    return SubmissionRow.of(s);
  }

  @Test
  @DisplayName("the id table finds, replaces and removes like a map, across resizes")
  void idIndexIsAMap() {
    Random random = new Random(42);
    IdIndex index = new IdIndex();
    Map<UUID, SubmissionRow> reference = new java.util.HashMap<>();
    List<UUID> ids = new ArrayList<>();
    for (int step = 0; step < 60_000; step++) {
      int op = random.nextInt(10);
      if (op < 6 || ids.isEmpty()) {
        // few distinct high words, so probe runs collide and wrap
        UUID id = new UUID(random.nextInt(50), random.nextInt(2000));
        SubmissionRow r = row(id.getMostSignificantBits(), id.getLeastSignificantBits());
        assertThat(index.put(r)).isSameAs(reference.put(id, r));
        ids.add(id);
      } else if (op < 8) {
        UUID id = ids.get(random.nextInt(ids.size()));
        assertThat(index.remove(id.getMostSignificantBits(), id.getLeastSignificantBits()))
            .isSameAs(reference.remove(id));
      } else {
        UUID id = ids.get(random.nextInt(ids.size()));
        assertThat(index.get(id.getMostSignificantBits(), id.getLeastSignificantBits()))
            .isSameAs(reference.get(id));
      }
      assertThat(index.size()).isEqualTo(reference.size());
    }
    for (UUID id : ids) {
      assertThat(index.get(id.getMostSignificantBits(), id.getLeastSignificantBits()))
          .isSameAs(reference.get(id));
    }
  }

  @Test
  @DisplayName("the id table reuses the row positions that removals free, across several pages")
  void idIndexReusesFreedPositions() {
    IdIndex index = new IdIndex();
    int n = 3 * IdIndex.PAGE + 17;
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < n; i++) {
        assertThat(index.put(row(round, i))).isNull();
      }
      for (int i = 0; i < n; i += 2) {
        assertThat(index.remove(round, i)).isNotNull();
      }
      for (int i = 1; i < n; i += 2) {
        assertThat(index.get(round, i)).extracting(r -> r.idLow).isEqualTo((long) i);
        assertThat(index.remove(round, i)).isNotNull();
      }
      assertThat(index.size()).isZero();
      assertThat(index.get(round, 1)).isNull();
    }
    assertThat(index.positions()).isEqualTo(n);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ascending", "nearly ascending", "random", "descending"})
  @DisplayName("the chunked order iterates, pages and removes like a TreeMap by unsigned id")
  void rowOrderIsASortedMap(String arrival) {
    Random random = new Random(7);
    RowOrder order = new RowOrder();
    TreeMap<SubmissionId, SubmissionRow> reference = new TreeMap<>();
    int n = 5_000;
    for (int i = 0; i < n; i++) {
      long high =
          switch (arrival) {
            case "ascending" -> i;
            case "nearly ascending" -> i + random.nextInt(5);
            case "descending" -> -i; // negative: above every positive id, unsigned
            default -> random.nextLong();
          };
      long low = random.nextInt(3);
      SubmissionRow r = row(high, low);
      order.put(r);
      reference.put(r.id(), r);
      assertThat(order.size()).isEqualTo(reference.size());
    }
    assertThat(ids(order)).containsExactlyElementsOf(reference.keySet());

    for (int probe = 0; probe < 200; probe++) {
      SubmissionId after =
          probe % 2 == 0
              ? new ArrayList<>(reference.keySet()).get(random.nextInt(reference.size()))
              : new SubmissionId(new UUID(random.nextLong(), random.nextInt(3)));
      List<SubmissionId> seen = new ArrayList<>();
      order.forEachAfter(
          after.value().getMostSignificantBits(),
          after.value().getLeastSignificantBits(),
          r -> seen.add(r.id()) && seen.size() < 20);
      assertThat(seen)
          .containsExactlyElementsOf(
              reference.tailMap(after, false).keySet().stream().limit(20).toList());
    }

    long odd = reference.values().stream().filter(r -> (r.idLow & 1) == 1).count();
    int removed = order.removeIf(r -> (r.idLow & 1) == 1);
    reference.values().removeIf(r -> (r.idLow & 1) == 1);
    assertThat(removed).isEqualTo(odd).isPositive();
    assertThat(order.size()).isEqualTo(reference.size());
    assertThat(ids(order)).containsExactlyElementsOf(reference.keySet());
  }

  private static List<SubmissionId> ids(RowOrder order) {
    List<SubmissionId> ids = new ArrayList<>();
    for (SubmissionRow r : order) {
      ids.add(r.id());
    }
    return ids;
  }

  @Test
  @DisplayName("the row filter accepts exactly what SubmissionFilter.matches accepts")
  void rowFilterMatchesSubmissionFilter() {
    Random random = new Random(3);
    List<Submission> submissions = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      submissions.add(
          TckFixtures.submission(CAMPAIGN, "p-" + random.nextInt(4))
              .status(SubmissionStatus.values()[random.nextInt(SubmissionStatus.values().length)])
              .channel(Channel.values()[random.nextInt(Channel.values().length)])
              .district(District.of(random.nextBoolean() ? "yuzhong" : "jiangbei"))
              .build());
    }
    List<SubmissionFilter> filters = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      SubmissionFilter.Builder b =
          SubmissionFilter.builder(
              random.nextInt(10) == 0 ? CampaignId.generate(TckFixtures.T0) : CAMPAIGN);
      if (random.nextBoolean()) {
        b.status(SubmissionStatus.values()[random.nextInt(SubmissionStatus.values().length)]);
      }
      if (random.nextBoolean()) {
        b.status(SubmissionStatus.values()[random.nextInt(SubmissionStatus.values().length)]);
      }
      if (random.nextInt(3) == 0) {
        b.district(District.of(random.nextBoolean() ? "yuzhong" : "nanan"));
      }
      if (random.nextInt(3) == 0) {
        b.channel(Channel.values()[random.nextInt(Channel.values().length)]);
      }
      if (random.nextInt(3) == 0) {
        b.participant(ParticipantId.of("p-" + random.nextInt(5)));
      }
      if (random.nextInt(3) == 0) {
        Submission from = submissions.get(random.nextInt(submissions.size()));
        Submission to = submissions.get(random.nextInt(submissions.size()));
        b.receivedBetween(from.receivedAt(), to.receivedAt());
      }
      filters.add(b.build());
    }
    for (SubmissionFilter filter : filters) {
      RowFilter rows = new RowFilter(filter);
      for (Submission s : submissions) {
        assertThat(rows.matches(SubmissionRow.of(s)))
            .as("%s on %s", filter, s)
            .isEqualTo(filter.matches(s));
      }
    }
  }
}
