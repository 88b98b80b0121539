package dev.spirit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.event.SpiritListener;
import dev.spirit.micrometer.SpiritMetrics;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.Moderator;
import dev.spirit.moderation.TermAction;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.review.ReviewQueue;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.file.FileStore;
import dev.spirit.storage.jdbc.JdbcStore;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@DisplayName("Spirit's auto-configuration")
class SpiritAutoConfigurationTest {
  private static final Path DEFAULT_DIR = Path.of("spirit-data");

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(SpiritAutoConfiguration.class));

  private final ApplicationContextRunner inMemory =
      runner.withPropertyValues("spirit.store-uri=mem:");

  @AfterEach
  void removeDefaultStore() throws IOException {
    // the default store is the relative file:./spirit-data, created in the module's directory
    if (Files.exists(DEFAULT_DIR)) {
      try (Stream<Path> paths = Files.walk(DEFAULT_DIR)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static Campaign openCampaign(Spirit spirit) {
    Campaign campaign =
        spirit
            .campaigns()
            .create(
                Campaign.builder("spirit-of-yuzhong")
                    .title("渝中精神", "Spirit of Yuzhong")
                    .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
                    .districts("yuzhong")
                    .allChannels()
                    .createdAt(Instant.now().minusSeconds(60))
                    .build());
    return spirit.campaigns().open(campaign.id());
  }

  private static Receipt submit(Spirit spirit, Campaign campaign, String text) {
    return spirit.submit(
        SubmissionRequest.builder(campaign.id())
            .kind(SubmissionKind.SLOGAN)
            .text(text)
            .district("yuzhong")
            .channel(Channel.MESSAGE_BOARD)
            .participant(Participant.consenting("p-" + text.hashCode(), Role.RESIDENT))
            .build());
  }

  private static SubmissionStatus statusOf(Spirit spirit, Receipt receipt) {
    return spirit
        .submissions()
        .find(((Receipt.Accepted) receipt).id())
        .map(Submission::status)
        .orElseThrow();
  }

  @Nested
  @DisplayName("chooses the store")
  class Store {
    @Test
    @DisplayName("from spirit.store-uri when it is set")
    void fromUri() {
      inMemory.run(
          context -> {
            assertThat(context).hasSingleBean(SpiritStore.class);
            assertThat(context.getBean(SpiritStore.class)).isInstanceOf(InMemoryStore.class);
            assertThat(context.getBean(Spirit.class).store())
                .isSameAs(context.getBean(SpiritStore.class));
          });
    }

    @Test
    @DisplayName("over the application's DataSource when spirit-storage-jdbc is present")
    void fromDataSource() {
      runner
          .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
          .withPropertyValues("spring.datasource.url=jdbc:h2:mem:spirit-ds;DB_CLOSE_DELAY=-1")
          .run(
              context -> {
                assertThat(context).hasSingleBean(DataSource.class);
                assertThat(context.getBean(SpiritStore.class)).isInstanceOf(JdbcStore.class);
                Spirit spirit = context.getBean(Spirit.class);
                Campaign campaign = openCampaign(spirit);
                assertThat(spirit.campaigns().find(campaign.id())).isPresent();
              });
    }

    @Test
    @DisplayName("over the primary DataSource when the application has several")
    void primaryDataSource() {
      runner
          .withUserConfiguration(TwoDataSources.class)
          .withBean(
              "primaryDataSource",
              DataSource.class,
              () -> h2("spirit-primary"),
              d -> d.setPrimary(true))
          .run(
              context -> {
                Spirit spirit = context.getBean(Spirit.class);
                openCampaign(spirit);
                try (java.sql.Connection c =
                        context.getBean("primaryDataSource", DataSource.class).getConnection();
                    java.sql.ResultSet tables =
                        c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                  assertThat(tables.next()).as("Spirit's schema in the primary").isTrue();
                }
              });
    }

    @Test
    @DisplayName("and refuses to guess between several DataSources without a primary one")
    void severalDataSources() {
      runner
          .withUserConfiguration(TwoDataSources.class)
          .run(
              context -> {
                SpiritConfigurationException e = configurationFailure(context.getStartupFailure());
                assertThat(e.property()).isEqualTo("spirit.store-uri");
                assertThat(e).hasMessageContaining("several DataSource beans");
              });
    }

    @Test
    @DisplayName("from spirit.store-uri even when there is a DataSource")
    void uriBeatsDataSource() {
      inMemory
          .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
          .withPropertyValues("spring.datasource.url=jdbc:h2:mem:spirit-ignored")
          .run(
              context ->
                  assertThat(context.getBean(SpiritStore.class)).isInstanceOf(InMemoryStore.class));
    }

    @Test
    @DisplayName("the file store at file:./spirit-data when there is neither")
    void defaultFileStore() {
      runner.run(
          context -> {
            assertThat(context.getBean(SpiritStore.class)).isInstanceOf(FileStore.class);
            assertThat(DEFAULT_DIR).isDirectory();
          });
    }

    @Test
    @DisplayName("the file store when there is a DataSource but no spirit-storage-jdbc")
    void dataSourceWithoutJdbcBackend() {
      runner
          .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
          .withPropertyValues("spring.datasource.url=jdbc:h2:mem:spirit-nojdbc")
          .withClassLoader(new FilteredClassLoader(JdbcStore.class))
          .run(
              context ->
                  assertThat(context.getBean(SpiritStore.class)).isInstanceOf(FileStore.class));
    }

    @Test
    @DisplayName("the application's own store bean, which the Spirit bean then uses")
    void userStore() {
      InMemoryStore mine = new InMemoryStore();
      runner
          .withBean(SpiritStore.class, () -> mine)
          .run(
              context -> {
                assertThat(context).hasSingleBean(SpiritStore.class);
                assertThat(context.getBean(Spirit.class).store()).isSameAs(mine);
              });
    }

    @Test
    @DisplayName("and the Spirit bean closes it when the context closes")
    void closedWithContext() {
      InMemoryStore[] seen = new InMemoryStore[1];
      inMemory.run(context -> seen[0] = (InMemoryStore) context.getBean(SpiritStore.class));
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> seen[0].listCampaigns()))
          .isInstanceOf(dev.spirit.error.StorageException.class)
          .hasMessageContaining("closed");
    }
  }

  @Nested
  @DisplayName("loads the lexicons")
  class Lexicons {
    @Test
    @DisplayName("none configured: an empty lexicon, and moderation still screens personal data")
    void none() {
      inMemory.run(
          context -> {
            assertThat(context.getBean(TermLexicon.class).terms()).isEmpty();
            assertThat(context.getBean(Moderator.class)).isInstanceOf(ModerationPipeline.class);
          });
    }

    @Test
    @DisplayName("the city lexicon with its allow-list from spirit.lexicon.city")
    void city() {
      inMemory
          .withPropertyValues(
              "spirit.lexicon.city=classpath:lexicons/city.tsv",
              "spirit.lexicon.city-allow-list=classpath:lexicons/city-allow.txt")
          .run(
              context -> {
                TermLexicon lexicon = context.getBean(TermLexicon.class);
                assertThat(lexicon.terms()).extracting(t -> t.text()).contains("赌场", "垃圾");
                assertThat(lexicon.allowList()).contains("不是垃圾");
                Spirit spirit = context.getBean(Spirit.class);
                Campaign campaign = openCampaign(spirit);
                assertThat(statusOf(spirit, submit(spirit, campaign, "赌场开业")))
                    .isEqualTo(SubmissionStatus.REJECTED);
              });
    }

    @Test
    @DisplayName("the district lexicon layered over the city's, with its own version")
    void layered() {
      inMemory
          .withPropertyValues(
              "spirit.lexicon.city=classpath:lexicons/city.tsv",
              "spirit.lexicon.district=classpath:lexicons/district.tsv")
          .run(
              context -> {
                TermLexicon lexicon = context.getBean(TermLexicon.class);
                assertThat(lexicon.terms())
                    .filteredOn(t -> t.text().equals("垃圾"))
                    .extracting(t -> t.action())
                    .containsExactly(TermAction.BLOCK);
                assertThat(lexicon.terms()).extracting(t -> t.text()).contains("黑车", "赌场");
                assertThat(context.getBean(LexiconRule.class).lexicon()).isSameAs(lexicon);
              });
    }

    @Test
    @DisplayName(
        "the district's allow-list from spirit.lexicon.district-allow-list, with the city's")
    void districtAllowList() {
      inMemory
          .withPropertyValues(
              "spirit.lexicon.city=classpath:lexicons/city.tsv",
              "spirit.lexicon.city-allow-list=classpath:lexicons/city-allow.txt",
              "spirit.lexicon.district=classpath:lexicons/district.tsv",
              "spirit.lexicon.district-allow-list=classpath:lexicons/district-allow.txt")
          .run(
              context ->
                  assertThat(context.getBean(TermLexicon.class).allowList())
                      .contains("不是垃圾", "山城垃圾车"));
    }

    @Test
    @DisplayName("a district lexicon alone")
    void districtAlone() {
      inMemory
          .withPropertyValues("spirit.lexicon.district=classpath:lexicons/district.tsv")
          .run(
              context ->
                  assertThat(context.getBean(TermLexicon.class).terms())
                      .extracting(t -> t.text())
                      .containsExactlyInAnyOrder("垃圾", "黑车"));
    }

    @Test
    @DisplayName("the application's own lexicon bean instead of the files")
    void userLexicon() {
      TermLexicon mine = TermLexicon.builder().block("黄牛", "scalping").build();
      inMemory
          .withPropertyValues("spirit.lexicon.city=classpath:does-not-matter.tsv")
          .withBean(TermLexicon.class, () -> mine)
          .run(context -> assertThat(context.getBean(LexiconRule.class).lexicon()).isSameAs(mine));
    }
  }

  @Nested
  @DisplayName("lets the application replace one piece and keep the rest")
  class Replacing {
    @Test
    @DisplayName("its moderator")
    void moderator() {
      Moderator rejectAll =
          (candidate, campaign) ->
              new dev.spirit.submission.ModerationRecord(
                  dev.spirit.submission.ModerationDecision.REJECT,
                  List.of(),
                  java.util.Map.of(),
                  java.util.Optional.empty(),
                  candidate.receivedAt());
      inMemory
          .withBean(Moderator.class, () -> rejectAll)
          .run(
              context -> {
                assertThat(context.getBean(Moderator.class)).isSameAs(rejectAll);
                assertThat(context).hasSingleBean(TermLexicon.class).hasSingleBean(Spirit.class);
                Spirit spirit = context.getBean(Spirit.class);
                Campaign campaign = openCampaign(spirit);
                assertThat(statusOf(spirit, submit(spirit, campaign, "山城精神")))
                    .isEqualTo(SubmissionStatus.REJECTED);
              });
    }

    @Test
    @DisplayName("its lexicon rule, which the moderator and the health indicator then use")
    void lexiconRule() {
      LexiconRule mine = new LexiconRule(TermLexicon.builder().block("黄牛", "scalping").build());
      inMemory
          .withBean(LexiconRule.class, () -> mine)
          .run(
              context -> {
                assertThat(((ModerationPipeline) context.getBean(Moderator.class)).rules())
                    .contains(mine);
                assertThat(context.getBean(SpiritHealthIndicator.class).health().getDetails())
                    .containsEntry("lexiconVersion", mine.lexicon().version());
              });
    }

    @Test
    @DisplayName("its review queue")
    void reviewQueue() {
      inMemory
          .withUserConfiguration(OwnReviewQueue.class)
          .run(
              context ->
                  assertThat(context.getBean(ReviewQueue.class))
                      .isSameAs(context.getBean("myQueue")));
    }

    @Test
    @DisplayName("its clock")
    void clock() {
      Clock fixed = Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);
      inMemory
          .withBean(Clock.class, () -> fixed)
          .run(context -> assertThat(context.getBean(Spirit.class).clock()).isSameAs(fixed));
    }

    @Test
    @DisplayName("the Spirit instance itself, keeping our store")
    void spirit() {
      inMemory
          .withUserConfiguration(OwnSpirit.class)
          .run(
              context -> {
                assertThat(context).hasSingleBean(Spirit.class);
                assertThat(context.getBean(Spirit.class)).isSameAs(OwnSpirit.built);
                assertThat(context.getBean(ReviewQueue.class)).isNotNull();
              });
    }

    @Test
    @DisplayName("the metrics and the health indicator")
    void metricsAndHealth() {
      inMemory
          .withUserConfiguration(OwnMetricsAndHealth.class)
          .run(
              context -> {
                assertThat(context).hasSingleBean(SpiritMetrics.class);
                assertThat(context.getBean(SpiritMetrics.class))
                    .isSameAs(context.getBean("myMetrics"));
                assertThat(context).hasSingleBean(SpiritHealthIndicator.class);
                assertThat(context.getBean(SpiritHealthIndicator.class))
                    .isSameAs(context.getBean("myHealth"));
              });
    }

    @Test
    @DisplayName("and every SpiritListener bean of the application hears Spirit's events")
    void listeners() {
      inMemory
          .withUserConfiguration(RecordingListener.class)
          .run(
              context -> {
                Spirit spirit = context.getBean(Spirit.class);
                submit(spirit, openCampaign(spirit), "山城精神");
                assertThat(context.getBean(RecordingListener.class).accepted).hasSize(1);
              });
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnSpirit {
    static Spirit built;

    @Bean
    Spirit mySpirit(SpiritStore store) {
      built = Spirit.builder().store(store).build();
      return built;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnReviewQueue {
    @Bean
    ReviewQueue myQueue(Spirit spirit) {
      return new ReviewQueue(spirit, Duration.ofMinutes(1));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnMetricsAndHealth {
    @Bean
    SpiritMetrics myMetrics(SpiritStore store) {
      return new SpiritMetrics(store, Duration.ZERO);
    }

    @Bean
    SpiritHealthIndicator myHealth(SpiritStore store) {
      return new SpiritHealthIndicator(store, TermLexicon::empty);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class RecordingListener implements SpiritListener {
    final List<Submission> accepted = new ArrayList<>();

    @Override
    public void onAccepted(Submission submission) {
      accepted.add(submission);
    }
  }

  @Nested
  @DisplayName("applies the properties")
  class Properties {
    @Test
    @DisplayName("spirit.time-zone sets the clock's zone; Asia/Shanghai by default")
    void timeZone() {
      inMemory.run(
          context ->
              assertThat(context.getBean(Clock.class).getZone())
                  .isEqualTo(ZoneId.of("Asia/Shanghai")));
      inMemory
          .withPropertyValues("spirit.time-zone=Europe/Berlin")
          .run(
              context ->
                  assertThat(context.getBean(Spirit.class).clock().getZone())
                      .isEqualTo(ZoneId.of("Europe/Berlin")));
    }

    @Test
    @DisplayName("spirit.moderation.enabled=false stores submissions unscreened")
    void moderationOff() {
      inMemory
          .withPropertyValues(
              "spirit.moderation.enabled=false", "spirit.lexicon.city=classpath:lexicons/city.tsv")
          .run(context -> assertThat(context.getBean(Moderator.class)).isSameAs(Moderator.NONE));
    }

    @Test
    @DisplayName("spirit.moderation thresholds reach the duplicate rule")
    void thresholds() {
      inMemory
          .withPropertyValues(
              "spirit.moderation.near-duplicate-threshold=0.9", "spirit.moderation.flood-size=3")
          .run(
              context -> {
                ModerationPipeline pipeline = (ModerationPipeline) context.getBean(Moderator.class);
                assertThat(pipeline.rules())
                    .filteredOn(r -> r.id().equals(dev.spirit.moderation.DuplicateRule.ID))
                    .extracting(r -> r.version())
                    .containsExactly("1/j0.9/f3");
              });
    }

    @Test
    @DisplayName("spirit.review.lease sets the review queue's lease")
    void lease() {
      inMemory
          .withPropertyValues("spirit.review.lease=2m")
          .run(
              context -> {
                Spirit spirit = context.getBean(Spirit.class);
                Campaign campaign = openCampaign(spirit);
                campaign = spirit.campaigns().find(campaign.id()).orElseThrow();
                Receipt r = submit(spirit, campaign, "山城精神");
                ReviewQueue queue = context.getBean(ReviewQueue.class);
                Submission claimed =
                    queue.claim(((Receipt.Accepted) r).id(), "mod-a").orElseThrow();
                Instant expires = claimed.reviewLease().orElseThrow().expiresAt();
                assertThat(Duration.between(spirit.clock().instant(), expires))
                    .isBetween(Duration.ofSeconds(100), Duration.ofMinutes(2));
              });
    }

    @Test
    @DisplayName("the defaults of the lease and the queue-depth cache are core's")
    void defaultsMatchCore() {
      SpiritProperties defaults = new SpiritProperties();
      assertThat(defaults.getReview().getLease()).isEqualTo(ReviewQueue.DEFAULT_LEASE);
      assertThat(defaults.getMetrics().getQueueDepthTtl())
          .isEqualTo(SpiritMetrics.DEFAULT_QUEUE_DEPTH_TTL);
      assertThat(defaults.getModeration().isEnabled()).isTrue();
    }
  }

  @Nested
  @DisplayName("fails startup on a bad value, naming the property")
  class BadValues {
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "spirit.store-uri|nosuch:somewhere|no storage backend on the class path accepts",
          "spirit.lexicon.city|classpath:lexicons/missing.tsv|cannot read class path resource",
          "spirit.lexicon.city|classpath:lexicons/malformed.tsv|malformed.tsv",
          "spirit.lexicon.city-allow-list|classpath:lexicons/city-allow.txt|spirit.lexicon.city"
              + " (its lexicon) is not",
          "spirit.time-zone|Mars/Olympus_Mons|is not a time zone",
          "spirit.moderation.near-duplicate-threshold|1.5|must be in (0, 1]",
          "spirit.moderation.flood-size|1|must be at least 2",
          "spirit.review.lease|0s|must be a positive duration",
          "spirit.metrics.queue-depth-ttl|-1s|must be zero or a positive duration",
        })
    void fails(String property, String value, String message) {
      inMemory
          .withPropertyValues(property + "=" + value)
          .run(
              context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isNotNull();
                SpiritConfigurationException e = configurationFailure(context.getStartupFailure());
                assertThat(e.property()).isEqualTo(property);
                assertThat(e).hasMessageStartingWith(property + ": ").hasMessageContaining(message);
              });
    }

    @Test
    @DisplayName("a district lexicon that lowers a city block term names spirit.lexicon.district")
    void districtLowersCity() {
      inMemory
          .withPropertyValues(
              "spirit.lexicon.city=classpath:lexicons/city.tsv",
              "spirit.lexicon.district=classpath:lexicons/district-lowers.tsv")
          .run(
              context -> {
                SpiritConfigurationException e = configurationFailure(context.getStartupFailure());
                assertThat(e.property()).isEqualTo("spirit.lexicon.district");
                assertThat(e).hasMessageContaining("cannot lower it to review");
              });
    }

    @Test
    @DisplayName("a DataSource Spirit cannot use names it and says how to choose another store")
    void unusableDataSource() {
      runner
          .withUserConfiguration(BrokenDataSource.class)
          .run(
              context -> {
                SpiritConfigurationException e = configurationFailure(context.getStartupFailure());
                assertThat(e.property()).isEqualTo("spring.datasource");
                assertThat(e).hasMessageContaining("set spirit.store-uri");
              });
    }
  }

  private static DataSource h2(String name) {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoDataSources {
    @Bean
    DataSource reportingDataSource() {
      return h2("spirit-reporting");
    }

    @Bean
    DataSource auditDataSource() {
      return h2("spirit-audit");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class BrokenDataSource {
    @Bean
    DataSource brokenDataSource() {
      org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
      // IFEXISTS refuses to create the database, so every connection fails
      ds.setURL("jdbc:h2:mem:never-created;IFEXISTS=TRUE");
      return ds;
    }
  }

  private static SpiritConfigurationException configurationFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SpiritConfigurationException e) {
        return e;
      }
    }
    throw new AssertionError("startup did not fail with a SpiritConfigurationException", failure);
  }

  @Nested
  @DisplayName("configures health and metrics")
  class HealthAndMetrics {
    @Test
    @DisplayName("a health indicator: UP with the lexicon's version while the store answers")
    void healthUp() {
      inMemory
          .withPropertyValues("spirit.lexicon.city=classpath:lexicons/city.tsv")
          .run(
              context -> {
                Health health = context.getBean(SpiritHealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails())
                    .containsEntry("lexiconVersion", context.getBean(TermLexicon.class).version())
                    .containsEntry("lexiconTerms", 2)
                    .containsEntry("campaigns", 0)
                    .containsEntry("store", "InMemoryStore");
              });
    }

    @Test
    @DisplayName("DOWN with the store's error when the store does not answer")
    void healthDown() {
      inMemory.run(
          context -> {
            context.getBean(SpiritStore.class).close();
            Health health = context.getBean(SpiritHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(health.getDetails().get("error"))).contains("closed");
          });
    }

    @Test
    @DisplayName("the health indicator shows a lexicon reloaded at run time")
    void healthAfterReload() {
      inMemory.run(
          context -> {
            TermLexicon next = TermLexicon.builder().block("黄牛", "scalping").build();
            context.getBean(LexiconRule.class).reload(next);
            assertThat(context.getBean(SpiritHealthIndicator.class).health().getDetails())
                .containsEntry("lexiconVersion", next.version());
          });
    }

    @Test
    @DisplayName("no health indicator without actuator's health support, or when disabled")
    void noHealth() {
      inMemory
          .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(SpiritHealthIndicator.class);
              });
      inMemory
          .withPropertyValues("management.health.spirit.enabled=false")
          .run(context -> assertThat(context).doesNotHaveBean(SpiritHealthIndicator.class));
    }

    @ParameterizedTest(name = "spirit.metrics.queue-depth-ttl={0}: depth after a submission {1}")
    @CsvSource({"0s, 1", "1h, 0"})
    @DisplayName("metrics attached to the Spirit bean as a listener, caching depths as configured")
    void metrics(String ttl, double depthAfterSubmission) {
      inMemory
          .withPropertyValues("spirit.metrics.queue-depth-ttl=" + ttl)
          .run(
              context -> {
                SpiritMetrics metrics = context.getBean(SpiritMetrics.class);
                io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
                Spirit spirit = context.getBean(Spirit.class);
                Campaign campaign = openCampaign(spirit);
                metrics.bindTo(registry);
                io.micrometer.core.instrument.Gauge depth =
                    registry.get(SpiritMetrics.REVIEW_QUEUE_DEPTH).gauge();
                assertThat(depth.value()).isZero();

                submit(spirit, campaign, "山城精神"); // pre-moderation: pending

                assertThat(registry.get(SpiritMetrics.SUBMISSIONS).counter().count()).isEqualTo(1);
                assertThat(depth.value()).isEqualTo(depthAfterSubmission);
              });
    }

    @Test
    @DisplayName("no metrics without Micrometer")
    void noMetrics() {
      inMemory
          .withClassLoader(new FilteredClassLoader(MeterBinder.class))
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(SpiritMetrics.class);
                assertThat(context).hasSingleBean(Spirit.class);
              });
    }
  }
}
