package dev.spirit.submission;

/** The outcome of automatic moderation. */
public enum ModerationDecision {
  /** Nothing found; may be published according to the campaign's moderation mode. */
  APPROVE,
  /** Needs a person to look at it. */
  REVIEW,
  /** Refused outright. */
  REJECT;

  /**
   * The stricter of two decisions ({@code REJECT > REVIEW > APPROVE}).
   *
   * @param other another decision
   * @return the stricter one
   */
  public ModerationDecision strictest(ModerationDecision other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
