package dev.spirit.spring.boot;

import dev.spirit.Spirit;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.SpiritException;
import dev.spirit.event.SpiritListener;
import dev.spirit.micrometer.SpiritMetrics;
import dev.spirit.moderation.DuplicateRule;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.Moderator;
import dev.spirit.moderation.PersonalDataRule;
import dev.spirit.moderation.QualityRule;
import dev.spirit.moderation.RateRule;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.review.ReviewQueue;
import dev.spirit.storage.SpiritStore;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Configures Spirit in a Spring Boot application from {@code spirit.*} properties ({@link
 * SpiritProperties}). Every bean backs off when the application defines one of the same type, so an
 * application replaces one piece and keeps the rest:
 *
 * <ul>
 *   <li>{@link SpiritStore}: from {@code spirit.store-uri}; else over the application's {@link
 *       DataSource} (its primary one, if several) when spirit-storage-jdbc is on the class path and
 *       a DataSource bean exists; else the file store at {@value #DEFAULT_STORE_URI}. Closed with
 *       the context;
 *   <li>{@link TermLexicon} (from {@code spirit.lexicon.*}), {@link LexiconRule} (keep it to reload
 *       the lexicon), {@link Moderator} (the standard pipeline with {@code spirit.moderation.*}
 *       thresholds);
 *   <li>{@link Clock} (system time in {@code spirit.time-zone});
 *   <li>{@link Spirit}, with every {@link SpiritListener} bean as a listener, and its {@link
 *       ReviewQueue};
 *   <li>{@link SpiritMetrics}, a Micrometer {@code MeterBinder} that Boot binds to its registry;
 *   <li>{@link SpiritHealthIndicator} as health contributor {@code spirit}, when actuator's health
 *       support is on the class path (off with {@code management.health.spirit.enabled=false}).
 * </ul>
 *
 * <p>A value Spirit cannot start with fails startup with a {@link SpiritConfigurationException}
 * naming the property.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(SpiritProperties.class)
// In this order: the first whose conditions hold defines the store (a nested class would be
// processed in name order, before the imports, hence a separate holder class).
@Import({
  SpiritStoreConfigurations.FromUri.class,
  SpiritStoreConfigurations.FromDataSource.class,
  SpiritStoreConfigurations.DefaultFile.class
})
public class SpiritAutoConfiguration {
  /** The store used when neither {@code spirit.store-uri} nor a DataSource is given. */
  public static final String DEFAULT_STORE_URI = "file:./spirit-data";

  /** Creates the configuration (Spring does). */
  public SpiritAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  TermLexicon spiritLexicon(SpiritProperties properties) {
    return LexiconLoader.load(properties.getLexicon());
  }

  @Bean
  @ConditionalOnMissingBean
  LexiconRule spiritLexiconRule(TermLexicon lexicon) {
    return new LexiconRule(lexicon);
  }

  @Bean
  @ConditionalOnMissingBean
  Moderator spiritModerator(LexiconRule lexicon, SpiritProperties properties) {
    SpiritProperties.Moderation settings = properties.getModeration();
    if (!settings.isEnabled()) {
      return Moderator.NONE;
    }
    DuplicateRule duplicates;
    try {
      duplicates = new DuplicateRule(settings.getNearDuplicateThreshold(), settings.getFloodSize());
    } catch (InvalidInputException e) {
      String property =
          e.field().equals("duplicate.floodSize")
              ? "spirit.moderation.flood-size"
              : "spirit.moderation.near-duplicate-threshold";
      throw new SpiritConfigurationException(property, String.valueOf(e.getMessage()), e);
    }
    return ModerationPipeline.of(
        lexicon, new PersonalDataRule(), duplicates, new RateRule(), new QualityRule());
  }

  @Bean
  @ConditionalOnMissingBean
  Clock spiritClock(SpiritProperties properties) {
    try {
      return Clock.system(ZoneId.of(properties.getTimeZone()));
    } catch (DateTimeException e) {
      throw new SpiritConfigurationException(
          "spirit.time-zone",
          "'"
              + properties.getTimeZone()
              + "' is not a time zone; give a region id such as Asia/Shanghai",
          e);
    }
  }

  @Bean
  @ConditionalOnMissingBean
  Spirit spirit(
      SpiritStore store,
      Clock clock,
      Moderator moderator,
      ObjectProvider<SpiritListener> listeners) {
    Spirit.Builder builder = Spirit.builder().store(store).clock(clock).moderator(moderator);
    listeners.orderedStream().forEach(builder::listener);
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean
  ReviewQueue spiritReviewQueue(Spirit spirit, SpiritProperties properties) {
    try {
      return new ReviewQueue(spirit, properties.getReview().getLease());
    } catch (SpiritException e) {
      throw new SpiritConfigurationException(
          "spirit.review.lease", String.valueOf(e.getMessage()), e);
    }
  }

  /** Micrometer metrics; Boot binds every {@code MeterBinder} bean to its registry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean
    SpiritMetrics spiritMetrics(SpiritStore store, SpiritProperties properties) {
      try {
        return new SpiritMetrics(store, properties.getMetrics().getQueueDepthTtl());
      } catch (SpiritException e) {
        throw new SpiritConfigurationException(
            "spirit.metrics.queue-depth-ttl", String.valueOf(e.getMessage()), e);
      }
    }
  }

  /** The health indicator, when actuator's health support is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnEnabledHealthIndicator("spirit")
  static class HealthIndicatorConfiguration {
    @Bean
    @ConditionalOnMissingBean
    SpiritHealthIndicator spiritHealthIndicator(
        SpiritStore store, ObjectProvider<LexiconRule> rule, ObjectProvider<TermLexicon> lexicon) {
      return new SpiritHealthIndicator(
          store,
          () -> {
            LexiconRule current = rule.getIfAvailable();
            if (current != null) {
              return current.lexicon();
            }
            TermLexicon fixed = lexicon.getIfAvailable();
            return fixed != null ? fixed : TermLexicon.empty();
          });
    }
  }
}
