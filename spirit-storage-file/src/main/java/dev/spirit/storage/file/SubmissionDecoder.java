package dev.spirit.storage.file;

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
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.TextSpan;
import dev.spirit.text.Texts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
 */
final class SubmissionDecoder {
  private static final SubmissionKind[] KINDS = SubmissionKind.values();
  private static final Channel[] CHANNELS = Channel.values();
  private static final SubmissionStatus[] STATUSES = SubmissionStatus.values();
  private static final Role[] ROLES = Role.values();
  private static final Provenance.Source[] SOURCES = Provenance.Source.values();
  private static final int CACHE_LIMIT = 1 << 16;
  private static final byte[][] KIND_NAMES = names(KINDS);
  private static final byte[][] CHANNEL_NAMES = names(CHANNELS);
  private static final byte[][] STATUS_NAMES = names(STATUSES);
  private static final byte[][] ROLE_NAMES = names(ROLES);
  private static final byte[][] SOURCE_NAMES = names(SOURCES);
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] ID = field("id");
  private static final byte[] CAMPAIGN_ID = field("campaignId");
  private static final byte[] KIND = field("kind");
  private static final byte[] TEXT = field("text");
  private static final byte[] ORIGINAL = field("original");
  private static final byte[] NORMALIZED = field("normalized");
  private static final byte[] LANGUAGE = field("language");
  private static final byte[] DISTRICT = field("district");
  private static final byte[] CHANNEL = field("channel");
  private static final byte[] COLLECTION_POINT = field("collectionPoint");
  private static final byte[] PARTICIPANT = field("participant");
  private static final byte[] ROLE = field("role");
  private static final byte[] CONSENT = field("consent");
  private static final byte[] PROVENANCE = field("provenance");
  private static final byte[] SOURCE = field("source");
  private static final byte[] ENTERED_BY = field("enteredBy");
  private static final byte[] IMPORT_BATCH = field("importBatch");
  private static final byte[] RECEIVED_AT = field("receivedAt");
  private static final byte[] STATUS = field("status");
  private static final byte[] VERSION = field("version");
  private static final byte[] IDEMPOTENCY_KEY = field("idempotencyKey");
  private static final byte[] MODERATION_FIELD = field("moderation");
  private static final byte[] REVIEW_LEASE = field("reviewLease");
  private static final byte[] APPEALED = field("appealed");
  private static final ModerationDecision[] DECISIONS = ModerationDecision.values();
  private static final byte[][] DECISION_NAMES = names(DECISIONS);
  private static final byte[] DECISION = field("decision");
  private static final byte[] REASONS = field("reasons");
  private static final byte[] RULE_VERSIONS = field("ruleVersions");
  private static final byte[] REDACTED_TEXT = field("redactedText");
  private static final byte[] DECIDED_AT = field("decidedAt");
  private static final byte[] RULE_ID = field("ruleId");
  private static final byte[] CODE = field("code");
  private static final byte[] DETAIL = field("detail");
  private static final byte[] SPANS = field("spans");
  private static final byte[] START = field("start");
  private static final byte[] END = field("end");
  private static final int VERSION_CACHE_LIMIT = 16;

  private final StoreState shared;
  private final Provenance direct;
  private final Map<String, Language> languages = new HashMap<>();
  private final Map<String, District> districts = new HashMap<>();
  private final Map<String, Participant> participants = new HashMap<>();
  private final Map<String, String> collectionPoints = new HashMap<>();
  private final Map<String, String> labels = new HashMap<>();
  // the JSON of recently read rule-versions objects and their shared maps, index for index
  private final List<byte[]> versionBytes = new ArrayList<>();
  private final List<Map<String, String>> versionMaps = new ArrayList<>();
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
  }

  /**
   * Decodes one submission record.
   *
   * @return the row (its repeated values shared, see {@link StoreState#canonicalize}), or null if
   *     the record is not in the exact shape this decoder reads
   */
  @Nullable SubmissionRow decode(byte[] buf, int offset, int length) {
    try {
      Cursor c = new Cursor(buf, offset, offset + length);
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
  private @Nullable SubmissionRow read(Cursor c) {
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
    if (c.name(MODERATION_FIELD)) {
      int from = c.pos;
      moderation = moderation(c, receivedSeconds, receivedNanos);
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

  /**
   * Reads a moderation record in the shape the codec writes it: for an approval without reasons or
   * redaction decided at intake only its (shared) rule versions, as {@link SubmissionRow} keeps it;
   * otherwise the record, with shared rule versions and labels. Null if the shape differs.
   */
  private @Nullable Object moderation(Cursor c, long receivedSeconds, int receivedNanos) {
    if (!c.take('{') || !c.name(DECISION)) {
      return null;
    }
    ModerationDecision decision = c.constant(DECISIONS, DECISION_NAMES);
    if (decision == null || !c.next() || !c.name(REASONS) || !c.take('[')) {
      return null;
    }
    List<ModerationReason> reasons = List.of();
    if (!c.take(']')) {
      reasons = new ArrayList<>(2);
      do {
        ModerationReason reason = reason(c);
        if (reason == null) {
          return null;
        }
        reasons.add(reason);
      } while (c.next());
      if (!c.take(']')) {
        return null;
      }
    }
    if (!c.next() || !c.name(RULE_VERSIONS)) {
      return null;
    }
    Map<String, String> versions = ruleVersions(c);
    if (versions == null || !c.next()) {
      return null;
    }
    String redacted = null;
    if (c.name(REDACTED_TEXT)) {
      redacted = c.string();
      if (redacted == null || !c.next()) {
        return null;
      }
    }
    if (!c.name(DECIDED_AT) || !c.instant() || !c.take('}')) {
      return null;
    }
    if (decision == ModerationDecision.APPROVE
        && reasons.isEmpty()
        && redacted == null
        && c.seconds == receivedSeconds
        && c.nanos == receivedNanos) {
      return versions;
    }
    return new ModerationRecord(
        decision,
        reasons,
        versions,
        Optional.ofNullable(redacted),
        Instant.ofEpochSecond(c.seconds, c.nanos));
  }

  private @Nullable ModerationReason reason(Cursor c) {
    if (!c.take('{') || !c.name(RULE_ID)) {
      return null;
    }
    String ruleId = label(c);
    if (ruleId == null || !c.next() || !c.name(CODE)) {
      return null;
    }
    String code = label(c);
    if (code == null || !c.next() || !c.name(DECISION)) {
      return null;
    }
    ModerationDecision decision = c.constant(DECISIONS, DECISION_NAMES);
    if (decision == null || !c.next() || !c.name(DETAIL)) {
      return null;
    }
    String detail = label(c);
    if (detail == null || !c.next() || !c.name(SPANS) || !c.take('[')) {
      return null;
    }
    List<TextSpan> spans = new ArrayList<>(2);
    if (!c.take(']')) {
      do {
        if (!c.take('{') || !c.name(START)) {
          return null;
        }
        long start = c.number();
        if (start < 0 || start > Integer.MAX_VALUE || !c.next() || !c.name(END)) {
          return null;
        }
        long end = c.number();
        if (end < 0 || end > Integer.MAX_VALUE || !c.take('}')) {
          return null;
        }
        spans.add(new TextSpan((int) start, (int) end));
      } while (c.next());
      if (!c.take(']')) {
        return null;
      }
    }
    if (!c.take('}')) {
      return null;
    }
    return new ModerationReason(ruleId, code, decision, detail, spans);
  }

  /**
   * Reads a rule-versions object into a shared map: the bytes of the last few distinct ones are
   * remembered, so the usual case is one comparison. Declines duplicate keys (the codec would keep
   * the last; left to it).
   */
  private @Nullable Map<String, String> ruleVersions(Cursor c) {
    int from = c.pos;
    if (!c.take('{')) {
      return null;
    }
    for (int i = 0; i < versionBytes.size(); i++) {
      byte[] known = versionBytes.get(i);
      int n = known.length;
      if (c.end - from >= n && Arrays.equals(c.buf, from, from + n, known, 0, n)) {
        c.pos = from + n;
        return versionMaps.get(i);
      }
    }
    Map<String, String> read = new HashMap<>();
    if (!c.take('}')) {
      do {
        String key = c.string();
        if (key == null || !c.take(':')) {
          return null;
        }
        String value = c.string();
        if (value == null || read.put(key, value) != null) {
          return null;
        }
      } while (c.next());
      if (!c.take('}')) {
        return null;
      }
    }
    @SuppressWarnings("unchecked") // shareRuleVersions returns an equal map
    Map<String, String> versions = (Map<String, String>) shared.shareRuleVersions(Map.copyOf(read));
    if (versionBytes.size() >= VERSION_CACHE_LIMIT) {
      versionBytes.clear();
      versionMaps.clear();
    }
    versionBytes.add(Arrays.copyOfRange(c.buf, from, c.pos));
    versionMaps.add(versions);
    return versions;
  }

  /** A string of a moderation reason, shared with equal earlier ones (rule ids, codes, details). */
  private @Nullable String label(Cursor c) {
    String value = c.string();
    if (value == null) {
      return null;
    }
    String cached = labels.get(value);
    if (cached != null) {
      return cached;
    }
    if (labels.size() >= CACHE_LIMIT) {
      labels.clear();
    }
    labels.put(value, value);
    return value;
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
  private boolean text(Cursor c) {
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

  private @Nullable Language language(Cursor c) {
    String code = c.string();
    return code == null
        ? null
        : languages.computeIfAbsent(code, v -> shared.share(new Language(v)));
  }

  private @Nullable District district(Cursor c) {
    String code = c.string();
    return code == null
        ? null
        : districts.computeIfAbsent(code, v -> shared.share(new District(v)));
  }

  private @Nullable Participant participant(Cursor c) {
    if (!c.take('{') || !c.name(ID)) {
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

  private @Nullable Provenance provenance(Cursor c) {
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

  private static byte[] field(String name) {
    return ascii("\"" + name + "\":");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[][] names(Enum<?>[] values) {
    byte[][] names = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      names[i] = ascii("\"" + values[i].name() + "\"");
    }
    return names;
  }

  /**
   * Reads JSON tokens from a byte range, strictly: no white space, strings decoded from UTF-8 like
   * the rest of the frame ({@code new String(bytes, UTF_8)}), escapes as JSON defines them.
   */
  private static final class Cursor {
    final byte[] buf;
    final int end;
    int pos;
    // the last uuid() and instant()
    long high;
    long low;
    long seconds;
    int nanos;

    Cursor(byte[] buf, int pos, int end) {
      this.buf = buf;
      this.pos = pos;
      this.end = end;
    }

    int peek() {
      return pos < end ? buf[pos] : -1;
    }

    boolean take(char ch) {
      if (pos < end && buf[pos] == ch) {
        pos++;
        return true;
      }
      return false;
    }

    boolean next() {
      return take(',');
    }

    /** Consumes {@code "name":} if it comes next. */
    boolean name(byte[] quotedWithColon) {
      int n = quotedWithColon.length;
      if (end - pos < n || !Arrays.equals(buf, pos, pos + n, quotedWithColon, 0, n)) {
        return false;
      }
      pos += n;
      return true;
    }

    /** Consumes a quoted enum constant name. */
    <E> @Nullable E constant(E[] values, byte[][] quotedNames) {
      for (int i = 0; i < values.length; i++) {
        byte[] q = quotedNames[i];
        if (end - pos >= q.length && Arrays.equals(buf, pos, pos + q.length, q, 0, q.length)) {
          pos += q.length;
          return values[i];
        }
      }
      return null;
    }

    /** Consumes true or false: 1 or 0, -1 if neither. */
    int bool() {
      if (end - pos >= 4 && Arrays.equals(buf, pos, pos + 4, TRUE, 0, 4)) {
        pos += 4;
        return 1;
      }
      if (end - pos >= 5 && Arrays.equals(buf, pos, pos + 5, FALSE, 0, 5)) {
        pos += 5;
        return 0;
      }
      return -1;
    }

    /** Consumes a non-negative integer of at most 18 digits; -1 if there is none. */
    long number() {
      int start = pos;
      long v = 0;
      while (pos < end && buf[pos] >= '0' && buf[pos] <= '9' && pos - start < 18) {
        v = v * 10 + (buf[pos++] - '0');
      }
      if (pos == start
          || pos < end && buf[pos] >= '0' && buf[pos] <= '9'
          || buf[start] == '0' && pos - start > 1) {
        return -1;
      }
      return v;
    }

    /** Consumes a string; null if there is none or it is malformed. */
    @Nullable String string() {
      if (!take('"')) {
        return null;
      }
      int start = pos;
      while (pos < end) {
        byte b = buf[pos];
        if (b == '"') {
          String s = new String(buf, start, pos - start, StandardCharsets.UTF_8);
          pos++;
          return s;
        }
        if (b == '\\') {
          return escaped(start);
        }
        if (b >= 0 && b < 0x20) {
          return null; // a raw control character is not valid JSON
        }
        pos++;
      }
      return null;
    }

    private @Nullable String escaped(int start) {
      StringBuilder out = new StringBuilder(pos - start + 16);
      int run = start;
      while (pos < end) {
        byte b = buf[pos];
        if (b == '"') {
          out.append(new String(buf, run, pos - run, StandardCharsets.UTF_8));
          pos++;
          return out.toString();
        }
        if (b >= 0 && b < 0x20) {
          return null;
        }
        if (b != '\\') {
          pos++;
          continue;
        }
        out.append(new String(buf, run, pos - run, StandardCharsets.UTF_8));
        if (end - pos < 2) {
          return null;
        }
        byte e = buf[pos + 1];
        pos += 2;
        switch (e) {
          case '"', '\\', '/' -> out.append((char) e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (end - pos < 4) {
              return null;
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
              int d = Character.digit(buf[pos + i], 16);
              if (d < 0) {
                return null;
              }
              v = (v << 4) | d;
            }
            pos += 4;
            out.append((char) v);
          }
          default -> {
            return null;
          }
        }
        run = pos;
      }
      return null;
    }

    /** Skips a JSON object (strings with escapes respected); false if it is not one. */
    boolean skipObject() {
      if (peek() != '{') {
        return false;
      }
      int depth = 0;
      while (pos < end) {
        byte b = buf[pos++];
        if (b == '"') {
          while (pos < end && buf[pos] != '"') {
            pos += buf[pos] == '\\' ? 2 : 1;
          }
          pos++;
        } else if (b == '{' || b == '[') {
          depth++;
        } else if (b == '}' || b == ']') {
          depth--;
          if (depth == 0) {
            return pos <= end;
          }
        }
      }
      return false;
    }

    /** Consumes a quoted canonical UUID (8-4-4-4-12 hex digits) into high/low. */
    boolean uuid() {
      if (end - pos < 38 || buf[pos] != '"' || buf[pos + 37] != '"') {
        return false;
      }
      int o = pos + 1;
      if (buf[o + 8] != '-' || buf[o + 13] != '-' || buf[o + 18] != '-' || buf[o + 23] != '-') {
        return false;
      }
      long h = 0;
      long l = 0;
      for (int i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
          continue;
        }
        int d = Character.digit(buf[o + i], 16);
        if (d < 0) {
          return false;
        }
        if (i < 18) {
          h = (h << 4) | d;
        } else {
          l = (l << 4) | d;
        }
      }
      high = h;
      low = l;
      pos += 38;
      return true;
    }

    /**
     * Consumes a quoted {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} (what {@code Instant.toString} writes
     * for years 0000-9999) into seconds/nanos.
     */
    boolean instant() {
      if (!take('"')) {
        return false;
      }
      int o = pos;
      int close = o;
      while (close < end && close - o <= 30 && buf[close] != '"') {
        close++;
      }
      int n = close - o;
      if (close >= end
          || n < 20
          || n > 30
          || n == 21
          || buf[o + 4] != '-'
          || buf[o + 7] != '-'
          || buf[o + 10] != 'T'
          || buf[o + 13] != ':'
          || buf[o + 16] != ':'
          || buf[o + n - 1] != 'Z') {
        return false;
      }
      int year = digits(o, 4);
      int month = digits(o + 5, 2);
      int day = digits(o + 8, 2);
      int hour = digits(o + 11, 2);
      int minute = digits(o + 14, 2);
      int second = digits(o + 17, 2);
      if (year < 0
          || month < 1
          || month > 12
          || day < 1
          || day > 31
          || hour < 0
          || hour > 23
          || minute < 0
          || minute > 59
          || second < 0
          || second > 59) {
        return false;
      }
      int fraction = 0;
      if (n > 20) {
        if (buf[o + 19] != '.') {
          return false;
        }
        int count = n - 21;
        fraction = digits(o + 20, count);
        if (fraction < 0) {
          return false;
        }
        for (int i = count; i < 9; i++) {
          fraction *= 10;
        }
      }
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
      nanos = fraction;
      pos = close + 1;
      return true;
    }

    /** The decimal number in {@code buf[from, from + count)}, or -1 if a byte is not a digit. */
    private int digits(int from, int count) {
      int v = 0;
      for (int i = from; i < from + count; i++) {
        byte ch = buf[i];
        if (ch < '0' || ch > '9') {
          return -1;
        }
        v = v * 10 + (ch - '0');
      }
      return v;
    }
  }
}
