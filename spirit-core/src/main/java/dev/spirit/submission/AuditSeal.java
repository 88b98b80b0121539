package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;

/**
 * Where an audit entry sits in its campaign's hash chain ({@link AuditChain}): its sequence number,
 * the salted commitment to its reason and the chain hash.
 *
 * <p>The chain hashes the reason's commitment, not the reason itself, so that erasure can remove a
 * reason (it may quote the participant) without breaking the chain: erasure drops the reason and
 * the salt and keeps the commitment; without the salt the commitment reveals nothing of the reason,
 * not even by trying likely reasons.
 *
 * @param sequence the entry's position in the campaign's chain, from 1, without gaps
 * @param reasonSalt 16 random bytes in lower-case hex, or empty once the reason was erased
 * @param reasonDigest SHA-256 of the salt and the reason, in lower-case hex
 * @param hash SHA-256 of the previous entry's hash and this entry's canonical bytes, lower-case hex
 */
public record AuditSeal(long sequence, String reasonSalt, String reasonDigest, String hash) {
  /** Checks the sequence is positive and the strings present. */
  public AuditSeal {
    if (sequence < 1) {
      throw new InvalidInputException("audit.seal.sequence", "must be at least 1, was " + sequence);
    }
    if (reasonSalt == null || reasonDigest == null || hash == null) {
      throw new InvalidInputException(
          "audit.seal", "reasonSalt, reasonDigest and hash are required");
    }
  }

  /**
   * Whether the reason this seal commits to was erased (its salt is gone).
   *
   * @return true once erased
   */
  public boolean reasonErased() {
    return reasonSalt.isEmpty();
  }

  /**
   * This seal once its entry's reason is erased: the salt goes, the commitment and hash stay.
   *
   * @return the seal without its salt
   */
  public AuditSeal erased() {
    return new AuditSeal(sequence, "", reasonDigest, hash);
  }
}
