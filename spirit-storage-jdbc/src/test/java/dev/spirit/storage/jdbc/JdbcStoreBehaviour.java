package dev.spirit.storage.jdbc;

import static dev.spirit.storage.tck.TckFixtures.T0;
import static dev.spirit.storage.tck.TckFixtures.campaign;
import static dev.spirit.storage.tck.TckFixtures.submission;
import static dev.spirit.storage.tck.TckFixtures.withKey;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.error.AlreadyExistsException;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.AuditChain;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.AuditVerification;
import dev.spirit.submission.AuditVerification.Problem;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.SubmissionText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the JDBC backend promises beyond the storage TCK, run on H2 and on PostgreSQL by the two
 * subclasses: exact ordering of ids, the per-participant limit under concurrency, batches, data
 * fidelity of hostile text, and the rest of the SPI.
 */
abstract class JdbcStoreBehaviour {
  protected JdbcStore store;

  /** A new store over an isolated (empty or private) database. */
  protected abstract JdbcStore newStore() throws Exception;

  /**
   * The database under {@link #store}, for tests that reach past the store: tampering with rows by
   * SQL, a second instance on the same database.
   */
  protected abstract DataSource database();

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Campaign storedCampaign() {
    return store.insertCampaign(campaign());
  }

  private Submission inserted(Submission s) {
    return ((InsertOutcome.Inserted) store.insert(s, 1000)).stored();
  }

  @Nested
  @DisplayName("ids and pages")
  class Pages {
    @Test
    @DisplayName(
        "the database orders ids exactly like SubmissionId.compareTo (unsigned, = string order)")
    void uuidOrder() {
      Campaign c = storedCampaign();
      List<UUID> ids =
          new ArrayList<>(
              List.of(
                  new UUID(0L, 0L),
                  new UUID(0L, 1L),
                  new UUID(0L, Long.MIN_VALUE), // lsb sign bit set
                  new UUID(0L, -1L),
                  new UUID(1L, 0L),
                  new UUID(Long.MAX_VALUE, -1L),
                  new UUID(Long.MIN_VALUE, 0L), // msb sign bit set
                  new UUID(0x0193_0000_0000_7000L, 0x8000_0000_0000_0000L),
                  new UUID(0xF000_0000_0000_7000L, 0x7FFF_FFFF_FFFF_FFFFL),
                  new UUID(-1L, -1L)));
      Collections.shuffle(ids, new Random(42));
      for (UUID id : ids) {
        inserted(submission(c.id(), "p-1").id(new SubmissionId(id)).build());
      }
      List<SubmissionId> paged = new ArrayList<>();
      Page<Submission> page = store.query(SubmissionFilter.all(c.id()), PageRequest.first(3));
      while (true) {
        page.items().forEach(s -> paged.add(s.id()));
        if (page.next().isEmpty()) {
          break;
        }
        page = store.query(SubmissionFilter.all(c.id()), PageRequest.after(page.next().get(), 3));
      }
      List<SubmissionId> expected =
          ids.stream().map(SubmissionId::new).sorted().collect(Collectors.toList());
      assertThat(paged).containsExactlyElementsOf(expected);
      assertThat(paged.stream().map(SubmissionId::toString).toList()).isSorted();
      try (Stream<Submission> all = store.stream(SubmissionFilter.all(c.id()))) {
        assertThat(all.map(Submission::id).toList()).containsExactlyElementsOf(expected);
      }
    }

