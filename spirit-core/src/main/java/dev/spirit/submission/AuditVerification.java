package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;
import java.util.Optional;

/**
 * The result of verifying a campaign's audit chain ({@link AuditChain#verify}).
 *
 * @param entries how many entries the log holds
 * @param unsealedEntries how many entries at its start were stored before Spirit kept a chain (they
 *     precede the chain and are not covered by it)
 * @param erasedReasons how many chained entries had their reason erased (verified by its digest)
 * @param headHash the hash of the last entry verified, if any was: keep it elsewhere to detect
 *     later truncation or a rewrite
 * @param firstBreak the first place the chain is broken, if it is
 */
public record AuditVerification(
    long entries,
    long unsealedEntries,
    long erasedReasons,
    Optional<String> headHash,
    Optional<Break> firstBreak) {

  /** Checks the counts. */
  public AuditVerification {
    if (entries < 0 || unsealedEntries < 0 || erasedReasons < 0) {
      throw new InvalidInputException("auditVerification", "counts must not be negative");
    }
    if (headHash == null || firstBreak == null) {
      throw new InvalidInputException("auditVerification", "headHash and firstBreak are required");
    }
  }

  /**
   * Whether no break was found.
   *
   * @return true if the chain verified
   */
  public boolean intact() {
    return firstBreak.isEmpty();
  }

  /** How a chain is broken. */
  public enum Problem {
    /** An entry's content, reason, seal or predecessor does not match its hash. */
    EDITED,
    /** A sequence number is missing: its entry was removed. */
    REMOVED,
    /** A sequence number is stored after a later one. */
    REORDERED
  }

  /**
   * Where and how a chain is broken.
   *
   * @param sequence the sequence number at which the chain breaks
   * @param problem what kind of break
   * @param detail what was found, in words
   */
  public record Break(long sequence, Problem problem, String detail) {
    /** Checks the fields are present. */
    public Break {
      if (problem == null || detail == null) {
        throw new InvalidInputException("auditVerification.break", "problem and detail required");
      }
    }
  }
}
