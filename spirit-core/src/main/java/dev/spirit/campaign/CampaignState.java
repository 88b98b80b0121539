package dev.spirit.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a campaign: {@code DRAFT → OPEN ⇄ PAUSED → CLOSED → ARCHIVED}. Submissions are
 * taken only while {@link #OPEN}.
 */
public enum CampaignState {
  /** Being prepared; takes no submissions. */
  DRAFT,
  /** Taking submissions (within its open/close instants). */
  OPEN,
  /** Temporarily not taking submissions; may reopen. */
  PAUSED,
  /** Finished; takes no more submissions, results are final. */
  CLOSED,
  /** Kept for the record; read-only. */
  ARCHIVED;

  /**
   * The states this state may move to.
   *
   * @return the allowed next states (empty for {@link #ARCHIVED})
   */
  public Set<CampaignState> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(OPEN);
      case OPEN -> EnumSet.of(PAUSED, CLOSED);
      case PAUSED -> EnumSet.of(OPEN, CLOSED);
      case CLOSED -> EnumSet.of(ARCHIVED);
      case ARCHIVED -> EnumSet.noneOf(CampaignState.class);
    };
  }

  /**
   * Whether moving from this state to {@code target} is allowed.
   *
   * @param target the requested state
   * @return true if allowed
   */
  public boolean canMoveTo(CampaignState target) {
    return next().contains(target);
  }
}
