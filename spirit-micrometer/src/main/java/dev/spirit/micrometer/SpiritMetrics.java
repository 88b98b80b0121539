package dev.spirit.micrometer;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.event.SpiritListener;
import dev.spirit.storage.SpiritStore;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.text.EnumNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Spirit's meters, fed by the events of one {@link Spirit} instance:
 *
 * <ul>
 *   <li>{@value #SUBMISSIONS} (counter): stored submissions, tagged {@code decision} (what
 *       automatic moderation decided: {@code approve}, {@code review}, {@code reject}, or {@code
 *       none} for a submission stored without a moderation record), {@code channel} and {@code
 *       district}; replays of an idempotency key and requests refused by the intake rules are not
 *       counted;
 *   <li>{@value #MODERATION_LATENCY} (timer): how long the moderator took per candidate, tagged
 *       {@code decision};
 *   <li>{@value #REVIEW_QUEUE_DEPTH} (gauge): submissions waiting for a moderator (pending or
 *       hidden) per campaign, tagged {@code campaign} (its slug). Read from the store, which all
 *       instances behind a load balancer share, so every instance reports the same figure: sum
 *       nothing, take the maximum. The counts are cached for a short time ({@link
 *       #DEFAULT_QUEUE_DEPTH_TTL} unless given) so a scrape never scans the store more often than
 *       that; a campaign gets its gauge when it is bound or when this instance stores its first
 *       submission;
 *   <li>{@value #LEASE_EXPIRIES} (counter): review leases that lapsed without a decision, tagged
 *       {@code campaign}; counted when the item is next claimed or decided (a lapse has no moment
 *       of its own).
 * </ul>
 *
 * <p>Attach it to the instance, then bind it to a registry:
 *
 * <pre>{@code
 * SpiritMetrics metrics = SpiritMetrics.attach(spirit);
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <p>or, when the store is built first, pass it to the builder as a listener: {@code
 * Spirit.builder().store(store).listener(new SpiritMetrics(store))}.
 *
 * <p>Events that happen before the first {@link #bindTo} are not counted. Bound to several
 * registries, it records into each. Thread-safe.
 */
public final class SpiritMetrics implements MeterBinder, SpiritListener {
  /** Name of the counter of stored submissions. */
  public static final String SUBMISSIONS = "spirit.submissions";

  /** Name of the timer of the moderator's work per candidate. */
  public static final String MODERATION_LATENCY = "spirit.moderation.latency";

  /** Name of the gauge of submissions waiting for review, per campaign. */
  public static final String REVIEW_QUEUE_DEPTH = "spirit.review.queue.depth";

  /** Name of the counter of review leases that lapsed without a decision. */
  public static final String LEASE_EXPIRIES = "spirit.review.lease.expiries";

  /** How long queue depths read from the store are reused: 30 seconds. */
  public static final Duration DEFAULT_QUEUE_DEPTH_TTL = Duration.ofSeconds(30);

  private static final String NO_DECISION = "none";

  private final SpiritStore store;
  private final QueueDepths depths;
  private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
  private final Map<CampaignId, String> campaignTags = new ConcurrentHashMap<>();
  private final Set<CampaignId> gauged = ConcurrentHashMap.newKeySet();

  /**
   * Metrics over a store, caching queue depths for {@link #DEFAULT_QUEUE_DEPTH_TTL}. Add them to
   * the Spirit instance on that store as a listener ({@code Spirit.builder().listener(metrics)}),
   * or use {@link #attach(Spirit)}.
   *
   * @param store the store the observed instance works on, read for queue depths and campaign slugs
   * @throws InvalidInputException if {@code store} is null
   */
  public SpiritMetrics(SpiritStore store) {
    this(store, DEFAULT_QUEUE_DEPTH_TTL);
  }

  /**
   * Metrics over a store.
   *
   * @param store the store the observed instance works on, read for queue depths and campaign slugs
   * @param queueDepthTtl how long queue depths read from the store are reused (zero: read at every
   *     scrape)
   * @throws InvalidInputException if {@code store} is null or the duration negative
   */
  public SpiritMetrics(SpiritStore store, Duration queueDepthTtl) {
    this(store, queueDepthTtl, System::nanoTime);
  }

  SpiritMetrics(SpiritStore store, Duration queueDepthTtl, LongSupplier nanoTime) {
    if (store == null) {
      throw new InvalidInputException("store", "must not be null");
    }
    if (queueDepthTtl == null || queueDepthTtl.isNegative()) {
      throw new InvalidInputException(
          "queueDepthTtl", "must be zero or a positive duration, was " + queueDepthTtl);
    }
    this.store = store;
    this.depths = new QueueDepths(store, queueDepthTtl.toNanos(), nanoTime);
  }

  /**
   * Creates the metrics of an instance and adds them to its listeners, caching queue depths for
   * {@link #DEFAULT_QUEUE_DEPTH_TTL}.
   *
   * @param spirit the instance to observe
   * @return the metrics, to bind to a registry
   * @throws InvalidInputException if {@code spirit} is null
   */
  public static SpiritMetrics attach(Spirit spirit) {
    if (spirit == null) {
      throw new InvalidInputException("spirit", "must not be null");
    }
    SpiritMetrics metrics = new SpiritMetrics(spirit.store());
    spirit.addListener(metrics);
    return metrics;
  }

  /**
   * Registers the meters in {@code registry}, with a queue-depth gauge for each campaign the store
   * has now.
   *
   * @param registry where to record
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    meters.add(registry);
    for (Campaign campaign : store.listCampaigns()) {
      campaignTags.putIfAbsent(campaign.id(), campaign.slug());
      registerDepthGauge(campaign.id());
    }
  }

  @Override
  public void onAccepted(Submission submission) {
    String decision =
        submission.moderation().map(m -> EnumNames.key(m.decision())).orElse(NO_DECISION);
    Counter.builder(SUBMISSIONS)
        .description("Submissions stored, by moderation decision, channel and district")
        .tag("decision", decision)
        .tag("channel", EnumNames.key(submission.channel()))
        .tag("district", submission.district().code())
        .register(meters)
        .increment();
    registerDepthGauge(submission.campaignId());
  }

  @Override
  public void onModerated(Submission candidate, ModerationRecord verdict, Duration elapsed) {
    Timer.builder(MODERATION_LATENCY)
        .description("Time the moderator took to screen one candidate submission")
        .tag("decision", EnumNames.key(verdict.decision()))
        .register(meters)
        .record(elapsed);
  }

  @Override
  public void onLeaseExpired(Submission submission, ReviewLease lapsed) {
    Counter.builder(LEASE_EXPIRIES)
        .description("Review leases that lapsed without a decision")
        .tag("campaign", campaignTag(submission.campaignId()))
        .register(meters)
        .increment();
  }

  private void registerDepthGauge(CampaignId campaign) {
    if (!gauged.add(campaign)) {
      return; // registered once in the composite, which hands it to registries bound later
    }
    Gauge.builder(REVIEW_QUEUE_DEPTH, depths, d -> d.depth(campaign))
        .description("Submissions waiting for a moderator (pending or hidden), per campaign")
        .tag("campaign", campaignTag(campaign))
        .register(meters);
  }

  private String campaignTag(CampaignId id) {
    return campaignTags.computeIfAbsent(
        id, k -> store.findCampaign(k).map(Campaign::slug).orElse(k.toString()));
  }

  /** The queue-depth cache, for tests. */
  QueueDepths depths() {
    return depths;
  }

  @Override
  public String toString() {
    return "SpiritMetrics" + meters.getRegistries();
  }
}