    @Test
    @DisplayName("pages and streams of more than one fetch chunk see every match once, in order")
    void longStream() {
      Campaign c = storedCampaign();
      List<Submission> batch = new ArrayList<>();
      for (int i = 0; i < JdbcStore.STREAM_CHUNK * 2 + 17; i++) {
        batch.add(
            submission(c.id(), "p-" + (i % 50))
                .status(i % 3 == 0 ? SubmissionStatus.APPROVED : SubmissionStatus.PENDING)
                .build());
      }
      store.insertAll(batch, 1000);
      SubmissionFilter approved =
          SubmissionFilter.builder(c.id()).status(SubmissionStatus.APPROVED).build();
      List<SubmissionId> expected =
          batch.stream().filter(approved::matches).map(Submission::id).sorted().toList();
      try (Stream<Submission> s = store.stream(approved)) {
        assertThat(s.map(Submission::id).toList()).containsExactlyElementsOf(expected);
      }
      assertThat(store.count(approved)).isEqualTo(expected.size());
      List<SubmissionId> paged = new ArrayList<>();
      Page<Submission> page = store.query(approved, PageRequest.first(PageRequest.MAX_LIMIT));
      paged.addAll(page.items().stream().map(Submission::id).toList());
      assertThat(page.next()).isEmpty();
      assertThat(paged).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("every filter condition selects what SubmissionFilter.matches selects")
    void filters() {
      Campaign c = storedCampaign();
      Campaign other = storedCampaign();
      List<Submission> all = new ArrayList<>();
      Random random = new Random(7);
      SubmissionStatus[] statuses = SubmissionStatus.values();
      String[] districts = {"yuzhong", "jiangbei", "wanzhou"};
      for (int i = 0; i < 120; i++) {
        all.add(
            inserted(
                submission(i % 10 == 0 ? other.id() : c.id(), "p-" + random.nextInt(4))
                    .status(statuses[random.nextInt(statuses.length)])
                    .district(District.of(districts[random.nextInt(3)]))
                    .channel(Channel.values()[random.nextInt(Channel.values().length)])
                    .receivedAt(T0.plusSeconds(random.nextInt(100)).plusNanos(i * 1_001L))
                    .build()));
      }
      List<SubmissionFilter> filters =
          List.of(
              SubmissionFilter.all(c.id()),
              SubmissionFilter.builder(c.id())
                  .status(SubmissionStatus.APPROVED, SubmissionStatus.HIDDEN)
                  .build(),
              SubmissionFilter.builder(c.id()).district(District.of("jiangbei")).build(),
              SubmissionFilter.builder(c.id()).channel(Channel.MAILBOX).build(),
              SubmissionFilter.builder(c.id()).participant(ParticipantId.of("p-2")).build(),
              SubmissionFilter.builder(c.id())
                  .receivedBetween(T0.plusSeconds(20), T0.plusSeconds(60))
                  .build(),
              // bounds with nanoseconds: the database keeps microseconds, matches() decides
              SubmissionFilter.builder(c.id())
                  .receivedBetween(
                      T0.plusSeconds(20).plusNanos(1), T0.plusSeconds(60).plusNanos(999))
                  .status(SubmissionStatus.PENDING)
                  .build());
      for (SubmissionFilter filter : filters) {
        List<SubmissionId> expected =
            all.stream().filter(filter::matches).map(Submission::id).sorted().toList();
        assertThat(store.count(filter)).as("count %s", filter).isEqualTo(expected.size());
        List<SubmissionId> paged = new ArrayList<>();
        Page<Submission> page = store.query(filter, PageRequest.first(7));
        while (true) {
          page.items().forEach(s -> paged.add(s.id()));
          if (page.next().isEmpty()) {
            break;
          }
          page = store.query(filter, PageRequest.after(page.next().get(), 7));
        }
        assertThat(paged).as("pages of %s", filter).containsExactlyElementsOf(expected);
      }
    }

    @Test
    @DisplayName(
        "received-at survives as UTC with microseconds in the index and exactly in the record")
    void instants() {
      Campaign c = storedCampaign();
      Instant odd = Instant.parse("2026-03-29T01:59:59.123456789Z");
      Submission s = inserted(submission(c.id(), "p-1").receivedAt(odd).build());
      assertThat(store.find(s.id()).orElseThrow().receivedAt()).isEqualTo(odd);
      assertThat(
              store.count(
                  SubmissionFilter.builder(c.id()).receivedBetween(odd, odd.plusNanos(1)).build()))
          .isEqualTo(1);
      assertThat(
              store.count(
                  SubmissionFilter.builder(c.id())
                      .receivedBetween(odd.plusNanos(1), odd.plusSeconds(1))
                      .build()))
          .isZero();
    }
  }

