package dev.spirit.storage.tck;

import static dev.spirit.storage.tck.TckFixtures.T0;
import static dev.spirit.storage.tck.TckFixtures.campaign;
import static dev.spirit.storage.tck.TckFixtures.submission;
import static dev.spirit.storage.tck.TckFixtures.unique;
import static dev.spirit.storage.tck.TckFixtures.withEveryOptionalField;
import static dev.spirit.storage.tck.TckFixtures.withKey;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.error.AlreadyExistsException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.SpiritException;
import dev.spirit.error.StorageException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.kiosk.IssuedKioskToken;
import dev.spirit.kiosk.KioskAuthenticationException;
import dev.spirit.kiosk.KioskCredential;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.moderation.LexiconLayer;
import dev.spirit.participant.Consent;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.participant.Withdrawal;
import dev.spirit.storage.ClaimedSubmission;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageCursor;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.ReactionWrite;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.SubmissionWrite;
import dev.spirit.storage.WriteResult;
import dev.spirit.submission.AuditChain;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.AuditSeal;
import dev.spirit.submission.AuditVerification;
import dev.spirit.submission.IdempotencyConflictException;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link SpiritStore} keeps. A backend's test extends this class and implements
 * {@link #createStore()}; each test sentence below then runs against that backend.
 *
 * <p>Each test gets a new store from {@link #createStore()} and closes it afterwards. A backend
 * whose stores share state (one database) need not empty it between tests: the tests only look at
 * campaigns, participants and idempotency keys they created themselves, all unique to the run.
 *
 * <p>Concurrency tests run 8 threads and wait for them without any timing assertion; the whole kit
 * runs in a few seconds on the in-memory store.
 */
public abstract class SpiritStoreContract {

  /** Threads used by the concurrency tests. */
  protected static final int THREADS = 8;

  /** A per-participant limit large enough never to matter. */
  protected static final int NO_LIMIT = 1_000_000;

  /** The store under test, fresh for each test. */
  protected SpiritStore store;

  private boolean closedByTest;

  /** Creates the contract; subclasses are instantiated by JUnit. */
  protected SpiritStoreContract() {}

  /**
   * Creates a new, open store for one test.
   *
   * @return the store
   * @throws Exception if it cannot be created
   */
  protected abstract SpiritStore createStore() throws Exception;

  /**
   * Opens the store for a test.
   *
   * @throws Exception if it cannot be created
   */
  @BeforeEach
  protected void openStore() throws Exception {
    store = createStore();
  }

  /** Closes the store after a test, unless the test closed it itself. */
  @AfterEach
  protected void closeStore() {
    // store is null if createStore() failed; JUnit then reports that failure, not this one.
    if (store != null && !closedByTest) {
      store.close();
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * Stores a new campaign.
   *
   * @return the stored campaign
   */
  protected Campaign storedCampaign() {
    return store.insertCampaign(campaign());
  }

  /**
   * Inserts a submission without a participant limit and returns what was stored.
   *
   * @param submission the submission
   * @return the stored submission, version 1
   */
  protected Submission inserted(Submission submission) {
    InsertOutcome outcome = store.insert(submission, NO_LIMIT);
    assertThat(outcome)
        .as("insert of %s", submission.id())
        .isInstanceOf(InsertOutcome.Inserted.class);
    return ((InsertOutcome.Inserted) outcome).stored();
  }

  /**
   * Inserts a submission built from a builder without a participant limit.
   *
   * @param builder the builder
   * @return the stored submission, version 1
   */
  protected Submission inserted(Submission.Builder builder) {
    return inserted(builder.build());
  }

  /**
   * Reads every page of a query.
   *
   * @param filter the filter
   * @param pageSize the page size
   * @return the pages, in order
   */
  protected List<Page<Submission>> pages(SubmissionFilter filter, int pageSize) {
    List<Page<Submission>> pages = new ArrayList<>();
    Page<Submission> page = store.query(filter, PageRequest.first(pageSize));
    pages.add(page);
    while (page.next().isPresent()) {
      assertThat(pages).as("pages of a finite query").hasSizeLessThan(100_000);
      page = store.query(filter, PageRequest.after(page.next().get(), pageSize));
      pages.add(page);
    }
    return pages;
  }

  /**
   * The ids of every submission a query returns, page by page.
   *
   * @param filter the filter
   * @param pageSize the page size
   * @return the ids in the order returned
   */
  protected List<SubmissionId> pagedIds(SubmissionFilter filter, int pageSize) {
    List<SubmissionId> ids = new ArrayList<>();
    for (Page<Submission> page : pages(filter, pageSize)) {
      page.items().forEach(s -> ids.add(s.id()));
    }
    return ids;
  }

  /**
   * The ids a stream returns.
   *
   * @param filter the filter
   * @return the ids in stream order
   */
  protected List<SubmissionId> streamedIds(SubmissionFilter filter) {
    try (Stream<Submission> s = store.stream(filter)) {
      return s.map(Submission::id).toList();
    }
  }

  private static List<SubmissionId> ids(List<Submission> submissions) {
    return submissions.stream().map(Submission::id).toList();
  }

  private static List<SubmissionId> sortedIds(List<Submission> submissions) {
    return submissions.stream().map(Submission::id).sorted().toList();
  }

  /** A task run by one of several threads. */
  @FunctionalInterface
  protected interface ThreadTask<T> {
    /**
     * Runs the task.
     *
     * @param thread the thread's index, 0 to threads - 1
     * @return the result
     * @throws Exception on failure
     */
    T run(int thread) throws Exception;
  }

  /**
   * Runs a task on several threads released at the same moment and collects their results.
   *
   * @param threads how many threads
   * @param task the task
   * @param <T> result type
   * @return the results, by thread index
   * @throws Exception if a task failed
   */
  protected static <T> List<T> concurrently(int threads, ThreadTask<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        Callable<T> call =
            () -> {
              start.await();
              return task.run(thread);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  static Stream<Arguments> exoticTexts() {
    return TckFixtures.exoticTexts().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  // ---- campaigns ------------------------------------------------------------------------------

  /** Campaign storage. */
  @Nested
  @DisplayName("campaigns")
  class Campaigns {
    @Test
    @DisplayName("a stored campaign is found by id, equal to what was stored, with version 1")
    void roundTrip() {
      Campaign original = campaign();
      Campaign stored = store.insertCampaign(original);
      assertThat(stored).isEqualTo(original.withVersion(1));
      assertThat(store.findCampaign(original.id())).contains(stored);
    }

    @Test
    @DisplayName("the version a new campaign carries is ignored: it is stored with version 1")
    void insertIgnoresVersion() {
      Campaign original = campaign().withVersion(41);
      assertThat(store.insertCampaign(original).version()).isEqualTo(1);
      assertThat(store.findCampaign(original.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("a second campaign with the same id is refused and the first stays as it was")
    void duplicateId() {
      Campaign first = storedCampaign();
      Campaign sameId =
          Campaign.builder(campaign().slug())
              .id(first.id())
              .title("另一个", "Another")
              .prompt("问", "Ask")
              .districts("beibei")
              .allChannels()
              .build();
      assertThatThrownBy(() -> store.insertCampaign(sameId))
          .isInstanceOf(AlreadyExistsException.class);
      assertThat(store.findCampaign(first.id())).contains(first);
    }

    @Test
    @DisplayName("a second campaign with the same slug is refused and is not stored")
    void duplicateSlug() {
      Campaign first = storedCampaign();
      Campaign sameSlug =
          Campaign.builder(first.slug())
              .title("另一个", "Another")
              .prompt("问", "Ask")
              .districts("yuzhong")
              .allChannels()
              .build();
      assertThatThrownBy(() -> store.insertCampaign(sameSlug))
          .isInstanceOf(AlreadyExistsException.class);
      assertThat(store.findCampaign(sameSlug.id())).isEmpty();
    }

    @Test
    @DisplayName("an update based on the stored version is stored with the next version")
    void updateWithVersion() {
      Campaign stored = storedCampaign();
      Campaign opened = store.updateCampaign(stored.moveTo(CampaignState.OPEN));
      assertThat(opened).isEqualTo(stored.moveTo(CampaignState.OPEN).withVersion(2));
      assertThat(store.findCampaign(stored.id())).contains(opened);
      Campaign paused = store.updateCampaign(opened.moveTo(CampaignState.PAUSED));
      assertThat(paused.version()).isEqualTo(3);
      assertThat(store.findCampaign(stored.id())).contains(paused);
    }

    @Test
    @DisplayName("a campaign's retention period and closing time are stored and read back")
    void retentionStored() {
      Campaign stored =
          store.insertCampaign(campaign().withRetention(Optional.of(Duration.ofDays(90))));
      assertThat(store.findCampaign(stored.id()).orElseThrow().retention())
          .contains(Duration.ofDays(90));
      Campaign closed =
          store.updateCampaign(
              store
                  .updateCampaign(stored.moveTo(CampaignState.OPEN))
                  .moveTo(CampaignState.CLOSED, T0));
      Campaign read = store.findCampaign(stored.id()).orElseThrow();
      assertThat(read).isEqualTo(closed);
      assertThat(read.closedAt()).contains(T0);
      assertThat(read.expiresAt()).contains(T0.plus(Duration.ofDays(90)));
      Campaign unlimited = store.updateCampaign(read.withRetention(Optional.empty()));
      assertThat(store.findCampaign(stored.id()).orElseThrow().retention()).isEmpty();
      assertThat(unlimited.expiresAt()).isEmpty();
    }

    @Test
    @DisplayName("an update based on a stale version is refused and changes nothing")
    void staleUpdate() {
      Campaign stored = storedCampaign();
      Campaign opened = store.updateCampaign(stored.moveTo(CampaignState.OPEN));
      assertThatThrownBy(() -> store.updateCampaign(stored.moveTo(CampaignState.OPEN)))
          .isInstanceOf(VersionConflictException.class)
          .satisfies(
              e -> {
                VersionConflictException conflict = (VersionConflictException) e;
                assertThat(conflict.expectedVersion()).isEqualTo(1);
                assertThat(conflict.actualVersion()).isEqualTo(2);
              });
      assertThat(store.findCampaign(stored.id())).contains(opened);
    }

    @Test
    @DisplayName("updating a campaign that was never stored is refused with NotFoundException")
    void updateMissing() {
      Campaign never = campaign().withVersion(1);
      assertThatThrownBy(() -> store.updateCampaign(never)).isInstanceOf(NotFoundException.class);
      assertThat(store.findCampaign(never.id())).isEmpty();
    }

    @Test
    @DisplayName("an unknown campaign id finds nothing")
    void findUnknown() {
      assertThat(store.findCampaign(campaign().id())).isEmpty();
    }

    @Test
    @DisplayName(
        "a campaign is found by its slug, in its stored state; an unknown slug finds nothing")
    void findBySlug() {
      Campaign a = storedCampaign();
      Campaign b = storedCampaign();
      Campaign bOpened = store.updateCampaign(b.moveTo(CampaignState.OPEN));
      assertThat(store.findCampaignBySlug(a.slug())).contains(a);
      assertThat(store.findCampaignBySlug(b.slug())).contains(bOpened);
      assertThat(store.findCampaignBySlug(unique("no-such-slug"))).isEmpty();
    }

    @Test
    @DisplayName("campaigns are listed oldest first, each once, in their stored state")
    void listOrder() {
      Campaign a = storedCampaign();
      Campaign b = storedCampaign();
      Campaign c = storedCampaign();
      Campaign bOpened = store.updateCampaign(b.moveTo(CampaignState.OPEN));
      Set<CampaignId> mine = Set.of(a.id(), b.id(), c.id());
      List<Campaign> listed =
          store.listCampaigns().stream().filter(x -> mine.contains(x.id())).toList();
      assertThat(listed).containsExactly(a, bOpened, c);
    }
  }

  // ---- submissions: round trip ----------------------------------------------------------------

  /** Submissions come back exactly as they were stored. */
  @Nested
  @DisplayName("submission round trip")
  class RoundTrip {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.spirit.storage.tck.SpiritStoreContract#exoticTexts")
    @DisplayName("text comes back char for char and byte for byte, with its normalized form")
    void byteExactText(String label, String text) {
      Campaign c = storedCampaign();
      Submission s = submission(c.id(), unique("p")).text(text).build();
      inserted(s);
      Submission found = store.find(s.id()).orElseThrow();
      assertThat(found.text().original()).isEqualTo(text);
      assertThat(found.text().original().getBytes(UTF_8)).isEqualTo(text.getBytes(UTF_8));
      assertThat(found.text().normalized()).isEqualTo(s.text().normalized());
      assertThat(found).isEqualTo(s.withVersion(1));
      try (Stream<Submission> streamed = store.stream(SubmissionFilter.all(c.id()))) {
        assertThat(streamed.map(x -> x.text().original())).containsExactly(text);
      }
      assertThat(store.query(SubmissionFilter.all(c.id()), PageRequest.first(10)).items())
          .containsExactly(s.withVersion(1));
    }

    @Test
    @DisplayName("an inserted submission is returned and found equal to what was given, version 1")
    void roundTrip() {
      Campaign c = storedCampaign();
      Submission s = submission(c.id(), unique("p")).build();
      InsertOutcome outcome = store.insert(s, 10);
      assertThat(outcome).isEqualTo(new InsertOutcome.Inserted(s.withVersion(1)));
      assertThat(store.find(s.id())).contains(s.withVersion(1));
    }

    @Test
    @DisplayName("every optional field survives when present")
    void everyOptionalFieldPresent() {
      Campaign c = storedCampaign();
      Submission s = withEveryOptionalField(c.id(), unique("p"));
      inserted(s);
      Submission found = store.find(s.id()).orElseThrow();
      assertThat(found).isEqualTo(s.withVersion(1));
      assertThat(found.collectionPoint()).contains("guanyinqiao-festival-stand-2");
      assertThat(found.provenance().enteredBy()).contains("staff-wang");
      assertThat(found.provenance().importBatch()).contains("cards-2026-06-01-a");
      assertThat(found.idempotencyKey()).isEqualTo(s.idempotencyKey());
      assertThat(found.moderation()).isEqualTo(s.moderation());
      assertThat(found.moderation().orElseThrow().reasons().get(0).spans())
          .containsExactly(s.moderation().orElseThrow().reasons().get(0).spans().get(0));
      assertThat(found.reviewLease()).isEqualTo(s.reviewLease());
      assertThat(found.appealed()).isTrue();
      assertThat(found.status()).isEqualTo(SubmissionStatus.HIDDEN);
    }

    @Test
    @DisplayName("every optional field stays absent when absent")
    void everyOptionalFieldAbsent() {
      Campaign c = storedCampaign();
      Submission s = submission(c.id(), unique("p")).build();
      inserted(s);
      Submission found = store.find(s.id()).orElseThrow();
      assertThat(found).isEqualTo(s.withVersion(1));
      assertThat(found.collectionPoint()).isEmpty();
      assertThat(found.provenance().enteredBy()).isEmpty();
      assertThat(found.provenance().importBatch()).isEmpty();
      assertThat(found.idempotencyKey()).isEmpty();
      assertThat(found.moderation()).isEmpty();
      assertThat(found.reviewLease()).isEmpty();
      assertThat(found.appealed()).isFalse();
    }

    @Test
    @DisplayName("staff provenance without an import batch keeps the batch absent")
    void staffEntryWithoutBatch() {
      Campaign c = storedCampaign();
      Submission s =
          submission(c.id(), unique("p"))
              .provenance(
                  dev.spirit.submission.Provenance.enteredBy(
                      dev.spirit.submission.Provenance.Source.INTERVIEW_NOTES, "staff-zhao"))
              .moderation(Optional.of(ModerationRecord.approved(T0)))
              .build();
      inserted(s);
      assertThat(store.find(s.id())).contains(s.withVersion(1));
    }

    @Test
    @DisplayName("instants keep their full nanosecond precision")
    void nanosecondInstants() {
      Campaign c = storedCampaign();
      Instant at = T0.plusNanos(123_456_789);
      Submission s =
          submission(c.id(), unique("p"))
              .receivedAt(at)
              .reviewLease(Optional.of(new ReviewLease("moderator-li", at.plusNanos(1))))
              .build();
      inserted(s);
      Submission found = store.find(s.id()).orElseThrow();
      assertThat(found.receivedAt()).isEqualTo(at);
      assertThat(found.reviewLease().orElseThrow().expiresAt()).isEqualTo(at.plusNanos(1));
    }

    @Test
    @DisplayName("the version a new submission carries is ignored: it is stored with version 1")
    void insertIgnoresVersion() {
      Campaign c = storedCampaign();
      Submission s = submission(c.id(), unique("p")).version(17).build();
      assertThat(inserted(s).version()).isEqualTo(1);
      assertThat(store.find(s.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("a second submission with the same id is refused and the first stays as it was")
    void duplicateId() {
      Campaign c = storedCampaign();
      Submission s = submission(c.id(), unique("p")).build();
      Submission stored = inserted(s);
      Submission sameId = s.toBuilder().text("不同").participant(s.participant()).build();
      assertThatThrownBy(() -> store.insert(sameId, NO_LIMIT))
          .isInstanceOf(AlreadyExistsException.class);
      assertThat(store.find(s.id())).contains(stored);
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(1);
    }

    @Test
    @DisplayName("an unknown submission id finds nothing")
    void findUnknown() {
      assertThat(store.find(SubmissionId.generate(Instant.now()))).isEmpty();
    }
  }

  // ---- idempotency ----------------------------------------------------------------------------

  /** Idempotency keys make retries no-ops within a campaign. */
  @Nested
  @DisplayName("idempotency")
  class Idempotency {
    @Test
    @DisplayName("a second submission with the same key in the campaign returns the first")
    void duplicateKey() {
      Campaign c = storedCampaign();
      String key = unique("kiosk");
      Submission first = withKey(c.id(), unique("p"), key);
      Submission retry = withKey(c.id(), unique("p"), key);
      store.insert(first, 10);
      assertThat(store.insert(retry, 10))
          .isEqualTo(new InsertOutcome.Duplicate(first.withVersion(1)));
      assertThat(store.find(retry.id())).isEmpty();
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(1);
    }

    @Test
    @DisplayName("the duplicate returned is the current stored state of the first submission")
    void duplicateIsCurrent() {
      Campaign c = storedCampaign();
      String key = unique("kiosk");
      Submission first = inserted(withKey(c.id(), unique("p"), key));
      Submission approved = store.update(first.withStatus(SubmissionStatus.APPROVED));
      assertThat(store.insert(withKey(c.id(), unique("p"), key), 10))
          .isEqualTo(new InsertOutcome.Duplicate(approved));
    }

    @Test
    @DisplayName("the same key in another campaign is not a duplicate")
    void keyScopedToCampaign() {
      Campaign c1 = storedCampaign();
      Campaign c2 = storedCampaign();
      String key = unique("kiosk");
      String p = unique("p");
      Submission in1 = withKey(c1.id(), p, key);
      Submission in2 = withKey(c2.id(), p, key);
      assertThat(store.insert(in1, 10)).isInstanceOf(InsertOutcome.Inserted.class);
      assertThat(store.insert(in2, 10)).isInstanceOf(InsertOutcome.Inserted.class);
      IdempotencyKey k = IdempotencyKey.of(key);
      assertThat(store.findByIdempotencyKey(c1.id(), k)).contains(in1.withVersion(1));
      assertThat(store.findByIdempotencyKey(c2.id(), k)).contains(in2.withVersion(1));
    }

    @Test
    @DisplayName("a key is found in its campaign only; unknown keys find nothing")
    void findByKey() {
      Campaign c = storedCampaign();
      Campaign other = storedCampaign();
      String key = unique("kiosk");
      Submission s = inserted(withKey(c.id(), unique("p"), key));
      assertThat(store.findByIdempotencyKey(c.id(), IdempotencyKey.of(key))).contains(s);
      assertThat(store.findByIdempotencyKey(other.id(), IdempotencyKey.of(key))).isEmpty();
      assertThat(store.findByIdempotencyKey(c.id(), IdempotencyKey.of(unique("never")))).isEmpty();
    }

    @Test
    @DisplayName(
        "keys are looked up many at a time: each stored key of the campaign maps to its"
            + " submission; keys of other campaigns and unknown keys are left out")
    void findByManyKeys() {
      Campaign c = storedCampaign();
      Campaign other = storedCampaign();
      String k1 = unique("kiosk");
      String k2 = unique("kiosk");
      String elsewhere = unique("kiosk");
      Submission s1 = inserted(withKey(c.id(), unique("p"), k1));
      Submission s2 = inserted(withKey(c.id(), unique("p"), k2));
      inserted(withKey(other.id(), unique("p"), elsewhere));
      assertThat(
              store.findByIdempotencyKeys(
                  c.id(),
                  List.of(
                      IdempotencyKey.of(k1),
                      IdempotencyKey.of(k2),
                      IdempotencyKey.of(elsewhere),
                      IdempotencyKey.of(unique("never")))))
          .containsOnly(
              java.util.Map.entry(IdempotencyKey.of(k1), s1),
              java.util.Map.entry(IdempotencyKey.of(k2), s2));
      assertThat(store.findByIdempotencyKeys(c.id(), List.of())).isEmpty();
    }

    @Test
    @DisplayName("the key is checked before the limit: a retry at the limit is a duplicate")
    void keyBeforeLimit() {
      Campaign c = storedCampaign();
      String p = unique("p");
      String key = unique("kiosk");
      Submission first = withKey(c.id(), p, key);
      store.insert(first, 1);
      assertThat(store.insert(withKey(c.id(), p, key), 1))
          .isEqualTo(new InsertOutcome.Duplicate(first.withVersion(1)));
    }

    @Test
    @DisplayName("8 threads inserting with the same key store exactly one submission")
    void concurrentSameKey() throws Exception {
      Campaign c = storedCampaign();
      String key = unique("kiosk");
      List<InsertOutcome> outcomes =
          concurrently(THREADS, t -> store.insert(withKey(c.id(), unique("p"), key), NO_LIMIT));
      List<Submission> insertedOnes =
          outcomes.stream()
              .filter(o -> o instanceof InsertOutcome.Inserted)
              .map(o -> ((InsertOutcome.Inserted) o).stored())
              .toList();
      assertThat(insertedOnes).hasSize(1);
      assertThat(outcomes)
          .filteredOn(o -> o instanceof InsertOutcome.Duplicate)
          .hasSize(THREADS - 1)
          .allSatisfy(
              o ->
                  assertThat(((InsertOutcome.Duplicate) o).existing().id())
                      .isEqualTo(insertedOnes.get(0).id()));
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(1);
    }
  }

  /**
   * Intake's idempotency on this store: the store reports the submission it already has under a
   * key, and core tells a replay from a conflict, so the behaviour is the same on every backend.
   */
  @Nested
  @DisplayName("idempotency through intake")
  class IdempotencyThroughIntake {
    private Spirit spirit() {
      // Not closed by the test: closing it would close the store, which the contract closes.
      return Spirit.builder()
          .store(store)
          .clock(Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC))
          .build();
    }

    private SubmissionRequest request(Campaign c, String participant, String text, String key) {
      return SubmissionRequest.builder(c.id())
          .text(text)
          .district("yuzhong")
          .channel(Channel.MESSAGE_BOARD)
          .participant(Participant.consenting(participant, Role.RESIDENT))
          .idempotencyKey(key)
          .build();
    }

    private Campaign openCampaign(Spirit spirit) {
      Campaign c = spirit.campaigns().create(campaign());
      return spirit.campaigns().move(c.id(), CampaignState.OPEN);
    }

    @Test
    @DisplayName(
        "the same key with the same content replays; with another text it is refused as a"
            + " conflict and nothing new is stored")
    void sameKeyOtherContentConflicts() {
      Spirit spirit = spirit();
      Campaign c = openCampaign(spirit);
      String p = unique("p");
      String key = unique("kiosk");
      Receipt.Accepted first = spirit.submit(request(c, p, "耿直", key)).orThrow();
      Receipt.Accepted replay = spirit.submit(request(c, p, "耿直", key)).orThrow();
      Receipt conflict = spirit.submit(request(c, p, "雄壮", key));

      assertThat(replay).isEqualTo(new Receipt.Accepted(first.id(), first.status(), true));
      assertThat(conflict).isInstanceOf(Receipt.Rejected.class);
      assertThat(((Receipt.Rejected) conflict).has(RejectionCode.IDEMPOTENCY_CONFLICT)).isTrue();
      assertThatThrownBy(conflict::orThrow)
          .isInstanceOf(IdempotencyConflictException.class)
          .hasMessageContaining("conflict")
          .hasMessageContaining(key)
          .hasMessageContaining("text");
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(1);
      assertThat(store.find(first.id()).orElseThrow().text().original()).isEqualTo("耿直");
    }

    @Test
    @DisplayName(
        "8 threads racing with one key and 8 different texts: one is stored, every other one is"
            + " a conflict naming it")
    void racingDifferentContent() throws Exception {
      Spirit spirit = spirit();
      Campaign c = openCampaign(spirit);
      String key = unique("kiosk");
      String p = unique("p");
      List<String> texts = List.of("耿直", "雄壮", "热情", "包容", "坚韧", "豪爽", "开放", "火辣");
      List<Receipt> receipts =
          concurrently(THREADS, t -> spirit.submit(request(c, p, texts.get(t), key)));

      List<Receipt.Accepted> accepted =
          receipts.stream()
              .filter(r -> r instanceof Receipt.Accepted)
              .map(r -> (Receipt.Accepted) r)
              .toList();
      assertThat(accepted).hasSize(1);
      assertThat(receipts)
          .filteredOn(r -> r instanceof Receipt.Rejected)
          .hasSize(THREADS - 1)
          .allSatisfy(
              r -> {
                assertThat(((Receipt.Rejected) r).has(RejectionCode.IDEMPOTENCY_CONFLICT)).isTrue();
                assertThat(((Receipt.Rejected) r).reasons().get(0).message())
                    .contains(accepted.get(0).id().toString());
              });
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(1);
    }
  }

  /** {@code campaigns().ensure(...)}: get-or-create by slug, decided by the store's slug check. */
  @Nested
  @DisplayName("get-or-create a campaign")
  class EnsureCampaign {
    @Test
    @DisplayName(
        "8 threads ensuring one slug with 8 different ids all get the one stored campaign; a"
            + " later ensure returns it unchanged")
    void concurrentEnsure() throws Exception {
      // Not closed: closing the facade would close the store, which the contract closes.
      Spirit spirit = Spirit.builder().store(store).build();
      Campaign template = campaign();
      List<Campaign> got =
          concurrently(
              THREADS,
              t ->
                  spirit
                      .campaigns()
                      .ensure(
                          Campaign.builder(template.slug())
                              .title("重庆城市精神 " + t, "Spirit of Chongqing City " + t)
                              .prompt("用一个词形容重庆", "Describe Chongqing in one word")
                              .districts("yuzhong")
                              .allChannels()
                              .createdAt(T0)
                              .build()));

      assertThat(got).extracting(Campaign::id).containsOnly(got.get(0).id());
      assertThat(store.listCampaigns())
          .filteredOn(c -> c.slug().equals(template.slug()))
          .singleElement()
          .isEqualTo(got.get(0));
      assertThat(spirit.campaigns().ensure(template)).isEqualTo(got.get(0));
    }
  }

  // ---- participant limit ----------------------------------------------------------------------

  /** The per-participant limit is enforced atomically by the store. */
  @Nested
  @DisplayName("participant limit")
  class ParticipantLimit {
    @Test
    @DisplayName("a participant at the limit is refused with their count; others are not")
    void sequential() {
      Campaign c = storedCampaign();
      String p = unique("p");
      for (int i = 0; i < 3; i++) {
        assertThat(store.insert(submission(c.id(), p).build(), 3))
            .isInstanceOf(InsertOutcome.Inserted.class);
      }
      Submission fourth = submission(c.id(), p).build();
      assertThat(store.insert(fourth, 3)).isEqualTo(new InsertOutcome.LimitReached(3));
      assertThat(store.find(fourth.id())).isEmpty();
      assertThat(store.insert(submission(c.id(), unique("p")).build(), 3))
          .isInstanceOf(InsertOutcome.Inserted.class);
      assertThat(
              store.count(
                  SubmissionFilter.builder(c.id()).participant(ParticipantId.of(p)).build()))
          .isEqualTo(3);
    }

    @Test
    @DisplayName("the limit counts per campaign: submissions to another campaign do not count")
    void perCampaign() {
      Campaign c1 = storedCampaign();
      Campaign c2 = storedCampaign();
      String p = unique("p");
      store.insert(submission(c1.id(), p).build(), 1);
      assertThat(store.insert(submission(c2.id(), p).build(), 1))
          .isInstanceOf(InsertOutcome.Inserted.class);
      assertThat(store.insert(submission(c1.id(), p).build(), 1))
          .isEqualTo(new InsertOutcome.LimitReached(1));
    }

    @Test
    @DisplayName("every stored submission counts towards the limit, whatever its status")
    void everyStatusCounts() {
      Campaign c = storedCampaign();
      String p = unique("p");
      Submission a = inserted(submission(c.id(), p));
      Submission b = inserted(submission(c.id(), p));
      store.update(a.withStatus(SubmissionStatus.REJECTED));
      store.update(b.withStatus(SubmissionStatus.WITHDRAWN));
      assertThat(store.insert(submission(c.id(), p).build(), 2))
          .isEqualTo(new InsertOutcome.LimitReached(2));
    }

    @Test
    @DisplayName("8 threads inserting for one participant with limit 20 store exactly 20")
    void concurrent() throws Exception {
      Campaign c = storedCampaign();
      String p = unique("p");
      int limit = 20;
      int perThread = 10;
      List<List<InsertOutcome>> results =
          concurrently(
              THREADS,
              t -> {
                List<InsertOutcome> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                  mine.add(store.insert(submission(c.id(), p).build(), limit));
                }
                return mine;
              });
      List<InsertOutcome> all = results.stream().flatMap(List::stream).toList();
      assertThat(all).filteredOn(o -> o instanceof InsertOutcome.Inserted).hasSize(limit);
      assertThat(all)
          .filteredOn(o -> o instanceof InsertOutcome.LimitReached)
          .hasSize(THREADS * perThread - limit)
          .allSatisfy(o -> assertThat(((InsertOutcome.LimitReached) o).count()).isEqualTo(limit));
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(limit);
      assertThat(streamedIds(SubmissionFilter.all(c.id()))).hasSize(limit);
    }
  }

  // ---- updates --------------------------------------------------------------------------------

  /** Submissions change only through versioned updates. */
  @Nested
  @DisplayName("submission updates")
  class Updates {
    @Test
    @DisplayName(
        "an update based on the stored version stores status, moderation, lease and appeal")
    void versionedUpdate() {
      Campaign c = storedCampaign();
      Submission stored = inserted(submission(c.id(), unique("p")));
      Submission changed =
          stored.toBuilder()
              .status(SubmissionStatus.REJECTED)
              .moderation(Optional.of(ModerationRecord.approved(T0.plusSeconds(5))))
              .reviewLease(Optional.of(new ReviewLease("moderator-chen", T0.plusSeconds(300))))
              .appealed(true)
              .build();
      Submission updated = store.update(changed);
      assertThat(updated).isEqualTo(changed.withVersion(2));
      assertThat(store.find(stored.id())).contains(updated);
      Submission cleared = store.update(updated.toBuilder().reviewLease(Optional.empty()).build());
      assertThat(cleared.version()).isEqualTo(3);
      assertThat(store.find(stored.id()).orElseThrow().reviewLease()).isEmpty();
    }

    @Test
    @DisplayName("an update based on a stale version is refused and changes nothing")
    void staleUpdate() {
      Campaign c = storedCampaign();
      Submission stored = inserted(submission(c.id(), unique("p")));
      Submission approved = store.update(stored.withStatus(SubmissionStatus.APPROVED));
      assertThatThrownBy(() -> store.update(stored.withStatus(SubmissionStatus.HIDDEN)))
          .isInstanceOf(VersionConflictException.class)
          .satisfies(e -> assertThat(((VersionConflictException) e).actualVersion()).isEqualTo(2));
      assertThat(store.find(stored.id())).contains(approved);
    }

    @Test
    @DisplayName("updating a submission that does not exist is refused with NotFoundException")
    void updateMissing() {
      Campaign c = storedCampaign();
      Submission never = submission(c.id(), unique("p")).version(1).build();
      assertThatThrownBy(() -> store.update(never)).isInstanceOf(NotFoundException.class);
      assertThat(store.find(never.id())).isEmpty();
    }

    @Test
    @DisplayName("of 8 threads updating from the same version exactly one succeeds")
    void concurrentUpdates() throws Exception {
      Campaign c = storedCampaign();
      Submission stored = inserted(submission(c.id(), unique("p")));
      List<Boolean> won =
          concurrently(
              THREADS,
              t -> {
                try {
                  store.update(stored.withStatus(SubmissionStatus.APPROVED));
                  return true;
                } catch (VersionConflictException e) {
                  return false;
                }
              });
      assertThat(won).containsOnlyOnce(true);
      assertThat(store.find(stored.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("queries, counts and streams see the status after an update")
    void indexesFollowUpdates() {
      Campaign c = storedCampaign();
      Submission stored = inserted(submission(c.id(), unique("p")));
      Submission approved = store.update(stored.withStatus(SubmissionStatus.APPROVED));
      SubmissionFilter pending =
          SubmissionFilter.builder(c.id()).status(SubmissionStatus.PENDING).build();
      SubmissionFilter publicOnes =
          SubmissionFilter.builder(c.id()).status(SubmissionStatus.APPROVED).build();
      assertThat(store.count(pending)).isZero();
      assertThat(store.query(pending, PageRequest.first(10)).items()).isEmpty();
      assertThat(store.count(publicOnes)).isEqualTo(1);
      assertThat(store.query(publicOnes, PageRequest.first(10)).items()).containsExactly(approved);
      try (Stream<Submission> s = store.stream(publicOnes)) {
        assertThat(s).containsExactly(approved);
      }
    }
  }

  /** Claiming submissions for review ({@link SpiritStore#claimUnleased}). */
  @Nested
  @DisplayName("review claims")
  class ReviewClaims {
    private final Instant now = T0.plusSeconds(3600);

    private SubmissionFilter pendingOf(Campaign c) {
      return SubmissionFilter.builder(c.id()).status(SubmissionStatus.PENDING).build();
    }

    @Test
    @DisplayName(
        "claims free and lapsed items oldest first, at most max, storing the lease and next version")
    void claimsFreeItems() {
      Campaign c = storedCampaign();
      Submission free = inserted(submission(c.id(), unique("p")));
      Submission held =
          store.update(
              inserted(submission(c.id(), unique("p"))).toBuilder()
                  .reviewLease(Optional.of(new ReviewLease("mod-b", now.plusSeconds(60))))
                  .build());
      ReviewLease lapsedLease = new ReviewLease("mod-c", now);
      Submission lapsed =
          store.update(
              inserted(submission(c.id(), unique("p"))).toBuilder()
                  .reviewLease(Optional.of(lapsedLease))
                  .build());
      Submission approved =
          store.update(
              inserted(submission(c.id(), unique("p"))).withStatus(SubmissionStatus.APPROVED));
      Submission last = inserted(submission(c.id(), unique("p")));
      ReviewLease lease = new ReviewLease("mod-a", now.plusSeconds(900));

      List<ClaimedSubmission> claimed = store.claimUnleased(pendingOf(c), lease, now, 2);

      assertThat(claimed)
          .extracting(x -> x.submission().id())
          .containsExactly(free.id(), lapsed.id());
      assertThat(claimed.get(0).submission())
          .isEqualTo(free.toBuilder().reviewLease(Optional.of(lease)).build().withVersion(2));
      assertThat(claimed.get(0).replaced()).isEmpty();
      assertThat(claimed.get(1).replaced()).contains(lapsedLease);
      assertThat(store.find(lapsed.id()).orElseThrow().reviewLease()).contains(lease);
      assertThat(store.find(held.id())).contains(held);
      assertThat(store.find(approved.id())).contains(approved);
      assertThat(store.find(last.id())).contains(last);
    }

    @Test
    @DisplayName("claims nothing when every matching item is held, and other campaigns never")
    void nothingFree() {
      Campaign c = storedCampaign();
      Campaign other = storedCampaign();
      inserted(submission(other.id(), unique("p")));
      Submission held =
          store.update(
              inserted(submission(c.id(), unique("p"))).toBuilder()
                  .reviewLease(Optional.of(new ReviewLease("mod-b", now.plusSeconds(1))))
                  .build());
      ReviewLease lease = new ReviewLease("mod-a", now.plusSeconds(900));
      assertThat(store.claimUnleased(pendingOf(c), lease, now, 10)).isEmpty();
      assertThat(store.find(held.id())).contains(held);
    }

    @Test
    @DisplayName("of 8 threads claiming pages of one queue, each item goes to exactly one")
    void concurrentClaimsAreDisjoint() throws Exception {
      Campaign c = storedCampaign();
      Set<SubmissionId> all = new HashSet<>();
      for (int i = 0; i < 40; i++) {
        all.add(inserted(submission(c.id(), unique("p"))).id());
      }
      List<List<ClaimedSubmission>> pages =
          concurrently(
              THREADS,
              t ->
                  store.claimUnleased(
                      pendingOf(c), new ReviewLease("mod-" + t, now.plusSeconds(900)), now, 5));
      List<SubmissionId> taken = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        for (ClaimedSubmission x : pages.get(t)) {
          taken.add(x.submission().id());
          assertThat(store.find(x.submission().id()).orElseThrow().reviewLease().orElseThrow())
              .isEqualTo(x.submission().reviewLease().orElseThrow())
              .extracting(ReviewLease::moderator)
              .isEqualTo("mod-" + t);
        }
      }
      assertThat(taken).doesNotHaveDuplicates().hasSize(40);
      assertThat(Set.copyOf(taken)).isEqualTo(all);
    }
  }

  /** Kiosk credentials ({@link SpiritStore#storeKiosk} and friends, {@code Spirit.kiosks()}). */
  @Nested
  @DisplayName("kiosk credentials")
  class KioskCredentials {
    private int next;

    private KioskCredential credential(String name) {
      String id = String.format("%016x", new Random().nextLong());
      String hash = String.format("%064x", ++next);
      return new KioskCredential(
          id, name, hash, T0, T0.plus(Duration.ofDays(30)), Optional.<Instant>empty());
    }

    @Test
    @DisplayName(
        "a stored credential is found by id and listed, in issue order, equal to what was stored")
    void roundTrip() {
      KioskCredential first = credential(unique("kiosk"));
      KioskCredential second = credential(unique("kiosk"));
      store.storeKiosk(first);
      store.storeKiosk(second);
      assertThat(store.findKiosk(first.id())).contains(first);
      assertThat(store.findKiosk(String.format("%016x", 0L))).isEmpty();
      assertThat(store.listKiosks()).containsSubsequence(first, second);
    }

    @Test
    @DisplayName("storing a credential with a known id replaces it and keeps its place in the list")
    void replace() {
      KioskCredential first = credential(unique("kiosk"));
      KioskCredential second = credential(unique("kiosk"));
      store.storeKiosk(first);
      store.storeKiosk(second);
      KioskCredential revoked = first.revoked(T0.plusSeconds(60));
      store.storeKiosk(revoked);
      assertThat(store.findKiosk(first.id())).contains(revoked);
      List<KioskCredential> all = store.listKiosks();
      assertThat(all).containsSubsequence(revoked, second).doesNotContain(first);
    }

    @Test
    @DisplayName(
        "issued tokens authenticate until revoked; forged, revoked and expired ones are refused")
    void throughSpirit() {
      Spirit spirit =
          Spirit.builder()
              .store(store)
              .clock(Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC))
              .build();
      IssuedKioskToken issued = spirit.kiosks().issue(unique("kiosk"), Duration.ofDays(7));
      assertThat(store.findKiosk(issued.credential().id())).contains(issued.credential());
      assertThat(store.findKiosk(issued.credential().id()).orElseThrow().secretHash())
          .isNotEqualTo(issued.token());
      assertThat(spirit.kiosks().authenticate(issued.token())).isEqualTo(issued.credential());
      String forged = issued.token().substring(0, issued.token().length() - 2) + "AA";
      assertThatThrownBy(() -> spirit.kiosks().authenticate(forged))
          .isInstanceOfSatisfying(
              KioskAuthenticationException.class,
              e -> assertThat(e.reason()).isEqualTo(KioskAuthenticationException.Reason.UNKNOWN));
      spirit.kiosks().revoke(issued.credential().id());
      assertThatThrownBy(() -> spirit.kiosks().authenticate(issued.token()))
          .isInstanceOfSatisfying(
              KioskAuthenticationException.class,
              e -> assertThat(e.reason()).isEqualTo(KioskAuthenticationException.Reason.REVOKED));
      KioskCredential old =
          new KioskCredential(
              String.format("%016x", new Random().nextLong()),
              unique("kiosk"),
              String.format("%064x", 7),
              T0,
              T0.plusSeconds(60),
              Optional.<Instant>empty());
      store.storeKiosk(old);
      assertThat(store.findKiosk(old.id()).orElseThrow().isActiveAt(T0.plus(Duration.ofDays(1))))
          .isFalse();
    }
  }

  // ---- queries --------------------------------------------------------------------------------

  /** Filters, order and keyset pagination. */
  @Nested
  @DisplayName("queries")
  class Queries {
    private Campaign c;
    private final String alice = unique("alice");
    private final String bob = unique("bob");
    private final List<Submission> all = new ArrayList<>();

    /** A campaign with submissions across statuses, districts, channels, people and times. */
    @BeforeEach
    void seed() {
      c = storedCampaign();
      Campaign other = storedCampaign();
      SubmissionStatus[] statuses = SubmissionStatus.values();
      String[] districts = {"yuzhong", "jiangbei", "wanzhou"};
      Channel[] channels = Channel.values();
      List<Submission> batch = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        Instant at = T0.plusSeconds(60L * i);
        batch.add(
            submission(c.id(), i % 3 == 0 ? bob : alice)
                .id(SubmissionId.generate(at))
                .receivedAt(at)
                .status(statuses[i % statuses.length])
                .district(District.of(districts[i % districts.length]))
                .channel(channels[i % channels.length])
                .build());
      }
      // Insert out of id order: the store must still return ascending ids.
      List<Submission> shuffled = new ArrayList<>(batch);
      Collections.shuffle(shuffled, new Random(42));
      shuffled.forEach(s -> all.add(inserted(s)));
      all.sort((a, b) -> a.id().compareTo(b.id()));
      // Noise in another campaign with the same people: never returned.
      inserted(submission(other.id(), alice));
      inserted(submission(other.id(), bob).status(SubmissionStatus.APPROVED));
    }

    private List<Submission> expected(java.util.function.Predicate<Submission> p) {
      return all.stream().filter(p).toList();
    }

    private void assertQueryReturns(SubmissionFilter filter, List<Submission> expected) {
      assertThat(expected).as("the seed covers this filter").isNotEmpty();
      assertThat(store.query(filter, PageRequest.first(PageRequest.MAX_LIMIT)).items())
          .containsExactlyElementsOf(expected);
      assertThat(pagedIds(filter, 4)).containsExactlyElementsOf(ids(expected));
      assertThat(store.count(filter)).isEqualTo(expected.size());
      assertThat(streamedIds(filter)).containsExactlyElementsOf(ids(expected));
    }

    @Test
    @DisplayName(
        "an unfiltered query returns every submission of the campaign in ascending id order")
    void allInIdOrder() {
      List<Submission> found =
          store.query(SubmissionFilter.all(c.id()), PageRequest.first(1000)).items();
      assertThat(found).containsExactlyElementsOf(all);
      assertThat(ids(found)).isSorted().containsExactlyElementsOf(sortedIds(all));
    }

    @Test
    @DisplayName("a status set returns submissions in any of those statuses")
    void byStatusSet() {
      assertQueryReturns(
          SubmissionFilter.builder(c.id())
              .status(SubmissionStatus.APPROVED, SubmissionStatus.HIDDEN)
              .build(),
          expected(
              s ->
                  s.status() == SubmissionStatus.APPROVED
                      || s.status() == SubmissionStatus.HIDDEN));
      assertQueryReturns(
          SubmissionFilter.builder(c.id()).status(SubmissionStatus.WITHDRAWN).build(),
          expected(s -> s.status() == SubmissionStatus.WITHDRAWN));
    }

    @Test
    @DisplayName("a district condition returns that district's submissions only")
    void byDistrict() {
      assertQueryReturns(
          SubmissionFilter.builder(c.id()).district(District.of("jiangbei")).build(),
          expected(s -> s.district().code().equals("jiangbei")));
    }

    @Test
    @DisplayName("a district with no submissions returns an empty last page")
    void byEmptyDistrict() {
      SubmissionFilter f = SubmissionFilter.builder(c.id()).district(District.of("beibei")).build();
      Page<Submission> page = store.query(f, PageRequest.first(10));
      assertThat(page.items()).isEmpty();
      assertThat(page.next()).isEmpty();
      assertThat(store.count(f)).isZero();
    }

    @Test
    @DisplayName("a channel condition returns that channel's submissions only")
    void byChannel() {
      assertQueryReturns(
          SubmissionFilter.builder(c.id()).channel(Channel.MAILBOX).build(),
          expected(s -> s.channel() == Channel.MAILBOX));
    }

    @Test
    @DisplayName("a participant condition returns that participant's submissions in this campaign")
    void byParticipant() {
      assertQueryReturns(
          SubmissionFilter.builder(c.id()).participant(ParticipantId.of(bob)).build(),
          expected(s -> s.participant().id().value().equals(bob)));
    }

    @Test
    @DisplayName("a time range includes its start instant and excludes its end instant")
    void byTimeRange() {
      Instant from = T0.plusSeconds(60L * 5);
      Instant before = T0.plusSeconds(60L * 12);
      List<Submission> inRange =
          expected(s -> !s.receivedAt().isBefore(from) && s.receivedAt().isBefore(before));
      assertThat(inRange).hasSize(7);
      assertThat(inRange.get(0).receivedAt()).isEqualTo(from);
      assertQueryReturns(
          SubmissionFilter.builder(c.id()).receivedBetween(from, before).build(), inRange);
    }

    @Test
    @DisplayName("time range edges are exact to the nanosecond")
    void timeRangeNanosecondEdges() {
      Instant at = T0.plusSeconds(3600).plusNanos(1);
      Submission s = inserted(submission(c.id(), unique("edge")).receivedAt(at));
      assertThat(
              store.count(
                  SubmissionFilter.builder(c.id()).receivedBetween(at, at.plusNanos(1)).build()))
          .isEqualTo(1);
      assertThat(
              store
                  .query(
                      SubmissionFilter.builder(c.id()).receivedBetween(at, at.plusNanos(1)).build(),
                      PageRequest.first(10))
                  .items())
          .containsExactly(s);
      assertThat(
              store.count(
                  SubmissionFilter.builder(c.id()).receivedBetween(at.minusNanos(1), at).build()))
          .isZero();
      assertThat(
              store.count(
                  SubmissionFilter.builder(c.id())
                      .receivedBetween(at.plusNanos(1), at.plusSeconds(1))
                      .build()))
          .isZero();
    }

    @Test
    @DisplayName("all conditions together must hold at once")
    void combined() {
      SubmissionFilter f =
          SubmissionFilter.builder(c.id())
              .status(SubmissionStatus.PENDING, SubmissionStatus.APPROVED, SubmissionStatus.HIDDEN)
              .participant(ParticipantId.of(alice))
              .district(District.of("jiangbei"))
              .receivedBetween(T0, T0.plusSeconds(60L * 25))
              .build();
      assertQueryReturns(f, expected(f::matches));
    }

    @Test
    @DisplayName("submissions of other campaigns never appear")
    void campaignIsolation() {
      assertThat(store.query(SubmissionFilter.all(c.id()), PageRequest.first(1000)).items())
          .allSatisfy(s -> assertThat(s.campaignId()).isEqualTo(c.id()));
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(all.size());
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 3, 7, 10, 29, 30, 31, 1000})
    @DisplayName("pages of any size concatenate to the whole result, each full but the last")
    void pageSizes(int size) {
      List<Page<Submission>> pages = pages(SubmissionFilter.all(c.id()), size);
      List<Submission> concatenated = pages.stream().flatMap(p -> p.items().stream()).toList();
      assertThat(concatenated).containsExactlyElementsOf(all);
      int expectedPages = (all.size() + size - 1) / size;
      assertThat(pages).hasSize(expectedPages);
      for (int i = 0; i < pages.size() - 1; i++) {
        assertThat(pages.get(i).items()).hasSize(size);
        assertThat(pages.get(i).next()).isPresent();
      }
      assertThat(pages.get(pages.size() - 1).next()).isEmpty();
    }

    @Test
    @DisplayName("next is empty exactly on the page holding the last match, even when it is full")
    void nextEmptyExactlyAtEnd() {
      // 30 submissions in pages of 10: the third page is full and last, so no empty fourth page.
      Page<Submission> p1 = store.query(SubmissionFilter.all(c.id()), PageRequest.first(10));
      Page<Submission> p2 =
          store.query(SubmissionFilter.all(c.id()), PageRequest.after(p1.next().orElseThrow(), 10));
      Page<Submission> p3 =
          store.query(SubmissionFilter.all(c.id()), PageRequest.after(p2.next().orElseThrow(), 10));
      assertThat(p3.items()).hasSize(10);
      assertThat(p3.next()).isEmpty();
      // With a filter whose last match is followed by non-matching submissions.
      SubmissionFilter bobs =
          SubmissionFilter.builder(c.id()).participant(ParticipantId.of(bob)).build();
      List<Submission> bobsAll = expected(s -> s.participant().id().value().equals(bob));
      assertThat(all.get(all.size() - 1).participant().id().value()).isEqualTo(alice);
      Page<Submission> whole = store.query(bobs, PageRequest.first(bobsAll.size()));
      assertThat(whole.items()).containsExactlyElementsOf(bobsAll);
      assertThat(whole.next()).isEmpty();
      Page<Submission> allButOne = store.query(bobs, PageRequest.first(bobsAll.size() - 1));
      assertThat(allButOne.next()).isPresent();
    }

    @Test
    @DisplayName("a cursor names the last item of its page")
    void cursorIsLastItem() {
      Page<Submission> page = store.query(SubmissionFilter.all(c.id()), PageRequest.first(4));
      assertThat(page.next()).contains(new PageCursor(page.items().get(3).id()));
    }

    @Test
    @DisplayName("a cursor after the last item gives an empty last page")
    void cursorAfterLast() {
      PageCursor afterLast = new PageCursor(all.get(all.size() - 1).id());
      Page<Submission> page =
          store.query(SubmissionFilter.all(c.id()), PageRequest.after(afterLast, 5));
      assertThat(page.items()).isEmpty();
      assertThat(page.next()).isEmpty();
    }

    @Test
    @DisplayName("a cursor whose submission no longer matches or exists still continues after it")
    void cursorOfVanishedSubmission() {
      Submission pivot = all.get(9);
      String gone = unique("gone");
      // A submission between pivot and its successor that is then erased.
      Submission between =
          inserted(
              submission(c.id(), gone)
                  .id(
                      new SubmissionId(
                          new java.util.UUID(
                              pivot.id().value().getMostSignificantBits(),
                              pivot.id().value().getLeastSignificantBits() + 1)))
                  .build());
      assertThat(store.eraseParticipant(ParticipantId.of(gone))).isEqualTo(1);
      Page<Submission> page =
          store.query(
              SubmissionFilter.all(c.id()), PageRequest.after(new PageCursor(between.id()), 5));
      assertThat(page.items()).containsExactlyElementsOf(all.subList(10, 15));
    }

    @Test
    @DisplayName("a campaign without submissions gives an empty last page and a count of 0")
    void emptyCampaign() {
      Campaign empty = storedCampaign();
      Page<Submission> page = store.query(SubmissionFilter.all(empty.id()), PageRequest.first(10));
      assertThat(page.items()).isEmpty();
      assertThat(page.next()).isEmpty();
      assertThat(store.count(SubmissionFilter.all(empty.id()))).isZero();
      assertThat(streamedIds(SubmissionFilter.all(empty.id()))).isEmpty();
    }

    @Test
    @DisplayName("count agrees with query and stream for every single-condition filter")
    void countAgreesWithQuery() {
      List<SubmissionFilter> filters = new ArrayList<>();
      filters.add(SubmissionFilter.all(c.id()));
      for (SubmissionStatus s : SubmissionStatus.values()) {
        filters.add(SubmissionFilter.builder(c.id()).status(s).build());
      }
      for (Channel ch : Channel.values()) {
        filters.add(SubmissionFilter.builder(c.id()).channel(ch).build());
      }
      for (String d : List.of("yuzhong", "jiangbei", "wanzhou", "beibei")) {
        filters.add(SubmissionFilter.builder(c.id()).district(District.of(d)).build());
      }
      filters.add(SubmissionFilter.builder(c.id()).participant(ParticipantId.of(alice)).build());
      filters.add(
          SubmissionFilter.builder(c.id())
              .receivedBetween(T0.plusSeconds(1), T0.plusSeconds(600))
              .build());
      for (SubmissionFilter f : filters) {
        List<SubmissionId> paged = pagedIds(f, 6);
        assertThat(store.count(f)).as("count of %s", f).isEqualTo(paged.size());
        assertThat(streamedIds(f)).as("stream of %s", f).containsExactlyElementsOf(paged);
        assertThat(paged).as("query of %s", f).containsExactlyElementsOf(ids(expected(f::matches)));
      }
    }

    @Test
    @DisplayName("a stream returns the filtered submissions in ascending id order")
    void streamOrderAndFilter() {
      SubmissionFilter f =
          SubmissionFilter.builder(c.id())
              .status(SubmissionStatus.PENDING, SubmissionStatus.REJECTED)
              .build();
      try (Stream<Submission> s = store.stream(f)) {
        assertThat(s).containsExactlyElementsOf(expected(f::matches));
      }
    }
  }

  // ---- pagination under concurrent inserts ----------------------------------------------------

  /** Keyset pagination stays correct while other threads insert. */
  @Nested
  @DisplayName("pagination under concurrent inserts")
  class ConcurrentPagination {
    @Test
    @DisplayName("paging while a writer inserts never skips or repeats a pre-existing submission")
    void neverSkipsOrRepeats() throws Exception {
      Campaign c = storedCampaign();
      // 600 ids in ascending order: the even ones exist before paging, the odd ones are inserted
      // by a writer while a reader pages, so new submissions land before, inside and after pages.
      List<SubmissionId> ids = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        ids.add(SubmissionId.generate(T0.plusMillis(i)));
      }
      Collections.sort(ids);
      String p = unique("p");
      Set<SubmissionId> preExisting = new HashSet<>();
      List<Submission> late = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        Submission s = submission(c.id(), p).id(ids.get(i)).build();
        if (i % 2 == 0) {
          inserted(s);
          preExisting.add(s.id());
        } else {
          late.add(s);
        }
      }
      Collections.shuffle(late, new Random(7));
      Semaphore pagesRead = new Semaphore(0);
      ConcurrentLinkedQueue<Throwable> writerErrors = new ConcurrentLinkedQueue<>();
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < late.size(); i++) {
                    if (i % 10 == 0) {
                      // Keep pace with the reader: a batch of inserts per page read, at most.
                      // Pacing only: if the reader is slow, carry on regardless.
                      boolean unused = pagesRead.tryAcquire(1, 5, TimeUnit.SECONDS);
                    }
                    store.insert(late.get(i), NO_LIMIT);
                  }
                } catch (Throwable e) {
                  writerErrors.add(e);
                }
              },
              "tck-writer");
      writer.start();
      List<SubmissionId> seen = new ArrayList<>();
      SubmissionFilter f = SubmissionFilter.all(c.id());
      Page<Submission> page = store.query(f, PageRequest.first(9));
      page.items().forEach(s -> seen.add(s.id()));
      pagesRead.release();
      while (page.next().isPresent()) {
        page = store.query(f, PageRequest.after(page.next().get(), 9));
        page.items().forEach(s -> seen.add(s.id()));
        pagesRead.release();
      }
      // The reader is done: let the writer finish without waiting for more pages.
      pagesRead.release(late.size());
      writer.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(writerErrors).isEmpty();
      assertThat(seen).doesNotHaveDuplicates().isSorted();
      assertThat(seen).containsAll(preExisting);
      assertThat(store.count(f)).isEqualTo(600);
    }
  }

  // ---- reactions ------------------------------------------------------------------------------

  /** Endorsements and reports. */
  @Nested
  @DisplayName("reactions")
  class Reactions {
    private Reaction reaction(Submission s, String by, ReactionType type, Instant at) {
      return new Reaction(
          s.id(),
          s.campaignId(),
          ParticipantId.of(by),
          type,
          type == ReactionType.REPORT ? Optional.of("不文明 🙅 \"spam\"") : Optional.empty(),
          at);
    }

    @Test
    @DisplayName("one reaction per person, type and submission is stored; a repeat is refused")
    void onePerPersonTypeSubmission() {
      Campaign c = storedCampaign();
      Submission s = inserted(submission(c.id(), unique("p")));
      String fan = unique("fan");
      assertThat(store.addReaction(reaction(s, fan, ReactionType.ENDORSE, T0))).isTrue();
      assertThat(store.addReaction(reaction(s, fan, ReactionType.ENDORSE, T0.plusSeconds(1))))
          .isFalse();
      assertThat(store.addReaction(reaction(s, fan, ReactionType.REPORT, T0.plusSeconds(2))))
          .isTrue();
      assertThat(store.countReactions(s.id(), ReactionType.ENDORSE)).isEqualTo(1);
      assertThat(store.countReactions(s.id(), ReactionType.REPORT)).isEqualTo(1);
    }

    @Test
    @DisplayName("reactions are counted per submission and type, each person once")
    void counts() {
      Campaign c = storedCampaign();
      Submission s = inserted(submission(c.id(), unique("p")));
      Submission t = inserted(submission(c.id(), unique("p")));
      for (int i = 0; i < 3; i++) {
        store.addReaction(reaction(s, unique("fan"), ReactionType.ENDORSE, T0.plusSeconds(i)));
      }
      store.addReaction(reaction(t, unique("fan"), ReactionType.ENDORSE, T0));
      assertThat(store.countReactions(s.id(), ReactionType.ENDORSE)).isEqualTo(3);
      assertThat(store.countReactions(s.id(), ReactionType.REPORT)).isZero();
      assertThat(store.countReactions(t.id(), ReactionType.ENDORSE)).isEqualTo(1);
    }

    @Test
    @DisplayName("8 threads adding the same reaction store it once")
    void concurrentDuplicates() throws Exception {
      Campaign c = storedCampaign();
      Submission s = inserted(submission(c.id(), unique("p")));
      String fan = unique("fan");
      List<Boolean> added =
          concurrently(
              THREADS,
              t -> store.addReaction(reaction(s, fan, ReactionType.REPORT, T0.plusMillis(t))));
      assertThat(added).containsOnlyOnce(true);
      assertThat(store.countReactions(s.id(), ReactionType.REPORT)).isEqualTo(1);
      try (Stream<Reaction> r = store.streamReactions(c.id())) {
        assertThat(r).hasSize(1);
      }
    }

    @Test
    @DisplayName(
        "a campaign's reactions stream oldest first, equal to what was added, and no other's")
    void streamOrder() {
      Campaign c = storedCampaign();
      Campaign other = storedCampaign();
      Submission s = inserted(submission(c.id(), unique("p")));
      Submission elsewhere = inserted(submission(other.id(), unique("p")));
      List<Reaction> added = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Reaction r =
            reaction(
                s,
                unique("fan"),
                i % 2 == 0 ? ReactionType.ENDORSE : ReactionType.REPORT,
                T0.plusSeconds(i));
        store.addReaction(r);
        added.add(r);
        store.addReaction(
            reaction(elsewhere, unique("fan"), ReactionType.ENDORSE, T0.plusSeconds(i)));
      }
      try (Stream<Reaction> r = store.streamReactions(c.id())) {
        assertThat(r).containsExactlyElementsOf(added);
      }
    }

    @Test
    @DisplayName("a reaction to a submission that does not exist is refused with NotFoundException")
    void missingSubmission() {
      Campaign c = storedCampaign();
      inserted(submission(c.id(), unique("p")));
      Submission never = submission(c.id(), unique("p")).build();
      assertThatThrownBy(
              () -> store.addReaction(reaction(never, unique("fan"), ReactionType.ENDORSE, T0)))
          .isInstanceOf(NotFoundException.class);
      assertThat(store.countReactions(never.id(), ReactionType.ENDORSE)).isZero();
    }
  }

  // ---- audit ----------------------------------------------------------------------------------

  /** The append-only audit log. */
  @Nested
  @DisplayName("audit log")
  class Audit {
    private static final List<SubmissionStatus> AUDIT_STATUSES =
        List.of(
            SubmissionStatus.PENDING,
            SubmissionStatus.APPROVED,
            SubmissionStatus.HIDDEN,
            SubmissionStatus.REJECTED,
            SubmissionStatus.WITHDRAWN);

    private AuditEntry entry(Campaign c, SubmissionId id, int i) {
      return new AuditEntry(
          c.id(),
          id,
          "moderator-李",
          T0.plusSeconds(100 - i), // deliberately not in time order: append order is what counts
          AUDIT_STATUSES.get(i % AUDIT_STATUSES.size()),
          AUDIT_STATUSES.get((i + 1) % AUDIT_STATUSES.size()),
          "理由 " + i + " 👍 \"quoted\"\n");
    }

    @Test
    @DisplayName(
        "entries stream in the order they were appended, equal to what was appended apart from"
            + " the seal the store gave them")
    void appendOrder() {
      Campaign c = storedCampaign();
      Submission s = inserted(submission(c.id(), unique("p")));
      List<AuditEntry> appended = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        AuditEntry e = entry(c, s.id(), i);
        store.appendAudit(e);
        appended.add(e);
      }
      try (Stream<AuditEntry> log = store.streamAudit(c.id())) {
        assertThat(log.map(e -> e.withSeal(Optional.empty()))).containsExactlyElementsOf(appended);
      }
    }

    @Test
    @DisplayName(
        "each appended entry is sealed into its campaign's hash chain: sequences 1, 2, 3 … in"
            + " append order, each hash over the one before, and the stored chain verifies")
    void sealedIntoTheChain() {
      Campaign c = storedCampaign();
      Submission s = inserted(submission(c.id(), unique("p")));
      for (int i = 0; i < 5; i++) {
        store.appendAudit(entry(c, s.id(), i));
      }
      List<AuditEntry> log;
      try (Stream<AuditEntry> stored = store.streamAudit(c.id())) {
        log = stored.toList();
      }
      assertThat(log)
          .extracting(e -> e.seal().orElseThrow().sequence())
          .containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(log).extracting(e -> e.seal().orElseThrow().hash()).doesNotHaveDuplicates();
      AuditVerification verified = AuditChain.verify(log.iterator());
      assertThat(verified.intact()).as("%s", verified.firstBreak()).isTrue();
      assertThat(verified.entries()).isEqualTo(5);
      assertThat(verified.headHash()).contains(log.get(4).seal().orElseThrow().hash());
    }

    @Test
    @DisplayName(
        "an entry's lease holder and a seal it carried are stored as given and replaced, in that"
            + " order: the lease round-trips, a forged seal does not")
    void leaseStoredForgedSealReplaced() {
      Campaign c = storedCampaign();
      Submission s = inserted(submission(c.id(), unique("p")));
      AuditEntry leased =
          new AuditEntry(
              c.id(),
              s.id(),
              "moderator-王",
              T0,
              SubmissionStatus.PENDING,
              SubmissionStatus.APPROVED,
              "ok",
              Optional.of("moderator-王"),
              Optional.of(new AuditSeal(42, "00", "forged", "forged")));
      store.appendAudit(leased);
      try (Stream<AuditEntry> log = store.streamAudit(c.id())) {
        AuditEntry stored = log.findFirst().orElseThrow();
        assertThat(stored.lease()).contains("moderator-王");
        assertThat(stored.seal().orElseThrow().sequence()).isEqualTo(1);
        assertThat(stored.seal().orElseThrow().hash()).isNotEqualTo("forged");
      }
    }

    @Test
    @DisplayName(
        "appends from several threads at once never fork the chain: every sequence once, and it"
            + " verifies")
    void concurrentAppendsDoNotFork() throws Exception {
      Campaign c = storedCampaign();
      Submission s = inserted(submission(c.id(), unique("p")));
      int threads = 4;
      int each = 15;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int offset = t * each;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      store.appendAudit(entry(c, s.id(), offset + i));
                    }
                  }));
        }
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      List<AuditEntry> log;
      try (Stream<AuditEntry> stored = store.streamAudit(c.id())) {
        log = stored.toList();
      }
      assertThat(log)
          .extracting(e -> e.seal().orElseThrow().sequence())
          .containsExactlyElementsOf(
              java.util.stream.LongStream.rangeClosed(1, threads * each).boxed().toList());
      assertThat(AuditChain.verify(log.iterator()).intact()).isTrue();
    }

    @Test
    @DisplayName(
        "entries appended together (intake's batch), of two campaigns interleaved and beside"
            + " single appends from other threads, are sealed in order into their own chains")
    void appendedTogether() throws Exception {
      Campaign a = storedCampaign();
      Campaign b = storedCampaign();
      Submission sa = inserted(submission(a.id(), unique("p")));
      Submission sb = inserted(submission(b.id(), unique("p")));
      store.appendAudit(entry(a, sa.id(), 0));
      List<AuditEntry> batch = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        batch.add(i % 2 == 0 ? entry(a, sa.id(), i) : entry(b, sb.id(), i));
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<?> singles =
            pool.submit(
                () -> {
                  for (int i = 10; i < 20; i++) {
                    store.appendAudit(entry(a, sa.id(), i));
                  }
                });
        Future<?> together = pool.submit(() -> store.appendAuditAll(batch));
        singles.get(60, TimeUnit.SECONDS);
        together.get(60, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
      List<AuditEntry> logA;
      try (Stream<AuditEntry> stored = store.streamAudit(a.id())) {
        logA = stored.toList();
      }
      List<AuditEntry> logB;
      try (Stream<AuditEntry> stored = store.streamAudit(b.id())) {
        logB = stored.toList();
      }
      assertThat(logA).hasSize(1 + 3 + 10);
      assertThat(logA)
          .extracting(e -> e.seal().orElseThrow().sequence())
          .containsExactlyElementsOf(
              java.util.stream.LongStream.rangeClosed(1, 14).boxed().toList());
      assertThat(logA.stream().map(AuditEntry::reason).filter(r -> r.matches("理由 [246] .*\\n")))
          .as("the batch's entries of campaign a, in batch order")
          .containsExactly("理由 2 👍 \"quoted\"\n", "理由 4 👍 \"quoted\"\n", "理由 6 👍 \"quoted\"\n");
      assertThat(logB)
          .extracting(e -> e.withSeal(Optional.empty()))
          .containsExactly(batch.get(0), batch.get(2), batch.get(4));
      assertThat(AuditChain.verify(logA.iterator()).intact()).isTrue();
      assertThat(AuditChain.verify(logB.iterator()).intact()).isTrue();
      store.appendAuditAll(List.of());
    }

    @Test
    @DisplayName("each campaign's log holds only its own entries")
    void perCampaign() {
      Campaign a = storedCampaign();
      Campaign b = storedCampaign();
      Submission sa = inserted(submission(a.id(), unique("p")));
      Submission sb = inserted(submission(b.id(), unique("p")));
      AuditEntry ea = entry(a, sa.id(), 0);
      AuditEntry eb = entry(b, sb.id(), 1);
      store.appendAudit(ea);
      store.appendAudit(eb);
      try (Stream<AuditEntry> log = store.streamAudit(a.id())) {
        assertThat(log.map(e -> e.withSeal(Optional.empty()))).containsExactly(ea);
      }
      try (Stream<AuditEntry> log = store.streamAudit(b.id())) {
        assertThat(log)
            .as("each campaign has a chain of its own, starting at 1")
            .extracting(e -> e.withSeal(Optional.empty()), e -> e.seal().orElseThrow().sequence())
            .containsExactly(org.assertj.core.groups.Tuple.tuple(eb, 1L));
      }
      try (Stream<AuditEntry> log = store.streamAudit(storedCampaign().id())) {
        assertThat(log).isEmpty();
      }
    }
  }

  // ---- erasure --------------------------------------------------------------------------------

  /**
   * Consent as a record: kept with each submission exactly as given, and withdrawn through {@link
   * dev.spirit.Participants#withdrawConsent}, by unpublishing or by erasure.
   */
  @Nested
  @DisplayName("consent records")
  class ConsentRecords {
    private final ConsentText text = ConsentText.of("2026-12-v2", "我同意重庆城市精神征集使用我的留言。");
    private final Instant given = T0.minusSeconds(30);

    private Spirit spirit() {
      // Not closed by the test: closing it would close the store, which the contract closes.
      return Spirit.builder()
          .store(store)
          .clock(Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC))
          .build();
    }

    private Campaign withRules(SubmissionRules rules) {
      Campaign base = campaign();
      return Campaign.builder(base.slug() + "-consent")
          .title("重庆城市精神", "Spirit of Chongqing City")
          .prompt("用一个词形容重庆", "Describe Chongqing in one word")
          .districts("yuzhong", "jiangbei", "wanzhou")
          .allChannels()
          .createdAt(base.createdAt())
          .rules(rules)
          .build();
    }

    private Participant recorded(String id, ConsentPurpose... purposes) {
      return Participant.withConsent(
          ParticipantId.of(id), Role.RESIDENT, Consent.given(given, text, Set.of(purposes)));
    }

    @Test
    @DisplayName(
        "a consent record (time, text version and hash, purposes) is stored with the submission"
            + " and read back equal by find, query and stream")
    void recordRoundTrips() {
      Campaign c = storedCampaign();
      String p = unique("p");
      Participant who = recorded(p, ConsentPurpose.STATISTICS, ConsentPurpose.CONTACT);
      Submission stored = inserted(submission(c.id(), p).participant(who));

      Submission found = store.find(stored.id()).orElseThrow();
      assertThat(found).isEqualTo(stored);
      Consent back = found.participant().consentRecord().orElseThrow();
      assertThat(back.givenAt()).isEqualTo(given);
      assertThat(back.text()).contains(text);
      assertThat(back.purposes())
          .containsExactlyInAnyOrder(ConsentPurpose.STATISTICS, ConsentPurpose.CONTACT);
      assertThat(back.withdrawnAt()).isEmpty();
      assertThat(found.participant().consent()).isTrue();
      SubmissionFilter byThem = SubmissionFilter.builder(c.id()).participant(who.id()).build();
      assertThat(store.query(byThem, PageRequest.first(5)).items()).containsExactly(stored);
      try (Stream<Submission> s = store.stream(byThem)) {
        assertThat(s.toList()).containsExactly(stored);
      }
    }

    @Test
    @DisplayName(
        "a provenance's collection time (a card written weeks before it was typed in) is stored"
            + " with the submission and read back by find, query and stream; one without it"
            + " reads back without")
    void collectionTimeRoundTrips() {
      Campaign c = storedCampaign();
      String p = unique("p");
      Instant written = T0.minus(Duration.ofDays(17)).plusMillis(123);
      dev.spirit.submission.Provenance card =
          dev.spirit.submission.Provenance.enteredBy(
                  dev.spirit.submission.Provenance.Source.TRANSCRIBED_CARD,
                  "staff-zhao",
                  "festival-cards.csv")
              .collectedAt(written);
      Submission stored = inserted(submission(c.id(), p).provenance(card));
      Submission plain = inserted(submission(c.id(), p));

      Submission found = store.find(stored.id()).orElseThrow();
      assertThat(found).isEqualTo(stored);
      assertThat(found.provenance().collectedAt()).contains(written);
      assertThat(found.receivedAt()).isEqualTo(stored.receivedAt());
      assertThat(store.find(plain.id()).orElseThrow().provenance().collectedAt()).isEmpty();
      SubmissionFilter byThem =
          SubmissionFilter.builder(c.id()).participant(ParticipantId.of(p)).build();
      assertThat(store.query(byThem, PageRequest.first(5)).items())
          .containsExactlyInAnyOrder(stored, plain);
      try (Stream<Submission> s = store.stream(byThem)) {
        assertThat(s.toList()).containsExactlyInAnyOrder(stored, plain);
      }
    }

    @Test
    @DisplayName("a campaign's consent text and required purposes are stored with its rules")
    void campaignRulesRoundTrip() {
      Campaign c =
          store.insertCampaign(
              withRules(
                  SubmissionRules.builder()
                      .consentText(text)
                      .requiredPurposes(ConsentPurpose.PUBLISH, ConsentPurpose.STATISTICS)
                      .build()));
      SubmissionRules back = store.findCampaign(c.id()).orElseThrow().rules();
      assertThat(back.consentText()).contains(text);
      assertThat(back.requiredPurposes())
          .containsExactlyInAnyOrder(ConsentPurpose.PUBLISH, ConsentPurpose.STATISTICS);
    }

    @Test
    @DisplayName(
        "withdrawal by unpublishing keeps the submissions, records the time and takes PUBLISH away"
            + " from each, so none is public any more; others' submissions do not change")
    void unpublishKeepsSubmissionsPrivately() {
      Campaign c1 = storedCampaign();
      Campaign c2 = storedCampaign();
      String p = unique("p");
      Participant who =
          recorded(p, ConsentPurpose.PUBLISH, ConsentPurpose.STATISTICS, ConsentPurpose.CONTACT);
      Submission a =
          store.update(
              inserted(submission(c1.id(), p).participant(who))
                  .withStatus(SubmissionStatus.APPROVED));
      Submission b = inserted(submission(c2.id(), p).participant(who));
      Submission other =
          store.update(
              inserted(
                      submission(c1.id(), unique("other"))
                          .participant(recorded(unique("o"), ConsentPurpose.PUBLISH)))
                  .withStatus(SubmissionStatus.APPROVED));
      assertThat(a.visibleToPublic()).isTrue();

      Spirit spirit = spirit();
      int unpublished =
          spirit.participants().withdrawConsent(ParticipantId.of(p), Withdrawal.UNPUBLISH);

      assertThat(unpublished).isEqualTo(2);
      for (Submission before : List.of(a, b)) {
        Submission after = store.find(before.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.text()).isEqualTo(before.text());
        Consent consent = after.participant().consentRecord().orElseThrow();
        assertThat(consent.purposes())
            .containsExactlyInAnyOrder(ConsentPurpose.STATISTICS, ConsentPurpose.CONTACT);
        assertThat(consent.withdrawnAt()).contains(spirit.clock().instant());
        assertThat(consent.givenAt()).isEqualTo(given);
        assertThat(consent.text()).contains(text);
        assertThat(after.visibleToPublic()).isFalse();
        assertThat(after.countsInStatistics())
            .isEqualTo(after.status() == SubmissionStatus.APPROVED);
      }
      assertThat(store.find(other.id())).contains(other);
      assertThat(store.find(other.id()).orElseThrow().visibleToPublic()).isTrue();
      assertThat(spirit.participants().withdrawConsent(ParticipantId.of(p), Withdrawal.UNPUBLISH))
          .as("withdrawing again changes nothing")
          .isZero();
    }

    @Test
    @DisplayName(
        "unpublishing is audited once per submission, with the participant as actor and no"
            + " personal data, and the campaign's hash chain still verifies")
    void unpublishIsAudited() {
      Campaign c = storedCampaign();
      String p = unique("p");
      Submission s =
          inserted(submission(c.id(), p).participant(recorded(p, ConsentPurpose.PUBLISH)));

      spirit().participants().withdrawConsent(ParticipantId.of(p), Withdrawal.UNPUBLISH);

      List<AuditEntry> log;
      try (Stream<AuditEntry> entries = store.streamAudit(c.id())) {
        log = entries.toList();
      }
      assertThat(log)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.submissionId()).isEqualTo(s.id());
                assertThat(e.actor()).isEqualTo(AuditEntry.ACTOR_PARTICIPANT);
                assertThat(e.reason()).isEqualTo(AuditEntry.REASON_CONSENT_UNPUBLISH);
                assertThat(e.from()).isEqualTo(s.status());
                assertThat(e.to()).isEqualTo(s.status());
                assertThat(e.toString()).doesNotContain(p);
              });
      assertThat(AuditChain.verify(log.iterator()).intact()).isTrue();
      // Consent to publish alone is gone entirely, but the record says it was given and withdrawn.
      Participant after = store.find(s.id()).orElseThrow().participant();
      assertThat(after.consent()).isFalse();
      assertThat(after.consentRecord().orElseThrow().purposes()).isEmpty();
      assertThat(after.consentRecord().orElseThrow().withdrawnAt()).isPresent();
    }

    @Test
    @DisplayName(
        "consent given in the yes/no form is unpublished too: it becomes a record of every"
            + " purpose but PUBLISH, dated when the submission was received, with no text")
    void yesNoConsentUnpublishes() {
      Campaign c = storedCampaign();
      String p = unique("p");
      Submission s = inserted(submission(c.id(), p));

      spirit().participants().withdrawConsent(ParticipantId.of(p), Withdrawal.UNPUBLISH);

      Consent after = store.find(s.id()).orElseThrow().participant().consentRecord().orElseThrow();
      assertThat(after.text()).isEmpty();
      assertThat(after.givenAt()).isEqualTo(s.receivedAt());
      assertThat(after.purposes())
          .containsExactlyInAnyOrder(ConsentPurpose.STATISTICS, ConsentPurpose.CONTACT);
    }

    @Test
    @DisplayName(
        "withdrawal by erasure erases the participant's submissions everywhere and audits each"
            + " with the consent reason")
    void eraseErases() {
      Campaign c = storedCampaign();
      String p = unique("p");
      Submission s =
          inserted(submission(c.id(), p).participant(recorded(p, ConsentPurpose.PUBLISH)));
      Submission other = inserted(submission(c.id(), unique("other")));

      int erased = spirit().participants().withdrawConsent(ParticipantId.of(p), Withdrawal.ERASE);

      assertThat(erased).isEqualTo(1);
      assertThat(store.find(s.id())).isEmpty();
      assertThat(store.find(other.id())).contains(other);
      try (Stream<AuditEntry> entries = store.streamAudit(c.id())) {
        assertThat(entries.filter(e -> e.submissionId().equals(s.id())).map(AuditEntry::reason))
            .containsExactlyInAnyOrder(AuditEntry.REASON_ERASED, AuditEntry.REASON_CONSENT_ERASE);
      }
    }

    @Test
    @DisplayName(
        "intake against a campaign that names its consent text stores a matching record and"
            + " refuses a stale version")
    void intakeChecksTheVersion() {
      Spirit spirit = spirit();
      Campaign c =
          spirit.campaigns().create(withRules(SubmissionRules.builder().consentText(text).build()));
      c = spirit.campaigns().move(c.id(), CampaignState.OPEN);
      String p = unique("p");
      SubmissionRequest.Builder request =
          SubmissionRequest.builder(c.id())
              .text("耿直")
              .district("yuzhong")
              .channel(Channel.MESSAGE_BOARD);
      Receipt.Accepted ok =
          spirit.submit(request.participant(recorded(p, ConsentPurpose.PUBLISH)).build()).orThrow();
      Participant stale =
          Participant.withConsent(
              ParticipantId.of(p),
              Role.RESIDENT,
              Consent.given(
                  given, ConsentText.of("2026-11-v1", "旧的同意书"), Set.of(ConsentPurpose.PUBLISH)));
      Receipt refused = spirit.submit(request.text("雄壮").participant(stale).build());

      assertThat(
              store.find(ok.id()).orElseThrow().participant().consentRecord().orElseThrow().text())
          .contains(text);
      assertThat(refused).isInstanceOf(Receipt.Rejected.class);
      assertThat(((Receipt.Rejected) refused).has(RejectionCode.CONSENT_TEXT_MISMATCH)).isTrue();
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(1);
    }
  }

  /** Erasure of a participant. */
  @Nested
  @DisplayName("erasure")
  class Erasure {
    private Campaign c1;
    private Campaign c2;
    private final String gone = unique("gone");
    private final String stays = unique("stays");
    private final List<Submission> theirs = new ArrayList<>();
    private Submission kept;
    private Submission keptWithKey;
    private final String goneKey = unique("key");
    private final String keptKey = unique("key");

    @BeforeEach
    void seed() {
      c1 = storedCampaign();
      c2 = storedCampaign();
      theirs.add(inserted(withKey(c1.id(), gone, goneKey)));
      theirs.add(inserted(submission(c1.id(), gone)));
      theirs.add(inserted(submission(c2.id(), gone)));
      kept = inserted(submission(c1.id(), stays));
      keptWithKey = inserted(withKey(c2.id(), stays, keptKey));
      ParticipantId g = ParticipantId.of(gone);
      ParticipantId k = ParticipantId.of(stays);
      // Reactions by them, to them, and between others.
      store.addReaction(
          new Reaction(kept.id(), c1.id(), g, ReactionType.ENDORSE, Optional.empty(), T0));
      store.addReaction(
          new Reaction(theirs.get(0).id(), c1.id(), k, ReactionType.REPORT, Optional.of("x"), T0));
      store.addReaction(
          new Reaction(kept.id(), c1.id(), k, ReactionType.ENDORSE, Optional.empty(), T0));
      store.appendAudit(
          new AuditEntry(
              c1.id(),
              theirs.get(0).id(),
              "moderator",
              T0,
              SubmissionStatus.PENDING,
              SubmissionStatus.APPROVED,
              "ok"));
    }

    @Test
    @DisplayName("their submissions vanish from find, query, count and stream in every campaign")
    void submissionsVanish() {
      assertThat(store.eraseParticipant(ParticipantId.of(gone))).isEqualTo(3);
      for (Submission s : theirs) {
        assertThat(store.find(s.id())).isEmpty();
      }
      for (Campaign c : List.of(c1, c2)) {
        SubmissionFilter byThem =
            SubmissionFilter.builder(c.id()).participant(ParticipantId.of(gone)).build();
        assertThat(store.count(byThem)).isZero();
        assertThat(store.query(byThem, PageRequest.first(10)).items()).isEmpty();
        assertThat(streamedIds(SubmissionFilter.all(c.id())))
            .doesNotContainAnyElementsOf(ids(theirs));
      }
      assertThat(store.query(SubmissionFilter.all(c1.id()), PageRequest.first(10)).items())
          .containsExactly(kept);
    }

    @Test
    @DisplayName("their idempotency keys vanish: the key is free again")
    void keysVanish() {
      store.eraseParticipant(ParticipantId.of(gone));
      assertThat(store.findByIdempotencyKey(c1.id(), IdempotencyKey.of(goneKey))).isEmpty();
      assertThat(store.insert(withKey(c1.id(), unique("p"), goneKey), 10))
          .isInstanceOf(InsertOutcome.Inserted.class);
    }

    @Test
    @DisplayName("reactions by them and to their submissions vanish; others' reactions stay")
    void reactionsVanish() {
      store.eraseParticipant(ParticipantId.of(gone));
      assertThat(store.countReactions(kept.id(), ReactionType.ENDORSE)).isEqualTo(1);
      assertThat(store.countReactions(theirs.get(0).id(), ReactionType.REPORT)).isZero();
      try (Stream<Reaction> r = store.streamReactions(c1.id())) {
        assertThat(r)
            .singleElement()
            .satisfies(
                x -> {
                  assertThat(x.by().value()).isEqualTo(stays);
                  assertThat(x.submissionId()).isEqualTo(kept.id());
                });
      }
    }

    @Test
    @DisplayName("their count towards the participant limit starts again from zero")
    void limitResets() {
      assertThat(store.insert(submission(c1.id(), gone).build(), 2))
          .isEqualTo(new InsertOutcome.LimitReached(2));
      store.eraseParticipant(ParticipantId.of(gone));
      assertThat(store.insert(submission(c1.id(), gone).build(), 2))
          .isInstanceOf(InsertOutcome.Inserted.class);
      assertThat(store.insert(submission(c1.id(), gone).build(), 2))
          .isInstanceOf(InsertOutcome.Inserted.class);
      assertThat(store.insert(submission(c1.id(), gone).build(), 2))
          .isEqualTo(new InsertOutcome.LimitReached(2));
    }

    @Test
    @DisplayName("other participants' submissions, keys and counts are untouched")
    void othersUntouched() {
      store.eraseParticipant(ParticipantId.of(gone));
      assertThat(store.find(kept.id())).contains(kept);
      assertThat(store.find(keptWithKey.id())).contains(keptWithKey);
      assertThat(store.findByIdempotencyKey(c2.id(), IdempotencyKey.of(keptKey)))
          .contains(keptWithKey);
      assertThat(store.insert(submission(c1.id(), stays).build(), 1))
          .isEqualTo(new InsertOutcome.LimitReached(1));
    }

    @Test
    @DisplayName(
        "audit entries of their submissions stay, saying who changed what and when, with the"
            + " reason replaced by 'erased'; other entries keep theirs")
    void auditScrubbed() {
      AuditEntry others =
          new AuditEntry(
              c1.id(),
              kept.id(),
              "moderator",
              T0,
              SubmissionStatus.PENDING,
              SubmissionStatus.APPROVED,
              "fine");
      store.appendAudit(others);
      store.eraseParticipant(ParticipantId.of(gone));
      try (Stream<AuditEntry> log = store.streamAudit(c1.id())) {
        assertThat(log.map(e -> e.withSeal(Optional.empty())))
            .containsExactly(
                new AuditEntry(
                    c1.id(),
                    theirs.get(0).id(),
                    "moderator",
                    T0,
                    SubmissionStatus.PENDING,
                    SubmissionStatus.APPROVED,
                    AuditEntry.REASON_ERASED),
                others);
      }
    }

    @Test
    @DisplayName(
        "the audit chain still verifies after erasure: a scrubbed entry keeps its sequence, hash"
            + " and reason digest, and loses its reason and salt")
    void chainSurvivesErasure() {
      store.appendAudit(
          new AuditEntry(
              c1.id(),
              kept.id(),
              "moderator",
              T0,
              SubmissionStatus.PENDING,
              SubmissionStatus.APPROVED,
              "fine"));
      AuditSeal before;
      try (Stream<AuditEntry> log = store.streamAudit(c1.id())) {
        before = log.findFirst().orElseThrow().seal().orElseThrow();
      }
      store.eraseParticipant(ParticipantId.of(gone));
      List<AuditEntry> after;
      try (Stream<AuditEntry> log = store.streamAudit(c1.id())) {
        after = log.toList();
      }
      AuditSeal scrubbed = after.get(0).seal().orElseThrow();
      assertThat(after.get(0).reason()).isEqualTo(AuditEntry.REASON_ERASED);
      assertThat(scrubbed.reasonSalt()).isEmpty();
      assertThat(scrubbed.reasonDigest()).isEqualTo(before.reasonDigest());
      assertThat(scrubbed.hash()).isEqualTo(before.hash());
      assertThat(after.get(1).seal().orElseThrow().reasonSalt()).isNotEmpty();
      AuditVerification verified = AuditChain.verify(after.iterator());
      assertThat(verified.intact()).as("%s", verified.firstBreak()).isTrue();
      assertThat(verified.erasedReasons()).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "after erasure nothing of the participant can be read back: no submission, key,"
            + " reaction or audit reason of theirs in any campaign")
    void nothingReadBack() {
      String quoted = unique("their-own-words");
      store.appendAudit(
          new AuditEntry(
              c2.id(),
              theirs.get(2).id(),
              AuditEntry.ACTOR_PARTICIPANT,
              T0,
              SubmissionStatus.REJECTED,
              SubmissionStatus.PENDING,
              "appeal: " + quoted));
      store.addReaction(
          new Reaction(
              keptWithKey.id(),
              c2.id(),
              ParticipantId.of(gone),
              ReactionType.REPORT,
              Optional.of(quoted),
              T0));
      store.eraseParticipant(ParticipantId.of(gone));
      for (Campaign c : store.listCampaigns()) {
        try (Stream<Submission> all = store.stream(SubmissionFilter.all(c.id()))) {
          assertThat(all).noneMatch(x -> x.participant().id().value().equals(gone));
        }
        try (Stream<Reaction> reactions = store.streamReactions(c.id())) {
          assertThat(reactions)
              .noneMatch(r -> r.by().value().equals(gone) || r.reason().orElse("").equals(quoted))
              .noneMatch(r -> ids(theirs).contains(r.submissionId()));
        }
        try (Stream<AuditEntry> audit = store.streamAudit(c.id())) {
          assertThat(audit).noneMatch(a -> a.reason().contains(quoted));
        }
        assertThat(store.findByIdempotencyKey(c.id(), IdempotencyKey.of(goneKey))).isEmpty();
      }
      for (Submission s : theirs) {
        assertThat(store.find(s.id())).isEmpty();
        for (ReactionType type : ReactionType.values()) {
          assertThat(store.countReactions(s.id(), type)).isZero();
        }
      }
      assertThat(store.countReactions(keptWithKey.id(), ReactionType.REPORT)).isZero();
    }

    @Test
    @DisplayName("erasing an unknown participant returns 0 and changes nothing")
    void unknownParticipant() {
      assertThat(store.eraseParticipant(ParticipantId.of(unique("nobody")))).isZero();
      assertThat(store.count(SubmissionFilter.all(c1.id()))).isEqualTo(3);
      assertThat(store.count(SubmissionFilter.all(c2.id()))).isEqualTo(2);
      assertThat(store.countReactions(kept.id(), ReactionType.ENDORSE)).isEqualTo(2);
    }

    @Test
    @DisplayName("erasing twice deletes nothing the second time")
    void twice() {
      assertThat(store.eraseParticipant(ParticipantId.of(gone))).isEqualTo(3);
      assertThat(store.eraseParticipant(ParticipantId.of(gone))).isZero();
    }
  }

  // ---- retention purge ------------------------------------------------------------------------

  /** Erasure of every submission of a campaign (a retention purge). */
  @Nested
  @DisplayName("purge of a campaign's submissions")
  class Purge {
    private Campaign expired;
    private Campaign other;
    private final String author = unique("author");
    private final String key = unique("key");
    private final List<Submission> purged = new ArrayList<>();
    private Submission elsewhere;

    @BeforeEach
    void seed() {
      expired = storedCampaign();
      other = storedCampaign();
      purged.add(inserted(withKey(expired.id(), author, key)));
      purged.add(inserted(submission(expired.id(), unique("p"))));
      elsewhere = inserted(withKey(other.id(), author, key));
      ParticipantId reactor = ParticipantId.of(unique("reactor"));
      store.addReaction(
          new Reaction(
              purged.get(0).id(),
              expired.id(),
              reactor,
              ReactionType.ENDORSE,
              Optional.empty(),
              T0));
      store.addReaction(
          new Reaction(
              elsewhere.id(), other.id(), reactor, ReactionType.ENDORSE, Optional.empty(), T0));
      store.appendAudit(
          new AuditEntry(
              expired.id(),
              purged.get(1).id(),
              AuditEntry.ACTOR_PARTICIPANT,
              T0,
              SubmissionStatus.REJECTED,
              SubmissionStatus.PENDING,
              "appeal: in their words"));
    }

    @Test
    @DisplayName(
        "every submission of the campaign, its keys, reactions and counts vanish; the campaign"
            + " stays and its audit entries keep only the reason 'erased'")
    void campaignEmptied() {
      assertThat(store.eraseSubmissions(expired.id())).isEqualTo(2);
      assertThat(store.findCampaign(expired.id())).contains(expired);
      assertThat(store.count(SubmissionFilter.all(expired.id()))).isZero();
      assertThat(streamedIds(SubmissionFilter.all(expired.id()))).isEmpty();
      for (Submission s : purged) {
        assertThat(store.find(s.id())).isEmpty();
        assertThat(store.countReactions(s.id(), ReactionType.ENDORSE)).isZero();
      }
      assertThat(store.findByIdempotencyKey(expired.id(), IdempotencyKey.of(key))).isEmpty();
      try (Stream<Reaction> r = store.streamReactions(expired.id())) {
        assertThat(r).isEmpty();
      }
      try (Stream<AuditEntry> log = store.streamAudit(expired.id())) {
        assertThat(log)
            .singleElement()
            .satisfies(
                a -> {
                  assertThat(a.reason()).isEqualTo(AuditEntry.REASON_ERASED);
                  assertThat(a.submissionId()).isEqualTo(purged.get(1).id());
                  assertThat(a.to()).isEqualTo(SubmissionStatus.PENDING);
                });
      }
      assertThat(store.insert(submission(expired.id(), author).build(), 1))
          .as("the participant's count in the campaign starts again from zero")
          .isInstanceOf(InsertOutcome.Inserted.class);
    }

    @Test
    @DisplayName("other campaigns keep their submissions, keys, reactions and counts")
    void othersUntouched() {
      store.eraseSubmissions(expired.id());
      assertThat(store.find(elsewhere.id())).contains(elsewhere);
      assertThat(store.findByIdempotencyKey(other.id(), IdempotencyKey.of(key)))
          .contains(elsewhere);
      assertThat(store.countReactions(elsewhere.id(), ReactionType.ENDORSE)).isEqualTo(1);
      assertThat(store.insert(submission(other.id(), author).build(), 1))
          .isEqualTo(new InsertOutcome.LimitReached(1));
    }

    @Test
    @DisplayName("purging again, or a campaign that does not exist, deletes nothing")
    void idempotent() {
      assertThat(store.eraseSubmissions(expired.id())).isEqualTo(2);
      assertThat(store.eraseSubmissions(expired.id())).isZero();
      assertThat(store.eraseSubmissions(campaign().id())).isZero();
      assertThat(store.count(SubmissionFilter.all(other.id()))).isEqualTo(1);
    }
  }

  // ---- batches --------------------------------------------------------------------------------

  /** insertAll behaves like insert for each submission, in order. */
  @Nested
  @DisplayName("batch insert")
  class Batches {
    @Test
    @DisplayName("a batch returns one outcome per submission, in order, each stored with version 1")
    void inOrder() {
      Campaign c = storedCampaign();
      List<Submission> batch = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        batch.add(submission(c.id(), unique("p")).build());
      }
      List<InsertOutcome> outcomes = store.insertAll(batch, 10);
      assertThat(outcomes)
          .containsExactlyElementsOf(
              batch.stream()
                  .map(s -> (InsertOutcome) new InsertOutcome.Inserted(s.withVersion(1)))
                  .toList());
      assertThat(streamedIds(SubmissionFilter.all(c.id()))).containsExactlyElementsOf(ids(batch));
    }

    @Test
    @DisplayName("an empty batch returns no outcomes")
    void empty() {
      assertThat(store.insertAll(List.of(), 10)).isEmpty();
    }

    @Test
    @DisplayName(
        "one batch can mix inserted, duplicate and limit-reached outcomes, also within itself")
    void mixed() {
      Campaign c = storedCampaign();
      String p1 = unique("p");
      String p2 = unique("p");
      String earlierKey = unique("key");
      String batchKey = unique("key");
      Submission earlier = inserted(withKey(c.id(), unique("p"), earlierKey));
      Submission a = withKey(c.id(), p1, batchKey);
      Submission aRetry = withKey(c.id(), p1, batchKey);
      Submission b = submission(c.id(), p1).build();
      Submission overLimit = submission(c.id(), p1).build();
      Submission other = submission(c.id(), p2).build();
      Submission aRetryAtLimit = withKey(c.id(), p1, batchKey);
      Submission earlierRetry = withKey(c.id(), p2, earlierKey);
      List<InsertOutcome> outcomes =
          store.insertAll(List.of(a, aRetry, b, overLimit, other, aRetryAtLimit, earlierRetry), 2);
      assertThat(outcomes)
          .containsExactly(
              new InsertOutcome.Inserted(a.withVersion(1)),
              new InsertOutcome.Duplicate(a.withVersion(1)),
              new InsertOutcome.Inserted(b.withVersion(1)),
              new InsertOutcome.LimitReached(2),
              new InsertOutcome.Inserted(other.withVersion(1)),
              new InsertOutcome.Duplicate(a.withVersion(1)),
              new InsertOutcome.Duplicate(earlier));
      assertThat(streamedIds(SubmissionFilter.all(c.id())))
          .containsExactlyInAnyOrder(earlier.id(), a.id(), b.id(), other.id());
    }

    @Test
    @DisplayName(
        "a failed batch stored none or a prefix, and retrying it with the same keys stores no duplicates")
    void failedBatchRetry() {
      Campaign c = storedCampaign();
      Submission existing = inserted(submission(c.id(), unique("p")));
      List<String> keys = List.of(unique("key"), unique("key"), unique("key"));
      String p = unique("p");
      Submission a = withKey(c.id(), p, keys.get(0));
      Submission b = withKey(c.id(), p, keys.get(1));
      Submission clash = submission(c.id(), p).id(existing.id()).build();
      Submission d = withKey(c.id(), p, keys.get(2));
      assertThatThrownBy(() -> store.insertAll(List.of(a, b, clash, d), NO_LIMIT))
          .isInstanceOf(AlreadyExistsException.class);
      List<SubmissionId> stored =
          streamedIds(SubmissionFilter.builder(c.id()).participant(ParticipantId.of(p)).build());
      assertThat(List.of(List.of(), List.of(a.id()), List.of(a.id(), b.id()))).contains(stored);
      // The client retries the whole batch (without the clash), with new ids and the same keys.
      List<Submission> retry = keys.stream().map(k -> withKey(c.id(), p, k)).toList();
      store.insertAll(retry, NO_LIMIT);
      for (String k : keys) {
        assertThat(store.findByIdempotencyKey(c.id(), IdempotencyKey.of(k))).isPresent();
      }
      assertThat(
              store.count(
                  SubmissionFilter.builder(c.id()).participant(ParticipantId.of(p)).build()))
          .isEqualTo(3);
    }
  }

  // ---- conditional-write primitives -----------------------------------------------------------

  /**
   * The primitives a backend implements report what they found and never throw for a rule
   * violation; what the caller sees is decided once, in core.
   */
  @Nested
  @DisplayName("conditional-write primitives")
  class Primitives {
    @Test
    @DisplayName("a new campaign is stored exactly as handed in, version included")
    void newCampaignStoredAsGiven() {
      Campaign first = campaign().withVersion(1);
      assertThat(store.storeNewCampaign(first)).isEqualTo(new WriteResult.Stored<>(first));
      assertThat(store.findCampaign(first.id())).contains(first);
    }

    @Test
    @DisplayName("a new campaign reports IdTaken before SlugTaken and changes nothing")
    void newCampaignReportsConflicts() {
      Campaign first = storedCampaign();
      Campaign sameIdAndSlug = first.withVersion(1);
      assertThat(store.storeNewCampaign(sameIdAndSlug)).isInstanceOf(WriteResult.IdTaken.class);
      Campaign sameSlug =
          Campaign.builder(first.slug())
              .title("另一个", "Another")
              .prompt("问", "Ask")
              .districts("yuzhong")
              .allChannels()
              .build();
      assertThat(store.storeNewCampaign(sameSlug)).isInstanceOf(WriteResult.SlugTaken.class);
      assertThat(store.findCampaign(sameSlug.id())).isEmpty();
      // a shared database may hold other tests' campaigns: look only at this slug
      assertThat(store.listCampaigns())
          .filteredOn(c -> c.slug().equals(first.slug()))
          .containsExactly(first);
    }

    @Test
    @DisplayName("replacing a campaign reports Missing, VersionWas(stored) or SlugTaken")
    void replaceCampaignReportsConflicts() {
      Campaign first = storedCampaign();
      Campaign other = storedCampaign();
      assertThat(store.replaceCampaign(campaign().withVersion(2), 1))
          .isInstanceOf(WriteResult.Missing.class);
      assertThat(store.replaceCampaign(first.withVersion(8), 7))
          .isEqualTo(new WriteResult.VersionWas<Campaign>(1));
      Campaign renamed =
          Campaign.builder(other.slug())
              .id(first.id())
              .title("另一个", "Another")
              .prompt("问", "Ask")
              .districts("yuzhong")
              .allChannels()
              .build()
              .withVersion(2);
      assertThat(store.replaceCampaign(renamed, 1)).isInstanceOf(WriteResult.SlugTaken.class);
      assertThat(store.findCampaign(first.id())).contains(first);
      Campaign next = first.withVersion(2);
      assertThat(store.replaceCampaign(next, 1)).isEqualTo(new WriteResult.Stored<>(next));
      assertThat(store.findCampaign(first.id())).contains(next);
    }

    @Test
    @DisplayName("a new submission reports IdTaken, then KeyTaken, then AtLimit, else is stored")
    void newSubmissionReportsInOrder() {
      CampaignId c = storedCampaign().id();
      Submission keyed = withKey(c, "p-order", "k-order").withVersion(1);
      assertThat(store.storeNewSubmission(keyed, 1)).isEqualTo(new SubmissionWrite.Stored(keyed));
      // same id, same key, participant at the limit: the id wins
      assertThat(store.storeNewSubmission(keyed, 1))
          .isEqualTo(new SubmissionWrite.IdTaken(keyed.id()));
      // new id, same key, participant at the limit: the key wins
      Submission retry = withKey(c, "p-order", "k-order").withVersion(1);
      assertThat(store.storeNewSubmission(retry, 1)).isEqualTo(new SubmissionWrite.KeyTaken(keyed));
      // new id, new key, participant at the limit
      Submission more = withKey(c, "p-order", "k-other").withVersion(1);
      assertThat(store.storeNewSubmission(more, 1)).isEqualTo(new SubmissionWrite.AtLimit(1));
      assertThat(store.find(retry.id())).isEmpty();
      assertThat(store.find(more.id())).isEmpty();
      assertThat(store.count(SubmissionFilter.all(c))).isEqualTo(1);
    }

    @Test
    @DisplayName("a batch with a stored id ends with IdTaken naming it and stores at most a prefix")
    void batchEndsAtTakenId() {
      CampaignId c = storedCampaign().id();
      Submission stored = inserted(submission(c, "p-batch"));
      Submission before = submission(c, "p-batch").build().withVersion(1);
      Submission after = submission(c, "p-batch").build().withVersion(1);
      List<SubmissionWrite> found =
          store.storeNewSubmissions(List.of(before, stored, after), NO_LIMIT);
      assertThat(found).isNotEmpty();
      assertThat(found.get(found.size() - 1)).isEqualTo(new SubmissionWrite.IdTaken(stored.id()));
      assertThat(store.find(after.id())).isEmpty();
      assertThat(store.find(stored.id())).contains(stored);
    }

    @Test
    @DisplayName("replacing a submission reports Missing or VersionWas(stored) and changes nothing")
    void replaceSubmissionReportsConflicts() {
      CampaignId c = storedCampaign().id();
      Submission stored = inserted(submission(c, "p-replace"));
      Submission never = submission(c, "p-replace").build().withVersion(2);
      assertThat(store.replaceSubmission(never, 1)).isInstanceOf(WriteResult.Missing.class);
      Submission next = stored.toBuilder().status(SubmissionStatus.APPROVED).build().withVersion(2);
      assertThat(store.replaceSubmission(next.withVersion(6), 5))
          .isEqualTo(new WriteResult.VersionWas<Submission>(1));
      assertThat(store.find(stored.id())).contains(stored);
      assertThat(store.replaceSubmission(next, 1)).isEqualTo(new WriteResult.Stored<>(next));
      assertThat(store.find(stored.id())).contains(next);
    }

    @Test
    @DisplayName("a reaction reports NO_SUBMISSION, ALREADY_THERE or STORED")
    void reactionReports() {
      CampaignId c = storedCampaign().id();
      Submission stored = inserted(submission(c, "p-react"));
      Submission never = submission(c, "p-react").build();
      Reaction toNothing =
          new Reaction(
              never.id(), c, ParticipantId.of("fan"), ReactionType.ENDORSE, Optional.empty(), T0);
      Reaction endorse =
          new Reaction(
              stored.id(), c, ParticipantId.of("fan"), ReactionType.ENDORSE, Optional.empty(), T0);
      assertThat(store.storeReaction(toNothing)).isEqualTo(ReactionWrite.NO_SUBMISSION);
      assertThat(store.storeReaction(endorse)).isEqualTo(ReactionWrite.STORED);
      assertThat(store.storeReaction(endorse)).isEqualTo(ReactionWrite.ALREADY_THERE);
      assertThat(store.countReactions(stored.id(), ReactionType.ENDORSE)).isEqualTo(1);
    }

    @Test
    @DisplayName("8 threads storing one participant's batches with limit 20 store exactly 20")
    void concurrentBatchesKeepTheLimit() throws Exception {
      CampaignId c = storedCampaign().id();
      List<List<SubmissionWrite>> found =
          concurrently(
              THREADS,
              t -> {
                List<Submission> batch = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                  batch.add(withKey(c, "p-batches", "t" + t + "-" + i).withVersion(1));
                }
                return store.storeNewSubmissions(batch, 20);
              });
      long stored =
          found.stream()
              .flatMap(List::stream)
              .filter(w -> w instanceof SubmissionWrite.Stored)
              .count();
      assertThat(stored).isEqualTo(20);
      assertThat(found.stream().flatMap(List::stream))
          .filteredOn(w -> !(w instanceof SubmissionWrite.Stored))
          .allSatisfy(w -> assertThat(w).isInstanceOf(SubmissionWrite.AtLimit.class));
      assertThat(
              store.count(
                  SubmissionFilter.builder(c).participant(ParticipantId.of("p-batches")).build()))
          .isEqualTo(20);
    }
  }

  // ---- campaign lexicons ----------------------------------------------------------------------

  /** A revision of a campaign's lexicon, as core would hand it to the store. */
  private static CampaignLexicon lexicon(CampaignId campaign, long revision, String by) {
    return new CampaignLexicon(
        campaign,
        revision,
        List.of(
            new LexiconLayer("city", "term\tcategory\taction\n赌博\tgambling\tblock\n", ""),
            new LexiconLayer(
                "district r" + revision, "火锅" + revision + "\tfood\treview\n", "# 允许\n红油火锅\n")),
        "2t-1a-" + revision + "-" + by,
        T0.plusSeconds(revision).plusNanos(123_456_789),
        by);
  }

  /** Campaign lexicons: revisions stored conditionally, the current one, the audit trail. */
  @Nested
  @DisplayName("campaign lexicons")
  class Lexicons {

    @Test
    @DisplayName("a campaign without a lexicon has no current revision and an empty history")
    void none() {
      Campaign c = storedCampaign();
      assertThat(store.findLexicon(c.id())).isEmpty();
      assertThat(store.lexiconHistory(c.id())).isEmpty();
      assertThat(store.findLexicon(CampaignId.generate(T0))).isEmpty();
    }

    @Test
    @DisplayName(
        "a first revision is stored and found equal to what was given, text byte for byte and"
            + " time to the nanosecond")
    void firstRevision() {
      Campaign c = storedCampaign();
      CampaignLexicon first = lexicon(c.id(), 1, "admin");
      assertThat(store.attachLexicon(first)).isEqualTo(first);
      assertThat(store.findLexicon(c.id())).contains(first);
    }

    @Test
    @DisplayName(
        "the current revision is the newest, and the history lists every revision oldest first"
            + " with its version, time, author and layer labels")
    void history() {
      Campaign c = storedCampaign();
      CampaignLexicon first = store.attachLexicon(lexicon(c.id(), 1, "admin"));
      CampaignLexicon second = store.attachLexicon(lexicon(c.id(), 2, "cli"));
      CampaignLexicon third = store.attachLexicon(lexicon(c.id(), 3, "district-office"));
      assertThat(store.findLexicon(c.id())).contains(third);
      assertThat(store.lexiconHistory(c.id()))
          .containsExactly(first.change(), second.change(), third.change());
      LexiconChange entry = store.lexiconHistory(c.id()).get(1);
      assertThat(entry.revision()).isEqualTo(2);
      assertThat(entry.attachedBy()).isEqualTo("cli");
      assertThat(entry.version()).isEqualTo(second.version());
      assertThat(entry.attachedAt()).isEqualTo(second.attachedAt());
      assertThat(entry.layerLabels()).containsExactly("city", "district r2");
    }

    @Test
    @DisplayName("each campaign has its own revisions")
    void perCampaign() {
      Campaign a = storedCampaign();
      Campaign b = storedCampaign();
      store.attachLexicon(lexicon(a.id(), 1, "admin"));
      store.attachLexicon(lexicon(a.id(), 2, "admin"));
      CampaignLexicon onlyB = store.attachLexicon(lexicon(b.id(), 1, "admin"));
      assertThat(store.findLexicon(b.id())).contains(onlyB);
      assertThat(store.lexiconHistory(b.id())).hasSize(1);
      assertThat(store.lexiconHistory(a.id())).hasSize(2);
    }

    @Test
    @DisplayName(
        "a revision that is not the one after the current one is refused with"
            + " VersionConflictException and the current one stays")
    void staleRevision() {
      Campaign c = storedCampaign();
      CampaignLexicon first = store.attachLexicon(lexicon(c.id(), 1, "admin"));
      assertThatThrownBy(() -> store.attachLexicon(lexicon(c.id(), 1, "late")))
          .isInstanceOf(VersionConflictException.class)
          .satisfies(
              e -> {
                VersionConflictException v = (VersionConflictException) e;
                assertThat(v.expectedVersion()).isZero();
                assertThat(v.actualVersion()).isEqualTo(1);
              });
      assertThatThrownBy(() -> store.attachLexicon(lexicon(c.id(), 3, "ahead")))
          .isInstanceOf(VersionConflictException.class);
      assertThat(store.findLexicon(c.id())).contains(first);
      assertThat(store.lexiconHistory(c.id())).containsExactly(first.change());
    }

    @Test
    @DisplayName("a lexicon for a campaign that was never stored is refused with NotFoundException")
    void unknownCampaign() {
      CampaignId nowhere = CampaignId.generate(T0);
      assertThatThrownBy(() -> store.attachLexicon(lexicon(nowhere, 1, "admin")))
          .isInstanceOf(NotFoundException.class);
      assertThat(store.findLexicon(nowhere)).isEmpty();
      assertThat(store.lexiconHistory(nowhere)).isEmpty();
    }

    @Test
    @DisplayName(
        "the primitive reports what it found: Missing for no campaign, VersionWas with the"
            + " current revision (0 if none)")
    void primitive() {
      Campaign c = storedCampaign();
      assertThat(store.storeLexicon(lexicon(CampaignId.generate(T0), 1, "admin")))
          .isInstanceOf(WriteResult.Missing.class);
      assertThat(store.storeLexicon(lexicon(c.id(), 2, "admin")))
          .isEqualTo(new WriteResult.VersionWas<CampaignLexicon>(0));
      CampaignLexicon first = lexicon(c.id(), 1, "admin");
      assertThat(store.storeLexicon(first)).isEqualTo(new WriteResult.Stored<>(first));
      assertThat(store.storeLexicon(lexicon(c.id(), 1, "again")))
          .isEqualTo(new WriteResult.VersionWas<CampaignLexicon>(1));
    }

    @Test
    @DisplayName(
        "of 8 threads attaching the same next revision exactly one wins; the others get"
            + " VersionConflictException and the winner's revision is current")
    void concurrentAttach() throws Exception {
      Campaign c = storedCampaign();
      store.attachLexicon(lexicon(c.id(), 1, "admin"));
      List<Optional<CampaignLexicon>> results =
          concurrently(
              THREADS,
              t -> {
                try {
                  return Optional.of(store.attachLexicon(lexicon(c.id(), 2, "thread-" + t)));
                } catch (VersionConflictException e) {
                  return Optional.<CampaignLexicon>empty();
                }
              });
      List<CampaignLexicon> winners = results.stream().flatMap(Optional::stream).toList();
      assertThat(winners).hasSize(1);
      assertThat(store.findLexicon(c.id())).contains(winners.get(0));
      assertThat(store.lexiconHistory(c.id())).hasSize(2);
    }
  }

  // ---- closing --------------------------------------------------------------------------------

  /** A closed store refuses further work. */
  @Nested
  @DisplayName("closing")
  class Closing {
    private Campaign c;
    private Submission s;

    @BeforeEach
    void seedAndClose() {
      c = storedCampaign();
      s = inserted(submission(c.id(), unique("p")));
      closedByTest = true;
      store.close();
    }

    private void assertFails(ThrowingCallable call) {
      assertThatThrownBy(call)
          .isInstanceOf(StorageException.class)
          .isInstanceOf(SpiritException.class);
    }

    @Test
    @DisplayName("after close, campaign operations fail with StorageException")
    void campaignOperations() {
      assertFails(() -> store.insertCampaign(campaign()));
      assertFails(() -> store.updateCampaign(c.moveTo(CampaignState.OPEN)));
      assertFails(() -> store.findCampaign(c.id()));
      assertFails(() -> store.listCampaigns());
    }

    @Test
    @DisplayName("after close, submission operations fail with StorageException")
    void submissionOperations() {
      assertFails(() -> store.insert(submission(c.id(), unique("p")).build(), 10));
      assertFails(() -> store.insertAll(List.of(submission(c.id(), unique("p")).build()), 10));
      assertFails(() -> store.update(s.withStatus(SubmissionStatus.APPROVED)));
      assertFails(() -> store.find(s.id()));
      assertFails(() -> store.findByIdempotencyKey(c.id(), IdempotencyKey.of("k")));
      assertFails(() -> store.query(SubmissionFilter.all(c.id()), PageRequest.first(10)));
      assertFails(() -> store.count(SubmissionFilter.all(c.id())));
      assertFails(() -> consume(store.stream(SubmissionFilter.all(c.id())), x -> {}));
    }

    @Test
    @DisplayName(
        "after close, reaction, audit, erasure and lexicon operations fail with StorageException")
    void otherOperations() {
      Reaction r =
          new Reaction(
              s.id(),
              c.id(),
              ParticipantId.of(unique("fan")),
              ReactionType.ENDORSE,
              Optional.empty(),
              T0);
      assertFails(() -> store.addReaction(r));
      assertFails(() -> store.countReactions(s.id(), ReactionType.ENDORSE));
      assertFails(() -> consume(store.streamReactions(c.id()), x -> {}));
      assertFails(
          () ->
              store.appendAudit(
                  new AuditEntry(
                      c.id(),
                      s.id(),
                      "m",
                      T0,
                      SubmissionStatus.PENDING,
                      SubmissionStatus.APPROVED,
                      "")));
      assertFails(() -> consume(store.streamAudit(c.id()), x -> {}));
      assertFails(() -> store.eraseParticipant(s.participant().id()));
      assertFails(() -> store.attachLexicon(lexicon(c.id(), 1, "admin")));
      assertFails(() -> store.findLexicon(c.id()));
      assertFails(() -> store.lexiconHistory(c.id()));
      assertFails(() -> store.eraseSubmissions(c.id()));
    }

    private <T> void consume(Stream<T> stream, Consumer<T> each) {
      try (stream) {
        stream.forEach(each);
      }
    }
  }
}
