package dev.spirit.storage.file;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.SubmissionText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One stored submission in the compact form the indexes hold: the id as two longs, the intake time
 * as seconds and nanoseconds, enums as ordinals, absent optionals as null, and references to shared
 * instances (campaign id, language, district, participant, provenance). A {@link Submission} is
 * built from it only when a read returns it: a retained {@code Submission} with its id, UUID,
 * instant and optionals costs about twice the heap.
 *
 * <p>Immutable once published: an update replaces the row. The shared references are swapped for
 * canonical instances by {@link StoreState} before the row enters any index, under the store's
 * write lock, and never change afterwards.
 */
final class SubmissionRow {
  private static final SubmissionKind[] KINDS = SubmissionKind.values();
  private static final Channel[] CHANNELS = Channel.values();
  private static final SubmissionStatus[] STATUSES = SubmissionStatus.values();

  final long idHigh;
  final long idLow;
  final long receivedSeconds;
  final int receivedNanos;
  final long version;
  final byte kind;
  final byte channel;
  final byte status;
  final boolean appealed;
  // the text as given and its normalized form: the same instance when they are equal; kept as
  // strings (a SubmissionText is built on read) to spare an object per row
  final String original;
  final String normalized;
  final @Nullable String collectionPoint;
  final @Nullable IdempotencyKey idempotencyKey;
  // null, a ModerationRecord, or — for what intake stores for almost every submission: approved,
  // no reasons, no redaction, decided at intake — only its rule versions (a map shared by all such
  // rows, see StoreState.canonicalize); the record is built on read
  @Nullable Object moderation;
  final @Nullable ReviewLease reviewLease;
  // replaced by shared instances before the row is published (see StoreState.canonicalize)
  CampaignId campaignId;
  Language language;
  District district;
  Participant participant;
  Provenance provenance;

  @SuppressWarnings("TooManyParameters") // one per stored field, called from two places only
  SubmissionRow(
      long idHigh,
      long idLow,
      CampaignId campaignId,
      SubmissionKind kind,
      String original,
      String normalized,
      Language language,
      District district,
      Channel channel,
      @Nullable String collectionPoint,
      Participant participant,
      Provenance provenance,
      long receivedSeconds,
      int receivedNanos,
      SubmissionStatus status,
      long version,
      @Nullable IdempotencyKey idempotencyKey,
      @Nullable Object moderation,
      @Nullable ReviewLease reviewLease,
      boolean appealed) {
    this.idHigh = idHigh;
    this.idLow = idLow;
    this.campaignId = campaignId;
    this.kind = (byte) kind.ordinal();
    this.original = original;
    this.normalized = normalized;
    this.language = language;
    this.district = district;
    this.channel = (byte) channel.ordinal();
    this.collectionPoint = collectionPoint;
    this.participant = participant;
    this.provenance = provenance;
    this.receivedSeconds = receivedSeconds;
    this.receivedNanos = receivedNanos;
    this.status = (byte) status.ordinal();
    this.version = version;
    this.idempotencyKey = idempotencyKey;
    this.moderation = moderation;
    this.reviewLease = reviewLease;
    this.appealed = appealed;
  }

  static SubmissionRow of(Submission s) {
    UUID id = s.id().value();
    return new SubmissionRow(
        id.getMostSignificantBits(),
        id.getLeastSignificantBits(),
        s.campaignId(),
        s.kind(),
        s.text().original(),
        s.text().normalized().equals(s.text().original())
            ? s.text().original()
            : s.text().normalized(),
        s.language(),
        s.district(),
        s.channel(),
        s.collectionPoint().orElse(null),
        s.participant(),
        s.provenance(),
        s.receivedAt().getEpochSecond(),
        s.receivedAt().getNano(),
        s.status(),
        s.version(),
        s.idempotencyKey().orElse(null),
        compact(s.moderation().orElse(null), s.receivedAt()),
        s.reviewLease().orElse(null),
        s.appealed());
  }

  /**
   * What the row keeps of a moderation record: its rule versions alone if it is an approval without
   * reasons or redaction decided at intake, else the record.
   */
  static @Nullable Object compact(@Nullable ModerationRecord m, Instant receivedAt) {
    if (m != null
        && m.decision() == ModerationDecision.APPROVE
        && m.reasons().isEmpty()
        && m.redactedText().isEmpty()
        && m.decidedAt().equals(receivedAt)) {
      return m.ruleVersions();
    }
    return m;
  }

  /** The submission this row stands for, built anew (its values are shared, not copied). */
  Submission toSubmission() {
    Instant receivedAt = Instant.ofEpochSecond(receivedSeconds, receivedNanos);
    return new Submission(
        id(),
        campaignId,
        KINDS[kind],
        new SubmissionText(original, normalized),
        language,
        district,
        CHANNELS[channel],
        Optional.ofNullable(collectionPoint),
        participant,
        provenance,
        receivedAt,
        STATUSES[status],
        version,
        Optional.ofNullable(idempotencyKey),
        Optional.ofNullable(moderation(receivedAt)),
        Optional.ofNullable(reviewLease),
        appealed);
  }

  @SuppressWarnings("unchecked") // compact() stores only ModerationRecord or Map<String, String>
  private @Nullable ModerationRecord moderation(Instant receivedAt) {
    Object m = moderation;
    if (m instanceof Map<?, ?> versions) {
      return new ModerationRecord(
          ModerationDecision.APPROVE,
          List.of(),
          (Map<String, String>) versions,
          Optional.empty(),
          receivedAt);
    }
    return (ModerationRecord) m;
  }

  SubmissionId id() {
    return new SubmissionId(new UUID(idHigh, idLow));
  }

  SubmissionStatus status() {
    return STATUSES[status];
  }

  Channel channel() {
    return CHANNELS[channel];
  }

  boolean hasId(long high, long low) {
    return idHigh == high && idLow == low;
  }

  /** Orders like {@link SubmissionId#compareTo}: unsigned 128-bit. */
  int compareId(long high, long low) {
    int c = Long.compareUnsigned(idHigh, high);
    return c != 0 ? c : Long.compareUnsigned(idLow, low);
  }

  /** Orders by intake time like {@link Instant#compareTo}. */
  int compareReceived(long seconds, int nanos) {
    int c = Long.compare(receivedSeconds, seconds);
    return c != 0 ? c : Integer.compare(receivedNanos, nanos);
  }
}