  @Nested
  @DisplayName("batches")
  class Batches {
    @Test
    @DisplayName(
        "a batch stores received-at like a single insert: UTC microseconds in the index column,"
            + " exactly in the record, also before 1970 and at the end of year 9999")
    void batchInstants() {
      Campaign c = storedCampaign();
      List<Instant> instants =
          List.of(
              Instant.parse("2026-03-29T01:59:59.123456789Z"),
              Instant.parse("1900-01-01T00:00:00.000001Z"),
              Instant.parse("1969-12-31T23:59:59.999999Z"),
              Instant.parse("9999-12-31T23:59:59.999999Z"));
      List<Submission> batch = new ArrayList<>();
      for (int i = 0; i < instants.size(); i++) {
        batch.add(submission(c.id(), "p-" + i).receivedAt(instants.get(i)).build());
      }
      assertThat(store.insertAll(batch, 10)).allMatch(o -> o instanceof InsertOutcome.Inserted);
      for (int i = 0; i < instants.size(); i++) {
        Instant at = instants.get(i);
        assertThat(store.find(batch.get(i).id()).orElseThrow().receivedAt()).isEqualTo(at);
        assertThat(
                store.count(
                    SubmissionFilter.builder(c.id()).receivedBetween(at, at.plusNanos(1)).build()))
            .as("index column of %s", at)
            .isEqualTo(1);
      }
    }

    @Test
    @DisplayName(
        "a batch behaves like inserts one by one: keys repeated inside it and limits count")
    void likeSingleInserts() {
      Campaign c = storedCampaign();
      Submission earlier = inserted(withKey(c.id(), "p-0", "card-0"));
      List<Submission> batch =
          List.of(
              withKey(c.id(), "p-1", "card-1"),
              withKey(c.id(), "p-1", "card-1"), // same key again in the batch
              withKey(c.id(), "p-2", "card-0"), // key stored before the batch
              submission(c.id(), "p-1").build(),
              submission(c.id(), "p-1").build(), // p-1's third: over the limit of 2
              submission(c.id(), "p-3").build());
      List<InsertOutcome> outcomes = store.insertAll(batch, 2);
      assertThat(outcomes.get(0))
          .isEqualTo(new InsertOutcome.Inserted(batch.get(0).withVersion(1)));
      assertThat(outcomes.get(1))
          .isEqualTo(new InsertOutcome.Duplicate(batch.get(0).withVersion(1)));
      assertThat(outcomes.get(2)).isEqualTo(new InsertOutcome.Duplicate(earlier));
      assertThat(outcomes.get(3)).isInstanceOf(InsertOutcome.Inserted.class);
      assertThat(outcomes.get(4)).isEqualTo(new InsertOutcome.LimitReached(2));
      assertThat(outcomes.get(5)).isInstanceOf(InsertOutcome.Inserted.class);
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(4);
      // The counters the batch left behind are the ones single inserts see.
      assertThat(store.insert(submission(c.id(), "p-1").build(), 2))
          .isEqualTo(new InsertOutcome.LimitReached(2));
      assertThat(store.insert(submission(c.id(), "p-3").build(), 2))
          .isInstanceOf(InsertOutcome.Inserted.class);
    }

    @Test
    @DisplayName("a batch holding an id that is already stored is refused whole")
    void existingIdRefusesBatch() {
      Campaign c = storedCampaign();
      Submission stored = inserted(submission(c.id(), "p-1").build());
      List<Submission> batch =
          List.of(
              submission(c.id(), "p-2").build(),
              stored.withVersion(0),
              submission(c.id(), "p-3").build());
      assertThatThrownBy(() -> store.insertAll(batch, 10))
          .isInstanceOf(AlreadyExistsException.class)
          .hasMessageContaining(stored.id().toString());
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(1);
    }

