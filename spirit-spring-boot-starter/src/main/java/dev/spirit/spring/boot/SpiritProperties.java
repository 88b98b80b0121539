package dev.spirit.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code spirit.*} properties of the Spirit auto-configuration. The review lease and the
 * queue-depth cache time default to {@code ReviewQueue.DEFAULT_LEASE} and {@code
 * SpiritMetrics.DEFAULT_QUEUE_DEPTH_TTL}.
 */
@ConfigurationProperties("spirit")
public class SpiritProperties {

  /**
   * Store URI, such as "file:./spirit-data", "jdbc:postgresql://db/spirit?user=spirit" or "mem:".
   * When unset, Spirit stores into the application's DataSource if spirit-storage-jdbc is on the
   * class path and there is a DataSource bean, else into the file store at "file:./spirit-data".
   */
  private @Nullable String storeUri;

  /**
   * Time zone of the clock that Spirit stamps intake with, as a region id such as "Asia/Shanghai".
   * Campaigns keep their own zone for daily figures.
   */
  private String timeZone = "Asia/Shanghai";

  /** Term lexicons that moderation screens submissions with. */
  private final Lexicon lexicon = new Lexicon();

  /** Automatic moderation at intake. */
  private final Moderation moderation = new Moderation();

  /** The human review queue. */
  private final Review review = new Review();

  /** Spirit's Micrometer metrics. */
  private final Metrics metrics = new Metrics();

  /**
   * The store URI, if set.
   *
   * @return the URI, or null to use the DataSource or the default file store
   */
  public @Nullable String getStoreUri() {
    return storeUri;
  }

  /**
   * Sets the store URI.
   *
   * @param storeUri the URI
   */
  public void setStoreUri(@Nullable String storeUri) {
    this.storeUri = storeUri;
  }

  /**
   * The clock's time zone.
   *
   * @return a region id
   */
  public String getTimeZone() {
    return timeZone;
  }

  /**
   * Sets the clock's time zone.
   *
   * @param timeZone a region id such as {@code Asia/Shanghai}
   */
  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  /**
   * The lexicon settings.
   *
   * @return the lexicon settings
   */
  public Lexicon getLexicon() {
    return lexicon;
  }

  /**
   * The moderation settings.
   *
   * @return the moderation settings
   */
  public Moderation getModeration() {
    return moderation;
  }

  /**
   * The review settings.
   *
   * @return the review settings
   */
  public Review getReview() {
    return review;
  }

  /**
   * The metrics settings.
   *
   * @return the metrics settings
   */
  public Metrics getMetrics() {
    return metrics;
  }

  /** The city and district term lexicons; the district's layers over the city's. */
  public static class Lexicon {
    /**
     * Location of the city's lexicon, such as "classpath:moderation/city.tsv" or
     * "file:/etc/spirit/city.tsv": UTF-8, tab-separated, one term per line with its category and
     * action ("block" or "review"), optionally aliases and options.
     */
    private @Nullable Resource city;

    /** Location of the city lexicon's allow-list: one phrase per line that is never flagged. */
    private @Nullable Resource cityAllowList;

    /**
     * Location of the district's lexicon, in the city lexicon's format and layered over it: it adds
     * terms and may raise a city review term to block, never lower a city block term.
     */
    private @Nullable Resource district;

    /** Location of the district lexicon's allow-list. */
    private @Nullable Resource districtAllowList;

    /**
     * The city lexicon's location.
     *
     * @return the location, or null for none
     */
    public @Nullable Resource getCity() {
      return city;
    }

    /**
     * Sets the city lexicon's location.
     *
     * @param city the location
     */
    public void setCity(@Nullable Resource city) {
      this.city = city;
    }

    /**
     * The city allow-list's location.
     *
     * @return the location, or null for none
     */
    public @Nullable Resource getCityAllowList() {
      return cityAllowList;
    }

    /**
     * Sets the city allow-list's location.
     *
     * @param cityAllowList the location
     */
    public void setCityAllowList(@Nullable Resource cityAllowList) {
      this.cityAllowList = cityAllowList;
    }

    /**
     * The district lexicon's location.
     *
     * @return the location, or null for none
     */
    public @Nullable Resource getDistrict() {
      return district;
    }

    /**
     * Sets the district lexicon's location.
     *
     * @param district the location
     */
    public void setDistrict(@Nullable Resource district) {
      this.district = district;
    }

    /**
     * The district allow-list's location.
     *
     * @return the location, or null for none
     */
    public @Nullable Resource getDistrictAllowList() {
      return districtAllowList;
    }

    /**
     * Sets the district allow-list's location.
     *
     * @param districtAllowList the location
     */
    public void setDistrictAllowList(@Nullable Resource districtAllowList) {
      this.districtAllowList = districtAllowList;
    }
  }

  /** Automatic moderation at intake; per-campaign settings live in each campaign's rules. */
  public static class Moderation {
    /**
     * Whether new submissions are screened (lexicon, personal data, duplicates and floods, rate,
     * quality). When false, only each campaign's moderation mode decides their first status.
     */
    private boolean enabled = true;

    /**
     * Shingle similarity, in (0, 1], from which a participant's text counts as a near-duplicate of
     * one of their recent ones and goes to review.
     */
    private double nearDuplicateThreshold = 0.7;

    /**
     * How many similar texts from one collection point within the campaign's window make a flood
     * that goes to review; at least 2.
     */
    private int floodSize = 5;

    /**
     * Whether moderation is on.
     *
     * @return true to screen submissions
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Turns moderation on or off.
     *
     * @param enabled true to screen submissions
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The near-duplicate threshold.
     *
     * @return a similarity in (0, 1]
     */
    public double getNearDuplicateThreshold() {
      return nearDuplicateThreshold;
    }

    /**
     * Sets the near-duplicate threshold.
     *
     * @param nearDuplicateThreshold a similarity in (0, 1]
     */
    public void setNearDuplicateThreshold(double nearDuplicateThreshold) {
      this.nearDuplicateThreshold = nearDuplicateThreshold;
    }

    /**
     * The flood size.
     *
     * @return at least 2
     */
    public int getFloodSize() {
      return floodSize;
    }

    /**
     * Sets the flood size.
     *
     * @param floodSize at least 2
     */
    public void setFloodSize(int floodSize) {
      this.floodSize = floodSize;
    }
  }

  /** The human review queue. */
  public static class Review {
    /** How long a moderator's claim on a submission holds before it lapses back to the queue. */
    private Duration lease = Duration.ofMinutes(15);

    /**
     * The lease duration.
     *
     * @return a positive duration
     */
    public Duration getLease() {
      return lease;
    }

    /**
     * Sets the lease duration.
     *
     * @param lease a positive duration
     */
    public void setLease(Duration lease) {
      this.lease = lease;
    }
  }

  /** Spirit's Micrometer metrics. */
  public static class Metrics {
    /**
     * How long review queue depths counted in the store are reused before a scrape counts again;
     * zero counts at every scrape.
     */
    private Duration queueDepthTtl = Duration.ofSeconds(30);

    /**
     * The queue-depth cache time.
     *
     * @return zero or a positive duration
     */
    public Duration getQueueDepthTtl() {
      return queueDepthTtl;
    }

    /**
     * Sets the queue-depth cache time.
     *
     * @param queueDepthTtl zero or a positive duration
     */
    public void setQueueDepthTtl(Duration queueDepthTtl) {
      this.queueDepthTtl = queueDepthTtl;
    }
  }
}
