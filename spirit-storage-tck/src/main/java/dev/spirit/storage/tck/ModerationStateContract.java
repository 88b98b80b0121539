package dev.spirit.storage.tck;

import static dev.spirit.storage.tck.TckFixtures.T0;
import static dev.spirit.storage.tck.TckFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.ModerationSettings;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.RateRule;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.moderation.state.TextMark;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.SpiritStore;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a store's {@link ModerationState} ({@link SpiritStore#moderationState()}): counts
 * and texts within sliding windows, each read-and-record atomic per key (threads, and processes
 * where the store is shared), windows that expire, bounded keys, erasure with the participant, and,
 * where the backend is durable, survival of a restart. A backend's test extends this class and
 * implements {@link #createStore()}; a durable backend also overrides {@link #reopen}, a shared one
 * {@link #openSecond}.
 *
 * <p>Every test uses a campaign id and subjects of its own, so stores on one database need not be
 * emptied between tests.
 */
public abstract class ModerationStateContract {

  /** Threads of the concurrency tests. */
  protected static final int THREADS = 8;

  private static final Duration WINDOW = Duration.ofMinutes(10);

  /** The store under test, fresh for each test (reopened by the restart test). */
  protected SpiritStore store;

  private final List<SpiritStore> extra = new ArrayList<>();
  private boolean storeClosed;

  /** Creates the contract; subclasses are instantiated by JUnit. */
  protected ModerationStateContract() {}

  /**
   * Creates a new, open store for one test.
   *
   * @return the store
   * @throws Exception if it cannot be created
   */
  protected abstract SpiritStore createStore() throws Exception;

  /**
   * For a durable backend: opens the store again after {@code closed} was closed, on the same files
   * or database.
   *
   * @param closed the closed store
   * @return the reopened store, or empty if the backend is not durable (the default)
   * @throws Exception if it cannot be opened
   */
  protected Optional<SpiritStore> reopen(SpiritStore closed) throws Exception {
    return Optional.empty();
  }

  /**
   * For a shared backend: a second store on the same database as {@link #store}, as another
   * instance or process would open it.
   *
   * @return the second store, or empty if the backend is not shared (the default)
   * @throws Exception if it cannot be opened
   */
  protected Optional<SpiritStore> openSecond() throws Exception {
    return Optional.empty();
  }

  /**
   * Opens the store for a test.
   *
   * @throws Exception if it cannot be created
   */
  @BeforeEach
  protected void openStore() throws Exception {
    store = createStore();
  }

  /** Closes the stores of the test. */
  @AfterEach
  protected void closeStores() {
    for (SpiritStore s : extra) {
      s.close();
    }
    // store is null if createStore() failed; JUnit then reports that failure, not this one.
    if (store != null && !storeClosed) {
      store.close();
    }
  }

  private static CampaignId campaignId() {
    return CampaignId.generate(T0);
  }

  private static StateKey key(StateKey.Kind kind, CampaignId campaign, String subject) {
    return new StateKey(kind, campaign, subject);
  }

  private static TextMark mark(String owner, String folded) {
    return TextMark.of(ParticipantId.of(owner), folded);
  }

  private ModerationState state() {
    return store.moderationState();
  }

  @Test
  @DisplayName("the store hands out one state, and counts start at zero and grow by one per call")
  void countsGrow() {
    assertThat(store.moderationState()).isSameAs(store.moderationState());
    StateKey k = key(StateKey.Kind.PARTICIPANT_RATE, campaignId(), unique("p"));
    List<Integer> seen = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      seen.add(state().countThenAdd(k, T0.plusSeconds(i), WINDOW, 100));
    }
    assertThat(seen).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  @DisplayName(
      "events older than the window are not counted: the window slides, including its start"
          + " boundary (an event exactly one window old still counts)")
  void windowSlides() {
    StateKey k = key(StateKey.Kind.COLLECTION_POINT_RATE, campaignId(), unique("kiosk"));
    Duration w = Duration.ofSeconds(60);
    assertThat(state().countThenAdd(k, T0, w, 100)).isZero();
    assertThat(state().countThenAdd(k, T0.plusSeconds(30), w, 100)).isEqualTo(1);
    assertThat(state().countThenAdd(k, T0.plusSeconds(60), w, 100)).isEqualTo(2);
    // T0 is now 61 s old: gone; 30 and 60 remain.
    assertThat(state().countThenAdd(k, T0.plusSeconds(61), w, 100)).isEqualTo(2);
    // Long after: everything expired.
    assertThat(state().countThenAdd(k, T0.plusSeconds(3600), w, 100)).isZero();
  }

  @Test
  @DisplayName("at most keep events are kept per key: a busy key's count stops at keep")
  void keepBoundsTheCount() {
    StateKey k = key(StateKey.Kind.PARTICIPANT_RATE, campaignId(), unique("p"));
    int last = -1;
    for (int i = 0; i < 12; i++) {
      last = state().countThenAdd(k, T0.plusMillis(i), WINDOW, 3);
    }
    assertThat(last).isEqualTo(3);
  }

  @Test
  @DisplayName("kinds, campaigns and subjects are separate windows")
  void keysAreSeparate() {
    CampaignId c = campaignId();
    String who = unique("p");
    state().countThenAdd(key(StateKey.Kind.PARTICIPANT_RATE, c, who), T0, WINDOW, 10);
    state().countThenAdd(key(StateKey.Kind.PARTICIPANT_RATE, c, who), T0, WINDOW, 10);
    assertThat(
            state().countThenAdd(key(StateKey.Kind.COLLECTION_POINT_RATE, c, who), T0, WINDOW, 10))
        .isZero();
    assertThat(
            state()
                .countThenAdd(
                    key(StateKey.Kind.PARTICIPANT_RATE, campaignId(), who), T0, WINDOW, 10))
        .isZero();
    assertThat(
            state().countThenAdd(key(StateKey.Kind.PARTICIPANT_RATE, c, who + "x"), T0, WINDOW, 10))
        .isZero();
    assertThat(state().countThenAdd(key(StateKey.Kind.PARTICIPANT_RATE, c, who), T0, WINDOW, 10))
        .isEqualTo(2);
  }

  @Test
  @DisplayName(
      "texts come back oldest first, as recorded (same text, shingles, signature), without the"
          + " expired ones and at most keep of them")
  void textsComeBack() {
    StateKey k = key(StateKey.Kind.PARTICIPANT_TEXTS, campaignId(), unique("p"));
    String p = unique("owner");
    Duration w = Duration.ofSeconds(60);
    assertThat(state().recentThenAdd(k, T0, w, 3, mark(p, "耿直"))).isEmpty();
    state().recentThenAdd(k, T0.plusSeconds(10), w, 3, mark(p, "雄壮山城"));
    List<TextMark> two = state().recentThenAdd(k, T0.plusSeconds(20), w, 3, mark(p, "麻辣火锅"));
    // Compared by their encoded form: a backend may hold the owner as a keyed hash.
    assertThat(two)
        .extracting(TextMark::encode)
        .containsExactly(mark(p, "耿直").encode(), mark(p, "雄壮山城").encode());
    assertThat(two.get(0).sameText(mark(p, "耿直"))).isTrue();
    assertThat(two.get(1).jaccard(mark(p, "雄壮山城"))).isEqualTo(1.0);
    state().recentThenAdd(k, T0.plusSeconds(30), w, 3, mark(p, "热情"));
    // keep 3: the oldest (耿直) is gone; at 75 s, 10 s-old "雄壮山城" expired too (65 s).
    List<TextMark> later = state().recentThenAdd(k, T0.plusSeconds(75), w, 3, mark(p, "好客"));
    assertThat(later)
        .extracting(TextMark::encode)
        .containsExactly(mark(p, "麻辣火锅").encode(), mark(p, "热情").encode());
  }

  @Test
  @DisplayName(
      "an event stamped after a call's instant but recorded before it counts (concurrent intakes"
          + " record out of stamp order), for counts and for texts")
  void laterStampedEventsCount() {
    StateKey counted = key(StateKey.Kind.PARTICIPANT_RATE, campaignId(), unique("p"));
    assertThat(state().countThenAdd(counted, T0.plusMillis(5), WINDOW, 10)).isZero();
    assertThat(state().countThenAdd(counted, T0, WINDOW, 10)).isEqualTo(1);
    assertThat(state().countThenAdd(counted, T0.plusMillis(2), WINDOW, 10)).isEqualTo(2);

    StateKey texts = key(StateKey.Kind.PARTICIPANT_TEXTS, campaignId(), unique("p"));
    String p = unique("owner");
    assertThat(state().recentThenAdd(texts, T0.plusMillis(5), WINDOW, 3, mark(p, "火锅"))).isEmpty();
    assertThat(state().recentThenAdd(texts, T0, WINDOW, 3, mark(p, "火锅")))
        .extracting(TextMark::encode)
        .containsExactly(mark(p, "火锅").encode());
  }

  // The races use one instant for every attempt (a burst of taps); laterStampedEventsCount covers
  // attempts recorded out of stamp order.
  @Test
  @DisplayName(
      THREADS
          + " threads × 25 attempts against one participant with limit 40: exactly 40 see a count"
          + " below the limit")
  void concurrentCountsAreExact() throws Exception {
    StateKey k = key(StateKey.Kind.PARTICIPANT_RATE, campaignId(), unique("p"));
    int limit = 40;
    AtomicInteger admitted = new AtomicInteger();
    race(
        THREADS,
        25,
        (thread, i) -> {
          if (state().countThenAdd(k, T0, WINDOW, limit) < limit) {
            admitted.incrementAndGet();
          }
        });
    assertThat(admitted.get()).isEqualTo(limit);
  }

  @Test
  @DisplayName(
      THREADS
          + " threads adding 4 texts each to one window of 32: every call saw exactly the texts"
          + " recorded before it (the sizes seen are 0 to 31, each once)")
  void concurrentTextsAreAtomic() throws Exception {
    StateKey k = key(StateKey.Kind.PARTICIPANT_TEXTS, campaignId(), unique("p"));
    ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
    race(
        THREADS,
        4,
        (thread, i) -> {
          TextMark m = mark("p" + thread, "文本" + thread + "-" + i);
          sizes.add(state().recentThenAdd(k, T0, WINDOW, 32, m).size());
        });
    assertThat(new TreeSet<>(sizes))
        .containsExactlyElementsOf(IntStream.range(0, 32).boxed().toList());
    assertThat(sizes).hasSize(32);
  }

  @Test
  @DisplayName(
      "erasing a participant through the store drops their windows and their texts at collection"
          + " points, and nobody else's")
  void erasureDropsTheParticipantsState() {
    CampaignId c = campaignId();
    String gone = unique("gone");
    String stays = unique("stays");
    String kiosk = unique("kiosk");
    StateKey goneRate = key(StateKey.Kind.PARTICIPANT_RATE, c, gone);
    StateKey goneTexts = key(StateKey.Kind.PARTICIPANT_TEXTS, c, gone);
    StateKey staysRate = key(StateKey.Kind.PARTICIPANT_RATE, c, stays);
    StateKey point = key(StateKey.Kind.COLLECTION_POINT_TEXTS, c, kiosk);
    for (int i = 0; i < 3; i++) {
      state().countThenAdd(goneRate, T0.plusSeconds(i), WINDOW, 10);
      state().countThenAdd(staysRate, T0.plusSeconds(i), WINDOW, 10);
      state().recentThenAdd(goneTexts, T0.plusSeconds(i), WINDOW, 32, mark(gone, "文" + i));
      state().recentThenAdd(point, T0.plusSeconds(i), WINDOW, 16, mark(gone, "甲" + i));
      state().recentThenAdd(point, T0.plusSeconds(i), WINDOW, 16, mark(stays, "乙" + i));
    }

    store.eraseParticipant(ParticipantId.of(gone));

    assertThat(state().countThenAdd(goneRate, T0.plusSeconds(5), WINDOW, 10)).isZero();
    assertThat(state().recentThenAdd(goneTexts, T0.plusSeconds(5), WINDOW, 32, mark(gone, "新")))
        .isEmpty();
    assertThat(state().countThenAdd(staysRate, T0.plusSeconds(5), WINDOW, 10)).isEqualTo(3);
    assertThat(state().recentThenAdd(point, T0.plusSeconds(5), WINDOW, 16, mark(stays, "丙")))
        .extracting(TextMark::encode)
        .containsExactly(
            mark(stays, "乙0").encode(), mark(stays, "乙1").encode(), mark(stays, "乙2").encode());
  }

  @Test
  @DisplayName(
      "a durable store keeps the windows across a restart: reopened, the participant's window is"
          + " still full and its texts are still there")
  void survivesRestart() throws Exception {
    CampaignId c = campaignId();
    String p = unique("p");
    StateKey rate = key(StateKey.Kind.PARTICIPANT_RATE, c, p);
    StateKey texts = key(StateKey.Kind.PARTICIPANT_TEXTS, c, p);
    for (int i = 0; i < 3; i++) {
      state().countThenAdd(rate, T0.plusSeconds(i), WINDOW, 3);
    }
    state().recentThenAdd(texts, T0, WINDOW, 32, mark(p, "耿直"));
    store.close();
    storeClosed = true;
    Optional<SpiritStore> reopened = reopen(store);
    Assumptions.assumeTrue(reopened.isPresent(), "the backend is not durable");
    store = reopened.get();
    storeClosed = false;

    assertThat(state().countThenAdd(rate, T0.plusSeconds(10), WINDOW, 3)).isEqualTo(3);
    assertThat(state().recentThenAdd(texts, T0.plusSeconds(10), WINDOW, 32, mark(p, "雄壮")))
        .extracting(TextMark::encode)
        .containsExactly(mark(p, "耿直").encode());
  }

  @Test
  @DisplayName(
      "two stores on one database (two instances) share the windows: "
          + THREADS
          + " threads split over both, limit 30, exactly 30 admitted")
  void sharedAcrossStores() throws Exception {
    Optional<SpiritStore> second = openSecond();
    Assumptions.assumeTrue(second.isPresent(), "the backend is not shared between instances");
    extra.add(second.get());
    StateKey k = key(StateKey.Kind.PARTICIPANT_RATE, campaignId(), unique("p"));
    List<ModerationState> states = List.of(store.moderationState(), second.get().moderationState());
    AtomicInteger admitted = new AtomicInteger();
    race(
        THREADS,
        10,
        (thread, i) -> {
          if (states.get(thread % 2).countThenAdd(k, T0, WINDOW, 30) < 30) {
            admitted.incrementAndGet();
          }
        });
    assertThat(admitted.get()).isEqualTo(30);
  }

  @Test
  @DisplayName(
      "two Spirit instances on the store(s) enforce one participant limit together: of 6"
          + " submissions within the window, 3 pass the rate rule and 3 are rejected")
  void twoInstancesOneLimit() throws Exception {
    SpiritStore other = openSecond().orElse(store);
    if (other != store) {
      extra.add(other);
    }
    Clock clock = Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    // Not closed: closing a Spirit closes its store, which the test closes.
    Spirit a =
        Spirit.builder()
            .store(store)
            .clock(clock)
            .moderator(ModerationPipeline.of(new RateRule()))
            .build();
    Spirit b =
        Spirit.builder()
            .store(other)
            .clock(clock)
            .moderator(ModerationPipeline.of(new RateRule()))
            .build();
    Campaign c =
        a.campaigns()
            .create(
                Campaign.builder(unique("rate"))
                    .title("重庆城市精神", "Spirit of Chongqing City")
                    .prompt("用一个词形容重庆", "Describe Chongqing in one word")
                    .districts("yuzhong")
                    .allChannels()
                    .rules(
                        SubmissionRules.builder()
                            .moderation(
                                ModerationSettings.defaults()
                                    .withWindow(Duration.ofHours(1), 3, 1000))
                            .build())
                    .createdAt(T0)
                    .build());
    a.campaigns().move(c.id(), CampaignState.OPEN);
    String p = unique("p");
    List<Receipt> receipts = new ArrayList<>();
    String[] words = {"耿直", "雄壮", "热情", "火辣", "豪爽", "坚韧"};
    for (int i = 0; i < 6; i++) {
      Spirit via = i % 2 == 0 ? a : b;
      receipts.add(
          via.submit(
              SubmissionRequest.builder(c.id())
                  .text(words[i])
                  .district("yuzhong")
                  .channel(Channel.MESSAGE_BOARD)
                  .participant(Participant.consenting(p, Role.RESIDENT))
                  .build()));
    }
    long rejected =
        receipts.stream()
            .map(r -> a.store().find(((Receipt.Accepted) r).id()).orElseThrow())
            .filter(
                s ->
                    s.moderation().orElseThrow().reasons().stream()
                        .anyMatch(x -> x.code().equals("rate-participant")))
            .count();
    assertThat(rejected).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "inside one atomic unit (a batch) calls answer as they would one by one: windows slide,"
          + " keep bounds counts and texts, later-stamped events count; the next unit and single"
          + " calls go on from what the unit recorded")
  void atomicUnitAnswersAsOneByOne() {
    CampaignId c = campaignId();
    StateKey sliding = key(StateKey.Kind.COLLECTION_POINT_RATE, c, unique("kiosk"));
    StateKey busy = key(StateKey.Kind.PARTICIPANT_RATE, c, unique("p"));
    StateKey texts = key(StateKey.Kind.PARTICIPANT_TEXTS, c, unique("p"));
    String p = unique("owner");
    Duration w = Duration.ofSeconds(60);
    List<Object> first =
        state()
            .atomically(
                List.of(sliding, busy, texts, busy),
                s -> {
                  List<Object> seen = new ArrayList<>();
                  seen.add(s.countThenAdd(sliding, T0, w, 100));
                  seen.add(s.countThenAdd(sliding, T0.plusSeconds(30), w, 100));
                  seen.add(s.countThenAdd(sliding, T0.plusSeconds(60), w, 100));
                  seen.add(s.countThenAdd(sliding, T0.plusSeconds(61), w, 100));
                  for (int i = 0; i < 6; i++) {
                    seen.add(s.countThenAdd(busy, T0.plusMillis(5 - i), WINDOW, 3));
                  }
                  seen.add(s.recentThenAdd(texts, T0, w, 3, mark(p, "耿直")).size());
                  s.recentThenAdd(texts, T0.plusSeconds(10), w, 3, mark(p, "雄壮山城"));
                  s.recentThenAdd(texts, T0.plusSeconds(20), w, 3, mark(p, "麻辣火锅"));
                  seen.add(s.recentThenAdd(texts, T0.plusSeconds(30), w, 3, mark(p, "热情")).size());
                  return seen;
                });
    assertThat(first).containsExactly(0, 1, 2, 2, 0, 1, 2, 3, 3, 3, 0, 3);
    // Another unit, then single calls, go on from the recorded state.
    int busyNext =
        state().atomically(List.of(busy), s -> s.countThenAdd(busy, T0.plusMillis(9), WINDOW, 3));
    assertThat(busyNext).isEqualTo(3);
    assertThat(state().countThenAdd(sliding, T0.plusSeconds(62), w, 100)).isEqualTo(3);
    assertThat(state().countThenAdd(sliding, T0.plusSeconds(3600), w, 100)).isZero();
    List<TextMark> later =
        state()
            .atomically(
                List.of(texts),
                s -> s.recentThenAdd(texts, T0.plusSeconds(75), w, 3, mark(p, "好客")));
    assertThat(later)
        .extracting(TextMark::encode)
        .containsExactly(mark(p, "麻辣火锅").encode(), mark(p, "热情").encode());
  }

  @Test
  @DisplayName(
      "a unit's exception reaches the caller as thrown and leaves the state usable; a key the"
          + " unit did not declare still works and is recorded")
  void atomicUnitFailureAndUndeclaredKeys() {
    CampaignId c = campaignId();
    StateKey declared = key(StateKey.Kind.PARTICIPANT_RATE, c, unique("p"));
    StateKey undeclared = key(StateKey.Kind.COLLECTION_POINT_TEXTS, c, unique("kiosk"));
    String p = unique("owner");
    assertThatThrownBy(
            () ->
                state()
                    .atomically(
                        List.of(declared),
                        s -> {
                          s.countThenAdd(declared, T0, WINDOW, 10);
                          s.recentThenAdd(undeclared, T0, WINDOW, 16, mark(p, "火锅"));
                          throw new IllegalStateException("the batch failed");
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the batch failed");
    // A transactional backend recorded nothing of the failed unit, the default its calls so far.
    int before = state().countThenAdd(declared, T0, WINDOW, 10);
    assertThat(before).isBetween(0, 1);
    List<TextMark> left = state().recentThenAdd(undeclared, T0, WINDOW, 16, mark(p, "小面"));
    assertThat(left).hasSize(before);
    List<TextMark> inUnit =
        state()
            .atomically(
                List.of(declared),
                s -> {
                  s.countThenAdd(declared, T0, WINDOW, 10);
                  return s.recentThenAdd(undeclared, T0, WINDOW, 16, mark(p, "抄手"));
                });
    assertThat(inUnit).extracting(TextMark::encode).endsWith(mark(p, "小面").encode());
    assertThat(state().countThenAdd(declared, T0, WINDOW, 10)).isEqualTo(before + 2);
    assertThat(state().recentThenAdd(undeclared, T0, WINDOW, 16, mark(p, "豆花")))
        .extracting(TextMark::encode)
        .endsWith(mark(p, "小面").encode(), mark(p, "抄手").encode())
        .hasSize(before + 2);
  }

  @Test
  @DisplayName(
      THREADS
          + " threads × 5 units of 5 calls each on one shared key (limit 40) and keys of their"
          + " own, over two instances where shared: exactly 40 calls see a count below the limit")
  void concurrentUnitsAreExact() throws Exception {
    Optional<SpiritStore> second = openSecond();
    second.ifPresent(extra::add);
    List<ModerationState> states =
        List.of(store.moderationState(), second.orElse(store).moderationState());
    CampaignId c = campaignId();
    StateKey shared = key(StateKey.Kind.COLLECTION_POINT_RATE, c, unique("kiosk"));
    int limit = 40;
    AtomicInteger admitted = new AtomicInteger();
    race(
        THREADS,
        5,
        (thread, i) -> {
          StateKey own = key(StateKey.Kind.PARTICIPANT_RATE, c, "p" + thread + "-" + i);
          int below =
              states
                  .get(thread % 2)
                  .atomically(
                      List.of(own, shared),
                      s -> {
                        int n = 0;
                        for (int j = 0; j < 5; j++) {
                          s.countThenAdd(own, T0, WINDOW, 10);
                          if (s.countThenAdd(shared, T0, WINDOW, limit) < limit) {
                            n++;
                          }
                        }
                        return n;
                      });
          admitted.addAndGet(below);
        });
    assertThat(admitted.get()).isEqualTo(limit);
  }

  /** One step of a race: thread number and attempt number. */
  @FunctionalInterface
  protected interface Step {
    /**
     * Runs one attempt.
     *
     * @param thread the thread, 0 to threads - 1
     * @param attempt the attempt, 0 to attempts - 1
     * @throws Exception if it fails
     */
    void run(int thread, int attempt) throws Exception;
  }

  /**
   * Runs {@code attempts} steps on each of {@code threads} threads, released together, and waits.
   *
   * @param threads how many threads
   * @param attempts steps per thread
   * @param step the step
   * @throws Exception the first failure of a step
   */
  protected static void race(int threads, int attempts, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < attempts; i++) {
                    step.run(thread, i);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
