package dev.spirit.storage.file;

import static dev.spirit.storage.file.CodecFields.constants;
import static dev.spirit.storage.file.CodecFields.field;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.SubmissionText;
import dev.spirit.text.Texts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a submission record's JSON straight from the frame's bytes into a {@link SubmissionRow}:
 * a strict reader of the one shape {@link SpiritCodec} writes (fields in record-component order,
 * absent optionals left out, no white space), with no intermediate {@code String} of the payload,
 * no {@code Submission}, {@code SubmissionId}, {@code UUID} or {@code Instant} objects, and
 * repeated values (campaign id, district, language, participant, the direct provenance) taken from
 * a cache instead of being validated and allocated again. Strings are decoded from UTF-8 exactly as
 * the whole payload used to be ({@code new String(bytes, UTF_8)}), then unescaped as JSON defines.
 * Moderation records are read the same way when they have the shape the codec writes, their rule
 * versions and reason labels shared; review leases and other shapes of moderation records are
 * decoded by {@link SpiritCodec}.
 *
 * <p>Anything else (another field order, an unknown or missing field, white space, a null, a
 * differently formatted id, number or instant, a value that fails validation) makes {@link #decode}
 * return null, and the caller decodes the record with {@link SpiritCodec#submissionFromJson}
 * instead, so a record means exactly the same either way and a bad record fails with the codec's
 * message. One instance per thread; not thread-safe.
 *
 * <p><b>One format, two readers.</b> The record format is defined once, by {@link SpiritCodec} (the
 * records' components, in order, under their own names; see {@link CodecFields}); the codec's
 * Jackson binding is its reference reader, this is a fast reader of the same bytes for recovery,
 * where a million records must be read in a few seconds (see {@code docs/performance.md}). The
 * tokens are read by {@link JsonCursor}, the moderation record by {@link ModerationDecoder}. {@code
 * SubmissionDecoderTest} and {@code CodecAgreementTest} check that the two readers agree on every
 * field of edge-case and random records.
 */
final class SubmissionDecoder {
  private static final SubmissionKind[] KINDS = SubmissionKind.values();
  private static final Channel[] CHANNELS = Channel.values();
  private static final SubmissionStatus[] STATUSES = SubmissionStatus.values();
  private static final Role[] ROLES = Role.values();
  private static final Provenance.Source[] SOURCES = Provenance.Source.values();
  private static final int CACHE_LIMIT = 1 << 16;
  private static final byte[][] KIND_NAMES = constants(KINDS);
  private static final byte[][] CHANNEL_NAMES = constants(CHANNELS);
  private static final byte[][] STATUS_NAMES = constants(STATUSES);
  private static final byte[][] ROLE_NAMES = constants(ROLES);
  private static final byte[][] SOURCE_NAMES = constants(SOURCES);
  private static final byte[] ID = field(Submission.class, "id");
  private static final byte[] CAMPAIGN_ID = field(Submission.class, "campaignId");
  private static final byte[] KIND = field(Submission.class, "kind");
  private static final byte[] TEXT = field(Submission.class, "text");
  private static final byte[] ORIGINAL = field(SubmissionText.class, "original");
  private static final byte[] NORMALIZED = field(SubmissionText.class, "normalized");
  private static final byte[] LANGUAGE = field(Submission.class, "language");
  private static final byte[] DISTRICT = field(Submission.class, "district");
  private static final byte[] CHANNEL = field(Submission.class, "channel");
  private static final byte[] COLLECTION_POINT = field(Submission.class, "collectionPoint");
  private static final byte[] PARTICIPANT = field(Submission.class, "participant");
  private static final byte[] PARTICIPANT_ID = field(Participant.class, "id");
  private static final byte[] ROLE = field(Participant.class, "role");
  private static final byte[] CONSENT = field(Participant.class, "consent");
  private static final byte[] PROVENANCE = field(Submission.class, "provenance");
  private static final byte[] SOURCE = field(Provenance.class, "source");
  private static final byte[] ENTERED_BY = field(Provenance.class, "enteredBy");
  private static final byte[] IMPORT_BATCH = field(Provenance.class, "importBatch");
  private static final byte[] RECEIVED_AT = field(Submission.class, "receivedAt");
  private static final byte[] STATUS = field(Submission.class, "status");
  private static final byte[] VERSION = field(Submission.class, "version");
  private static final byte[] IDEMPOTENCY_KEY = field(Submission.class, "idempotencyKey");
  private static final byte[] MODERATION = field(Submission.class, "moderation");
  private static final byte[] REVIEW_LEASE = field(Submission.class, "reviewLease");
  private static final byte[] APPEALED = field(Submission.class, "appealed");

  private final StoreState shared;
  private final Provenance direct;
  private final Map<String, Language> languages = new HashMap<>();
  private final Map<String, District> districts = new HashMap<>();
  private final Map<String, Participant> participants = new HashMap<>();
  private final Map<String, String> collectionPoints = new HashMap<>();
  private final ModerationDecoder moderations;
  private @Nullable CampaignId campaign;
  // the last text(): original and normalized (the same instance when equal)
  private String textOriginal = "";
  private String textNormalized = "";

  /**
   * Creates a decoder whose rows hold the state's shared instances of repeated values.
   *
   * @param shared the state the rows are for
   */
  SubmissionDecoder(StoreState shared) {
    this.shared = shared;
    this.direct = shared.share(Provenance.direct());
    this.moderations = new ModerationDecoder(shared);
  }

  /**
   * Decodes one submission record.
   *
   * @return the row (its repeated values shared, see {@link StoreState#canonicalize}), or null if
   *     the record is not in the exact shape this decoder reads
   */
  @Nullable SubmissionRow decode(byte[] buf, int offset, int length) {
    try {
      JsonCursor c = new JsonCursor(buf, offset, offset + length);
      SubmissionRow row = read(c);
      return row != null && c.pos == c.end ? row : null;
    } catch (RuntimeException e) {
      return null; // the caller's data binding decides, and reports, what is wrong
    }
  }

  /**
   * Reads the fields in the order {@link SpiritCodec} writes them (the record's component order,
   * absent optionals left out), with no white space; any deviation declines the record.
   */
  private @Nullable SubmissionRow read(JsonCursor c) {
    if (!c.take('{') || !c.name(ID) || !c.uuid()) {
      return null;
    }
    long idHigh = c.high;
    long idLow = c.low;
    if (!c.next() || !c.name(CAMPAIGN_ID) || !c.uuid()) {
      return null;
    }
    CampaignId campaignId = campaign(c.high, c.low);
    if (!c.next() || !c.name(KIND)) {
      return null;
    }
    SubmissionKind kind = c.constant(KINDS, KIND_NAMES);
    if (kind == null || !c.next() || !c.name(TEXT)) {
      return null;
    }
    if (!text(c) || !c.next() || !c.name(LANGUAGE)) {
      return null;
    }
    Language language = language(c);
    if (language == null || !c.next() || !c.name(DISTRICT)) {
      return null;
    }
    District district = district(c);
    if (district == null || !c.next() || !c.name(CHANNEL)) {
      return null;
    }
    Channel channel = c.constant(CHANNELS, CHANNEL_NAMES);
    if (channel == null || !c.next()) {
      return null;
    }
    String collectionPoint = null;
    if (c.name(COLLECTION_POINT)) {
      String value = c.string();
      if (value == null || !c.next()) {
        return null;
      }
      collectionPoint = collectionPoint(value);
    }
    if (!c.name(PARTICIPANT)) {
      return null;
    }
    Participant participant = participant(c);
    if (participant == null || !c.next() || !c.name(PROVENANCE)) {
      return null;
    }
    Provenance provenance = provenance(c);
    if (provenance == null || !c.next() || !c.name(RECEIVED_AT) || !c.instant()) {
      return null;
    }
    long receivedSeconds = c.seconds;
    int receivedNanos = c.nanos;
    if (!c.next() || !c.name(STATUS)) {
      return null;
    }
    SubmissionStatus status = c.constant(STATUSES, STATUS_NAMES);
    if (status == null || !c.next() || !c.name(VERSION)) {
      return null;
    }
    long version = c.number();
    if (version < 0 || !c.next()) {
      return null;
    }
    IdempotencyKey key = null;
    if (c.name(IDEMPOTENCY_KEY)) {
      String value = c.string();
      if (value == null || !c.next()) {
        return null;
      }
      key = new IdempotencyKey(value);
    }
    Object moderation = null;
    if (c.name(MODERATION)) {
      int from = c.pos;
      moderation = moderations.read(c, receivedSeconds, receivedNanos);
      if (moderation == null) {
        c.pos = from;
        if (!c.skipObject()) {
          return null;
        }
        ModerationRecord record =
            SpiritCodec.moderationFromJson(
                new String(c.buf, from, c.pos - from, StandardCharsets.UTF_8));
        moderation =
            SubmissionRow.compact(record, Instant.ofEpochSecond(receivedSeconds, receivedNanos));
        if (moderation instanceof Map<?, ?> versions) {
          moderation = shared.shareRuleVersions(versions);
        }
      }
      if (!c.next()) {
        return null;
      }
    }
    ReviewLease lease = null;
    if (c.name(REVIEW_LEASE)) {
      int from = c.pos;
      if (!c.skipObject() || !c.next()) {
        return null;
      }
      lease =
          SpiritCodec.reviewLeaseFromJson(
              new String(c.buf, from, c.pos - 1 - from, StandardCharsets.UTF_8));
    }
    if (!c.name(APPEALED)) {
      return null;
    }
    int appealed = c.bool();
    if (appealed < 0 || !c.take('}')) {
      return null;
    }
    return new SubmissionRow(
        idHigh,
        idLow,
        campaignId,
        kind,
        textOriginal,
        textNormalized,
        language,
        district,
        channel,
        collectionPoint,
        participant,
        provenance,
        receivedSeconds,
        receivedNanos,
        status,
        version,
        key,
        moderation,
        lease,
        appealed == 1);
  }

  private CampaignId campaign(long high, long low) {
    CampaignId c = campaign;
    if (c == null
        || c.value().getMostSignificantBits() != high
        || c.value().getLeastSignificantBits() != low) {
      c = shared.share(new CampaignId(new UUID(high, low)));
      campaign = c;
    }
    return c;
  }

  /** Reads the text object into textOriginal and textNormalized. */
  private boolean text(JsonCursor c) {
    if (!c.take('{') || !c.name(ORIGINAL)) {
      return false;
    }
    int from = c.pos;
    String original = c.string();
    int to = c.pos;
    if (original == null || !c.next() || !c.name(NORMALIZED)) {
      return false;
    }
    String normalized;
    int n = to - from;
    if (c.end - c.pos >= n && Arrays.equals(c.buf, from, to, c.buf, c.pos, c.pos + n)) {
      // most texts are already normalized: the same quoted bytes, so share the string
      c.pos += n;
      normalized = original;
    } else {
      normalized = c.string();
    }
    if (normalized == null || !c.take('}')) {
      return false;
    }
    Texts.requireWellFormed("text", original); // what SubmissionText checks
    textOriginal = original;
    textNormalized = normalized.equals(original) ? original : normalized;
    return true;
  }

  private @Nullable Language language(JsonCursor c) {
    String code = c.string();
    return code == null
        ? null
        : languages.computeIfAbsent(code, v -> shared.share(new Language(v)));
  }

  private @Nullable District district(JsonCursor c) {
    String code = c.string();
    return code == null
        ? null
        : districts.computeIfAbsent(code, v -> shared.share(new District(v)));
  }

  private @Nullable Participant participant(JsonCursor c) {
    if (!c.take('{') || !c.name(PARTICIPANT_ID)) {
      return null;
    }
    String id = c.string();
    if (id == null || !c.next() || !c.name(ROLE)) {
      return null;
    }
    Role role = c.constant(ROLES, ROLE_NAMES);
    if (role == null || !c.next() || !c.name(CONSENT)) {
      return null;
    }
    int consent = c.bool();
    if (consent < 0 || !c.take('}')) {
      return null;
    }
    boolean consented = consent == 1;
    Participant cached = participants.get(id);
    if (cached != null && cached.role() == role && cached.consent() == consented) {
      return cached;
    }
    if (participants.size() >= CACHE_LIMIT) {
      participants.clear();
    }
    Participant created = shared.share(new Participant(new ParticipantId(id), role, consented));
    participants.put(id, created);
    return created;
  }

  private @Nullable Provenance provenance(JsonCursor c) {
    if (!c.take('{') || !c.name(SOURCE)) {
      return null;
    }
    Provenance.Source source = c.constant(SOURCES, SOURCE_NAMES);
    if (source == null) {
      return null;
    }
    String enteredBy = null;
    String importBatch = null;
    if (c.take(',')) {
      if (c.name(ENTERED_BY)) {
        enteredBy = c.string();
        if (enteredBy == null || c.peek() == ',' && !(c.take(',') && c.name(IMPORT_BATCH))) {
          return null;
        }
        if (c.peek() != '}') {
          importBatch = c.string();
        }
      } else if (c.name(IMPORT_BATCH)) {
        importBatch = c.string();
      } else {
        return null;
      }
      if (enteredBy == null && importBatch == null) {
        return null;
      }
    }
    if (!c.take('}')) {
      return null;
    }
    if (source == Provenance.Source.DIRECT && enteredBy == null && importBatch == null) {
      return direct;
    }
    return shared.share(
        new Provenance(source, Optional.ofNullable(enteredBy), Optional.ofNullable(importBatch)));
  }

  private String collectionPoint(String value) {
    String cached = collectionPoints.get(value);
    if (cached != null) {
      return cached;
    }
    Texts.requireLabel("collectionPoint", value, 200);
    if (collectionPoints.size() >= CACHE_LIMIT) {
      collectionPoints.clear();
    }
    collectionPoints.put(value, value);
    return value;
  }
}
