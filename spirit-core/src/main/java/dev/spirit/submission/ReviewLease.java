package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.time.Instant;

/**
 * A moderator's claim on a pending submission, so two moderators do not review the same item.
 * Expires by itself.
 *
 * @param moderator who claimed it
 * @param expiresAt when the claim lapses
 */
public record ReviewLease(String moderator, Instant expiresAt) {
  public ReviewLease {
    Texts.requireLabel("lease.moderator", moderator, 128);
    if (expiresAt == null) {
      throw new InvalidInputException("lease.expiresAt", "must not be null");
    }
  }

  /**
   * Whether the lease still holds at {@code now}.
   *
   * @param now the current instant
   * @return true before expiry
   */
  public boolean isActiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
