package dev.spirit.submission;

import java.util.EnumSet;
import java.util.Set;

/** Where a submission stands in moderation. Only {@link #APPROVED} submissions are public. */
public enum SubmissionStatus {
  /** Waiting for review. */
  PENDING,
  /** Public. */
  APPROVED,
  /** Refused by moderation; the participant may appeal once. */
  REJECTED,
  /** Taken down after publication (reported, or hidden by a moderator) pending decision. */
  HIDDEN,
  /** Withdrawn by the participant; final. */
  WITHDRAWN;

  /**
   * The statuses this one may move to. {@link #WITHDRAWN} is final.
   *
   * @return allowed next statuses
   */
  public Set<SubmissionStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(APPROVED, REJECTED, HIDDEN, WITHDRAWN);
      case APPROVED -> EnumSet.of(HIDDEN, REJECTED, WITHDRAWN);
      case REJECTED -> EnumSet.of(PENDING, APPROVED, WITHDRAWN);
      case HIDDEN -> EnumSet.of(APPROVED, REJECTED, PENDING, WITHDRAWN);
      case WITHDRAWN -> EnumSet.noneOf(SubmissionStatus.class);
    };
  }

  /**
   * Whether this status may move to {@code target}.
   *
   * @param target requested status
   * @return true if allowed
   */
  public boolean canMoveTo(SubmissionStatus target) {
    return next().contains(target);
  }

  /**
   * Whether a submission in this status is public.
   *
   * @return true only for {@link #APPROVED}
   */
  public boolean isPublic() {
    return this == APPROVED;
  }
}
