package dev.spirit.error;

/**
 * A review decision (or renewal) was refused because the moderator does not hold a live lease on
 * the submission: they never claimed it, their claim lapsed, or someone else holds it. Claim the
 * item again (if it is free) and decide anew.
 */
public class LeaseException extends NotPermittedException {
  private static final long serialVersionUID = 1L;

  /** Why the moderator's lease does not hold. */
  public enum Reason {
    /** No lease at all: the item was never claimed, or its claim was released or decided. */
    NOT_CLAIMED,
    /** The moderator's own lease lapsed before the decision. */
    EXPIRED,
    /** Another moderator holds an active lease. */
    HELD_BY_OTHER
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the lease does not hold
   * @param message what was refused, naming the submission and, where known, the holder and expiry
   */
  public LeaseException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * Why the lease does not hold.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