    @Test
    @DisplayName("the same id twice in one batch is refused whole")
    void repeatedIdInBatch() {
      Campaign c = storedCampaign();
      Submission s = submission(c.id(), "p-1").build();
      assertThatThrownBy(() -> store.insertAll(List.of(s, s), 10))
          .isInstanceOf(AlreadyExistsException.class);
      assertThat(store.count(SubmissionFilter.all(c.id()))).isZero();
    }

    @Test
    @DisplayName("a batch across two campaigns keeps each campaign's keys and limits apart")
    void twoCampaigns() {
      Campaign a = storedCampaign();
      Campaign b = storedCampaign();
      List<InsertOutcome> outcomes =
          store.insertAll(
              List.of(
                  withKey(a.id(), "p-1", "same-key"),
                  withKey(b.id(), "p-1", "same-key"),
                  submission(a.id(), "p-1").build(),
                  submission(b.id(), "p-1").build()),
              2);
      assertThat(outcomes).allMatch(o -> o instanceof InsertOutcome.Inserted);
      assertThat(store.findByIdempotencyKey(b.id(), IdempotencyKey.of("same-key")))
          .map(Submission::campaignId)
          .contains(b.id());
    }
  }

  @Nested
  @DisplayName("concurrency")
  class Concurrency {
    @Test
    @DisplayName("8 threads x 500 submissions from one participant, limit 100: exactly 100 stored")
    void participantLimit() throws Exception {
      Campaign c = storedCampaign();
      List<InsertOutcome> outcomes =
          race(
              8,
              thread -> {
                List<InsertOutcome> mine = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                  mine.add(store.insert(submission(c.id(), "kiosk-7").build(), 100));
                }
                return mine;
              });
      assertThat(outcomes).hasSize(4000);
      assertThat(outcomes.stream().filter(o -> o instanceof InsertOutcome.Inserted)).hasSize(100);
      assertThat(outcomes.stream().filter(o -> o instanceof InsertOutcome.LimitReached))
          .hasSize(3900)
          .allMatch(o -> ((InsertOutcome.LimitReached) o).count() == 100);
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(100);
    }

    @Test
    @DisplayName("8 threads importing batches for one participant, limit 100: exactly 100 stored")
    void participantLimitInBatches() throws Exception {
      Campaign c = storedCampaign();
      List<InsertOutcome> outcomes =
          race(
              8,
              thread -> {
                List<InsertOutcome> mine = new ArrayList<>();
                for (int b = 0; b < 5; b++) {
                  List<Submission> batch = new ArrayList<>();
                  for (int i = 0; i < 20; i++) {
                    batch.add(submission(c.id(), "mailbox-3").build());
                    batch.add(submission(c.id(), "t" + thread + "-" + b + "-" + i).build());
                  }
                  mine.addAll(store.insertAll(batch, 100));
                }
                return mine;
              });
      assertThat(
              store.count(
                  SubmissionFilter.builder(c.id())
                      .participant(ParticipantId.of("mailbox-3"))
                      .build()))
          .isEqualTo(100);
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(100 + 8 * 5 * 20);
      assertThat(outcomes.stream().filter(o -> o instanceof InsertOutcome.Inserted))
          .hasSize(100 + 8 * 5 * 20);
    }

    @Test
    @DisplayName("8 threads sending the same idempotency key store it once; the rest get that one")
    void sameKeyRace() throws Exception {
      Campaign c = storedCampaign();
      List<InsertOutcome> outcomes =
          race(
              8,
              thread -> {
                List<InsertOutcome> mine = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                  mine.add(store.insert(withKey(c.id(), "p-" + thread, "retry-" + i), 100));
                }
                return mine;
              });
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(20);
      Map<String, Submission> stored =
          outcomes.stream()
              .filter(o -> o instanceof InsertOutcome.Inserted)
              .map(o -> ((InsertOutcome.Inserted) o).stored())
              .collect(Collectors.toMap(s -> s.idempotencyKey().orElseThrow().value(), s -> s));
      assertThat(stored).hasSize(20);
      outcomes.stream()
          .filter(o -> o instanceof InsertOutcome.Duplicate)
          .map(o -> ((InsertOutcome.Duplicate) o).existing())
          .forEach(
              d -> assertThat(stored.get(d.idempotencyKey().orElseThrow().value())).isEqualTo(d));
    }

