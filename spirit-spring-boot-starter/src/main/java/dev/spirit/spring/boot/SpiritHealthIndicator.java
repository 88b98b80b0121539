package dev.spirit.spring.boot;

import dev.spirit.moderation.TermLexicon;
import dev.spirit.storage.SpiritStore;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Spirit's health: {@code UP} when the store answers (it lists its campaigns), {@code DOWN} with
 * the store's error when it does not; the details give the backend, the number of campaigns, and
 * the version and size of the moderation lexicon in use.
 */
public class SpiritHealthIndicator implements HealthIndicator {
  private final SpiritStore store;
  private final Supplier<TermLexicon> lexicon;

  /**
   * Creates the indicator.
   *
   * @param store the store to check
   * @param lexicon the lexicon currently in use (read at each check, so a reload shows)
   */
  public SpiritHealthIndicator(SpiritStore store, Supplier<TermLexicon> lexicon) {
    this.store = store;
    this.lexicon = lexicon;
  }

  /**
   * Checks the store and reports the lexicon.
   *
   * @return the health, with details
   */
  @Override
  public Health health() {
    Health.Builder health;
    try {
      int campaigns = store.listCampaigns().size();
      health = Health.up().withDetail("campaigns", campaigns);
    } catch (RuntimeException e) {
      health = Health.down().withDetail("error", String.valueOf(e.getMessage()));
    }
    TermLexicon current = lexicon.get();
    return health
        .withDetail("store", store.getClass().getSimpleName())
        .withDetail("lexiconVersion", current.version())
        .withDetail("lexiconTerms", current.terms().size())
        .build();
  }
}
