package dev.spirit.submission;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain over a campaign's audit log: how entries are sealed when appended and how a log is
 * verified. Computed here, in core, so that every storage backend chains the same way; backends
 * only store and return the {@link AuditSeal}.
 *
 * <p>Entry {@code n} of a campaign carries sequence {@code n} (from 1) and {@code hash(n) =
 * SHA-256(hash(n-1) || canonical bytes of entry n)}, with 32 zero bytes before the first entry. The
 * canonical bytes are, each as a 4-byte big-endian length and its UTF-8: a format tag, the
 * campaign, the sequence, the submission, actor, instant (ISO-8601), both statuses, the lease
 * holder (or a marker for none) and the reason's salted digest {@code SHA-256(salt || reason)}. The
 * reason enters only through that digest: erasure may replace a reason, which may quote the
 * participant, and drop the salt, and the chain still verifies.
 *
 * <p>What it detects: any edited field, a removed entry, entries out of order, a seal stripped from
 * an entry after the chain began. What it cannot detect alone: removal of the last entries, or a
 * rewrite of the whole chain from some entry on by someone with write access to the store (the
 * chain is not keyed). Keep the {@linkplain AuditVerification#headHash() head hash} somewhere else
 * (the audit export prints it) and check it later against the same entry to rule both out.
 */
public final class AuditChain {
  /** The hash before the first entry: 32 zero bytes, in hex. */
  public static final String GENESIS = "0".repeat(64);

  private static final String FORMAT = "spirit-audit/1";
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private AuditChain() {}

  /**
   * Seals {@code entry} as the next entry after {@code last}. Stores call it while holding what
   * makes their append atomic (a lock, or a unique sequence per campaign), so two appends never
   * receive the same sequence.
   *
   * @param last the campaign's last stored entry, if any; an entry stored before the chain existed
   *     (without a seal) starts the chain at sequence 1
   * @param entry the entry to append; a seal it carries is replaced
   * @return the entry with its seal
   */
  public static AuditEntry seal(Optional<AuditEntry> last, AuditEntry entry) {
    Optional<AuditSeal> previous = last.flatMap(AuditEntry::seal);
    long sequence = previous.map(s -> s.sequence() + 1).orElse(1L);
    String previousHash = previous.map(AuditSeal::hash).orElse(GENESIS);
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String saltHex = HEX.formatHex(salt);
    String digest = reasonDigest(saltHex, entry.reason());
    String hash = hash(previousHash, entry, sequence, digest);
    return entry.withSeal(Optional.of(new AuditSeal(sequence, saltHex, digest, hash)));
  }

  /**
   * Verifies a campaign's log, as the store streams it (in append order).
   *
   * @param entries the entries, in the order stored
   * @return what was found: intact, or the first break
   */
  public static AuditVerification verify(Iterator<AuditEntry> entries) {
    long count = 0;
    long legacy = 0;
    long erased = 0;
    long expected = 1;
    String previousHash = GENESIS;
    AuditVerification.@Nullable Break found = null;
    long missing = 0; // a sequence number not seen where it was due: removed, unless it comes later
    long missingAt = 0;
    while (entries.hasNext()) {
      AuditEntry e = entries.next();
      count++;
      if (found != null) {
        continue; // count the rest; only the first break is reported
      }
      if (e.seal().isEmpty()) {
        if (expected > 1 || missing > 0) {
          found =
              new AuditVerification.Break(
                  expected,
                  AuditVerification.Problem.EDITED,
                  "the entry after sequence " + (expected - 1) + " has no seal");
        } else {
          legacy++;
        }
        continue;
      }
      AuditSeal s = e.seal().get();
      if (missing > 0) {
        if (s.sequence() == missing) {
          found =
              new AuditVerification.Break(
                  missing,
                  AuditVerification.Problem.REORDERED,
                  "sequence " + missing + " is stored after sequence " + missingAt);
        }
        continue;
      }
      if (s.sequence() < expected) {
        found =
            new AuditVerification.Break(
                s.sequence(),
                AuditVerification.Problem.REORDERED,
                "sequence " + s.sequence() + " is stored after sequence " + (expected - 1));
        continue;
      }
      if (s.sequence() > expected) {
        missing = expected;
        missingAt = s.sequence();
        continue;
      }
      if (s.reasonErased()) {
        if (!e.reason().equals(AuditEntry.REASON_ERASED)) {
          found =
              new AuditVerification.Break(
                  s.sequence(),
                  AuditVerification.Problem.EDITED,
                  "the reason of an erased entry was changed");
          continue;
        }
        erased++;
      } else if (!reasonDigest(s.reasonSalt(), e.reason()).equals(s.reasonDigest())) {
        found =
            new AuditVerification.Break(
                s.sequence(),
                AuditVerification.Problem.EDITED,
                "the reason does not match its digest");
        continue;
      }
      String hash = hash(previousHash, e, s.sequence(), s.reasonDigest());
      if (!hash.equals(s.hash())) {
        found =
            new AuditVerification.Break(
                s.sequence(),
                AuditVerification.Problem.EDITED,
                "the entry's content or the previous entry's hash does not match its hash");
        continue;
      }
      previousHash = hash;
      expected++;
    }
    if (found == null && missing > 0) {
      found =
          new AuditVerification.Break(
              missing,
              AuditVerification.Problem.REMOVED,
              (missingAt - missing == 1
                      ? "sequence " + missing + " is missing"
                      : "sequences " + missing + " to " + (missingAt - 1) + " are missing")
                  + " (the next stored is "
                  + missingAt
                  + ")");
    }
    return new AuditVerification(
        count,
        legacy,
        erased,
        expected > 1 ? Optional.of(previousHash) : Optional.empty(),
        Optional.ofNullable(found));
  }

  /**
   * The salted digest of a reason, as sealed.
   *
   * @param saltHex the salt, hex
   * @param reason the reason
   * @return SHA-256 of the salt's bytes and the reason's UTF-8, lower-case hex
   */
  static String reasonDigest(String saltHex, String reason) {
    MessageDigest sha = sha256();
    try {
      sha.update(HEX.parseHex(saltHex));
    } catch (IllegalArgumentException e) {
      return "unreadable salt"; // an edited salt: never equal to a stored digest
    }
    sha.update(reason.getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(sha.digest());
  }

  private static String hash(String previousHash, AuditEntry e, long sequence, String digest) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    field(bytes, FORMAT);
    field(bytes, e.campaignId().toString());
    field(bytes, Long.toString(sequence));
    field(bytes, e.submissionId().toString());
    field(bytes, e.actor());
    field(bytes, e.at().toString());
    field(bytes, e.from().name());
    field(bytes, e.to().name());
    field(bytes, e.lease().map(l -> "+" + l).orElse("-"));
    field(bytes, digest);
    MessageDigest sha = sha256();
    try {
      sha.update(HEX.parseHex(previousHash));
    } catch (IllegalArgumentException ex) {
      sha.update(previousHash.getBytes(StandardCharsets.UTF_8));
    }
    sha.update(bytes.toByteArray());
    return HEX.formatHex(sha.digest());
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    int n = utf8.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.write(utf8, 0, n);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