    @Test
    @DisplayName("concurrent identical reactions are stored once")
    void reactionRace() throws Exception {
      Campaign c = storedCampaign();
      Submission s = inserted(submission(c.id(), "p-1").build());
      List<Boolean> added =
          race(
              8,
              thread -> {
                List<Boolean> mine = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                  mine.add(
                      store.addReaction(
                          reaction(s, "fan-" + i, ReactionType.ENDORSE, Optional.empty())));
                }
                return mine;
              });
      assertThat(added.stream().filter(b -> b)).hasSize(10);
      assertThat(store.countReactions(s.id(), ReactionType.ENDORSE)).isEqualTo(10);
    }

    private <T> List<T> race(int threads, Function<Integer, List<T>> work) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<T>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          Callable<List<T>> task =
              () -> {
                start.await();
                return work.apply(thread);
              };
          futures.add(pool.submit(task));
        }
        start.countDown();
        List<T> all = new ArrayList<>();
        for (Future<List<T>> f : futures) {
          all.addAll(f.get(90, TimeUnit.SECONDS));
        }
        return all;
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  @DisplayName("data fidelity")
  class Fidelity {
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("dev.spirit.storage.jdbc.JdbcStoreBehaviour#hostileTexts")
    @DisplayName("hostile text is data: it round-trips byte for byte in every text field")
    void hostileText(String text) {
      Campaign c =
          store.insertCampaign(
              Campaign.builder("fidelity-" + UUID.randomUUID().toString().substring(0, 8))
                  .title(text, text)
                  .prompt(text, "prompt")
                  .districts("yuzhong")
                  .allChannels()
                  .createdAt(T0)
                  .build());
      Submission s =
          inserted(
              submission(c.id(), "p');DROP/**/TABLE/**/spirit_submissions;--")
                  .text(text)
                  .idempotencyKey(Optional.of(IdempotencyKey.of("k'%_\\;--" + text.length())))
                  .build());
      Submission found = store.find(s.id()).orElseThrow();
      assertThat(found).isEqualTo(s);
      assertThat(found.text().original().getBytes(UTF_8)).isEqualTo(text.getBytes(UTF_8));
      assertThat(store.findCampaign(c.id()).orElseThrow().title().zh().getBytes(UTF_8))
          .isEqualTo(text.getBytes(UTF_8));
      assertThat(store.findByIdempotencyKey(c.id(), s.idempotencyKey().orElseThrow())).contains(s);
      assertThat(
              store.count(
                  SubmissionFilter.builder(c.id()).participant(s.participant().id()).build()))
          .isEqualTo(1);

      Reaction report = reaction(s, "reporter", ReactionType.REPORT, Optional.of(text));
      assertThat(store.addReaction(report)).isTrue();
      AuditEntry entry =
          new AuditEntry(
              c.id(),
              s.id(),
              "moderator",
              T0,
              SubmissionStatus.PENDING,
              SubmissionStatus.HIDDEN,
              text);
      store.appendAudit(entry);
      try (Stream<Reaction> reactions = store.streamReactions(c.id());
          Stream<AuditEntry> audit = store.streamAudit(c.id())) {
        assertThat(reactions.toList()).containsExactly(report);
        assertThat(audit.map(e -> e.withSeal(Optional.empty()))).containsExactly(entry);
      }
    }

    @Test
    @DisplayName("NUL never reaches the database: core refuses it in submission text")
    void nulRefusedByCore() {
      Campaign c = storedCampaign();
      assertThatThrownBy(() -> SubmissionText.of("耿\u0000直"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("NUL");
      assertThatThrownBy(() -> submission(c.id(), "p-1").text("a\u0000b").build())
          .isInstanceOf(InvalidInputException.class);
      assertThat(store.count(SubmissionFilter.all(c.id()))).isZero();
    }

    @Test
    @DisplayName(
        "a NUL in an audit reason (free text core passes on) is stored escaped and comes back")
    void nulInAuditReason() {
      Campaign c = storedCampaign();
      Submission s = inserted(submission(c.id(), "p-1").build());
      AuditEntry entry =
          new AuditEntry(
              c.id(),
              s.id(),
              "moderator",
              T0,
              SubmissionStatus.PENDING,
              SubmissionStatus.REJECTED,
              "a\u0000b");
      store.appendAudit(entry);
      try (Stream<AuditEntry> audit = store.streamAudit(c.id())) {
        assertThat(audit.map(e -> e.withSeal(Optional.empty()))).containsExactly(entry);
      }
    }
  }

  @Nested
  @DisplayName("the audit chain against rows edited by SQL and a second instance")
  class AuditChainRows {
    private Campaign campaign;

    @BeforeEach
    void plant() {
      campaign = storedCampaign();
      Submission s = inserted(submission(campaign.id(), "p-1").build());
      for (int i = 1; i <= 5; i++) {
        store.appendAudit(
            new AuditEntry(
                campaign.id(),
                s.id(),
                "moderator-" + i,
                T0.plusSeconds(i),
                SubmissionStatus.PENDING,
                SubmissionStatus.APPROVED,
                "reason-" + i));
      }
    }

    private AuditVerification verify() {
      try (Stream<AuditEntry> log = store.streamAudit(campaign.id())) {
        return AuditChain.verify(log.iterator());
      }
    }

    private String json(long chainSeq) throws SQLException {
      try (Connection c = database().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT record_json FROM spirit_audit WHERE campaign_id = ? AND chain_seq = ?")) {
        ps.setObject(1, campaign.id().value());
        ps.setLong(2, chainSeq);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).as("row with chain_seq %s", chainSeq).isTrue();
          return rs.getString(1);
        }
      }
    }

    private void sql(String statement, Object... args) throws SQLException {
      try (Connection c = database().getConnection();
          PreparedStatement ps = c.prepareStatement(statement)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        assertThat(ps.executeUpdate()).isPositive();
      }
    }

    private void setJson(long chainSeq, String json) throws SQLException {
      sql(
          "UPDATE spirit_audit SET record_json = ? WHERE campaign_id = ? AND chain_seq = ?",
          json,
          campaign.id().value(),
          chainSeq);
    }

    @Test
    @DisplayName("the rows as appended verify, with chain_seq equal to each entry's sequence")
    void untouched() throws SQLException {
      assertThat(verify().intact()).isTrue();
      assertThat(json(3)).contains("\"sequence\":3");
    }

    @Test
    @DisplayName("a reason edited by UPDATE is reported as an edit at its sequence")
    void editedReason() throws SQLException {
      setJson(3, json(3).replace("reason-3", "reason-X"));
      AuditVerification v = verify();
      assertThat(v.firstBreak()).get().extracting(b -> b.sequence()).isEqualTo(3L);
      assertThat(v.firstBreak()).get().extracting(b -> b.problem()).isEqualTo(Problem.EDITED);
    }

    @Test
    @DisplayName("a status edited by UPDATE is reported as an edit at its sequence")
    void editedStatus() throws SQLException {
      setJson(2, json(2).replace("\"to\":\"APPROVED\"", "\"to\":\"REJECTED\""));
      assertThat(verify().firstBreak()).get().extracting(b -> b.sequence()).isEqualTo(2L);
    }

    @Test
    @DisplayName("a row removed by DELETE is reported as removed at its sequence")
    void removed() throws SQLException {
      sql(
          "DELETE FROM spirit_audit WHERE campaign_id = ? AND chain_seq = ?",
          campaign.id().value(),
          4L);
      AuditVerification v = verify();
      assertThat(v.firstBreak()).get().extracting(b -> b.sequence()).isEqualTo(4L);
      assertThat(v.firstBreak()).get().extracting(b -> b.problem()).isEqualTo(Problem.REMOVED);
    }

    @Test
    @DisplayName("two rows whose records were swapped are reported as reordered")
    void swapped() throws SQLException {
      String second = json(2);
      String third = json(3);
      // rows stream in key order: now 1, 3, 2, 4, 5
      setJson(2, third);
      setJson(3, second);
      assertThat(verify().firstBreak())
          .get()
          .extracting(b -> b.problem())
          .isEqualTo(Problem.REORDERED);
    }

    @Test
    @DisplayName(
        "two instances on one database appending at once continue one chain: every sequence once,"
            + " and it verifies")
    void twoInstancesDoNotFork() throws Exception {
      Submission s = inserted(submission(campaign.id(), "p-2").build());
      try (JdbcStore second = JdbcStore.open(database())) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
          List<Future<?>> done = new ArrayList<>();
          for (int t = 0; t < 4; t++) {
            JdbcStore target = t % 2 == 0 ? store : second;
            int thread = t;
            done.add(
                pool.submit(
                    () -> {
                      for (int i = 0; i < 10; i++) {
                        target.appendAudit(
                            new AuditEntry(
                                campaign.id(),
                                s.id(),
                                "instance-" + thread,
                                T0,
                                SubmissionStatus.PENDING,
                                SubmissionStatus.APPROVED,
                                "#" + i));
                      }
                    }));
          }
          for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
          }
        } finally {
          pool.shutdownNow();
        }
      }
      List<AuditEntry> log;
      try (Stream<AuditEntry> stored = store.streamAudit(campaign.id())) {
        log = stored.toList();
      }
      assertThat(log)
          .extracting(e -> e.seal().orElseThrow().sequence())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 45).boxed().toList());
      assertThat(AuditChain.verify(log.iterator()).intact()).isTrue();
    }
  }

  static Stream<String> hostileTexts() {
    return Stream.of(
        "'; DROP TABLE spirit_submissions; --",
        "Robert'); DELETE FROM spirit_campaigns WHERE ''='",
        "\" OR \"1\"=\"1",
        "1' OR '1'='1' /* */ UNION SELECT record_json FROM spirit_submissions --",
        "100% _wild_ \\escaped\\ [brackets] ^$ {}",
        "$$; SELECT pg_sleep(10); $$ $tag$ E'\\x00' \\0 \\u0000",
        "?, ?, ?); --",
        "Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳",
        "👩‍👩‍👧‍👦 🇨🇳 🏳️‍🌈 𠀀𪚥𰻞 渝中区解放碑",
        "مرحبا بالعالم \u200F שלום \u202Eevil\u202C",
        "e\u0301 vs \u00E9, Å vs \u212B, ﬁ ligature, ＡＢＣ full-width",
        "\uFEFFbom\u200Bzero\u200Dwidth\u2060joiner\u00ADsoft",
        "line\r\nbreaks\nand\ttabs\u2028separators\u2029",
        "\uD83D\uDE00 surrogate pair, \uDBFF\uDFFF last code point",
        "NULL",
        "null");
  }

  static Reaction reaction(Submission s, String by, ReactionType type, Optional<String> reason) {
    return new Reaction(s.id(), s.campaignId(), ParticipantId.of(by), type, reason, T0);
  }

  @Nested
  @DisplayName("reactions, audit and erasure")
  class ReactionsAuditErasure {
    @Test
    @DisplayName("a reaction to a submission that does not exist is refused")
    void reactionToMissing() {
      Campaign c = storedCampaign();
      Submission never = submission(c.id(), "p-1").build();
      assertThatThrownBy(
              () ->
                  store.addReaction(reaction(never, "fan", ReactionType.ENDORSE, Optional.empty())))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("reactions and audit entries stream in the order they were added, per campaign")
    void order() {
      Campaign c = storedCampaign();
      Campaign other = storedCampaign();
      Submission s = inserted(submission(c.id(), "p-1").build());
      Submission o = inserted(submission(other.id(), "p-1").build());
      List<Reaction> expected = new ArrayList<>();
      List<AuditEntry> expectedAudit = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        Reaction r =
            reaction(
                s,
                "fan-" + (29 - i),
                i % 2 == 0 ? ReactionType.ENDORSE : ReactionType.REPORT,
                Optional.empty());
        assertThat(store.addReaction(r)).isTrue();
        expected.add(r);
        store.addReaction(reaction(o, "fan-" + i, ReactionType.ENDORSE, Optional.empty()));
        AuditEntry a =
            new AuditEntry(
                c.id(),
                s.id(),
                "mod-" + (29 - i),
                T0.plusSeconds(30 - i),
                SubmissionStatus.PENDING,
                SubmissionStatus.APPROVED,
                "#" + i);
        store.appendAudit(a);
        expectedAudit.add(a);
      }
      assertThat(store.addReaction(expected.get(0))).isFalse();
      try (Stream<Reaction> r = store.streamReactions(c.id());
          Stream<AuditEntry> a = store.streamAudit(c.id())) {
        assertThat(r.toList()).containsExactlyElementsOf(expected);
        assertThat(a.map(e -> e.withSeal(Optional.empty())))
            .containsExactlyElementsOf(expectedAudit);
      }
      assertThat(store.countReactions(s.id(), ReactionType.ENDORSE)).isEqualTo(15);
      assertThat(store.countReactions(s.id(), ReactionType.REPORT)).isEqualTo(15);
    }

    @Test
    @DisplayName(
        "erasing a participant removes their submissions, keys, counts and reactions everywhere")
    void erase() {
      Campaign a = storedCampaign();
      Campaign b = storedCampaign();
      Submission mineA = inserted(withKey(a.id(), "erase-me", "k-1"));
      Submission mineB = inserted(submission(b.id(), "erase-me").build());
      Submission theirs = inserted(submission(a.id(), "stays").build());
      store.addReaction(reaction(mineA, "stays", ReactionType.ENDORSE, Optional.empty()));
      store.addReaction(reaction(theirs, "erase-me", ReactionType.REPORT, Optional.empty()));
      store.addReaction(reaction(theirs, "other", ReactionType.REPORT, Optional.empty()));
      store.appendAudit(
          new AuditEntry(
              a.id(),
              mineA.id(),
              "mod",
              T0,
              SubmissionStatus.PENDING,
              SubmissionStatus.APPROVED,
              "ok"));

      assertThat(store.eraseParticipant(ParticipantId.of("erase-me"))).isEqualTo(2);

      assertThat(store.find(mineA.id())).isEmpty();
      assertThat(store.find(mineB.id())).isEmpty();
      assertThat(store.findByIdempotencyKey(a.id(), IdempotencyKey.of("k-1"))).isEmpty();
      assertThat(store.find(theirs.id())).isPresent();
      assertThat(store.countReactions(theirs.id(), ReactionType.REPORT)).isEqualTo(1);
      try (Stream<Reaction> r = store.streamReactions(a.id());
          Stream<AuditEntry> audit = store.streamAudit(a.id())) {
        assertThat(r.map(Reaction::by).toList()).containsExactly(ParticipantId.of("other"));
        assertThat(audit.count()).isEqualTo(1);
      }
      // Their count starts again from zero; the key is free again.
      assertThat(store.insert(withKey(a.id(), "erase-me", "k-1"), 1))
          .isInstanceOf(InsertOutcome.Inserted.class);
    }

    @Test
    @DisplayName("a closed store refuses further calls")
    void closed() {
      store.close();
      assertThatThrownBy(() -> store.listCampaigns())
          .isInstanceOf(dev.spirit.error.StorageException.class)
          .hasMessageContaining("closed");
    }

    @Test
    @DisplayName("a participant id with every visible ASCII character is data, not SQL")
    void participantCharacters() {
      Campaign c = storedCampaign();
      StringBuilder id = new StringBuilder();
      for (char ch = 0x21; ch < 0x7F; ch++) {
        id.append(ch);
      }
      Submission s =
          inserted(
              submission(c.id(), "x")
                  .participant(new Participant(ParticipantId.of(id.toString()), Role.EXPERT, true))
                  .build());
      assertThat(store.find(s.id())).contains(s);
      assertThat(store.eraseParticipant(ParticipantId.of(id.toString()))).isEqualTo(1);
    }
  }
}
