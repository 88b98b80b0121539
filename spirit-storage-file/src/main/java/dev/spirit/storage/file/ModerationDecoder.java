package dev.spirit.storage.file;

import static dev.spirit.storage.file.CodecFields.constants;
import static dev.spirit.storage.file.CodecFields.field;

import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.TextSpan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The moderation-record part of {@link SubmissionDecoder}: reads the {@code moderation} object of a
 * submission's JSON in the one shape {@link dev.spirit.storage.SpiritCodec} writes it, sharing rule
 * versions and reason labels between records. Declines (returns null) anything else, for the codec
 * to read. One instance per decoder; not thread-safe.
 */
final class ModerationDecoder {
  private static final int CACHE_LIMIT = 1 << 16;
  private static final int VERSION_CACHE_LIMIT = 16;
  private static final ModerationDecision[] DECISIONS = ModerationDecision.values();
  private static final byte[][] DECISION_NAMES = constants(DECISIONS);
  private static final byte[] DECISION = field(ModerationRecord.class, "decision");
  private static final byte[] REASONS = field(ModerationRecord.class, "reasons");
  private static final byte[] RULE_VERSIONS = field(ModerationRecord.class, "ruleVersions");
  private static final byte[] REDACTED_TEXT = field(ModerationRecord.class, "redactedText");
  private static final byte[] DECIDED_AT = field(ModerationRecord.class, "decidedAt");
  private static final byte[] RULE_ID = field(ModerationReason.class, "ruleId");
  private static final byte[] CODE = field(ModerationReason.class, "code");
  private static final byte[] REASON_DECISION = field(ModerationReason.class, "decision");
  private static final byte[] DETAIL = field(ModerationReason.class, "detail");
  private static final byte[] SPANS = field(ModerationReason.class, "spans");
  private static final byte[] START = field(TextSpan.class, "start");
  private static final byte[] END = field(TextSpan.class, "end");

  private final StoreState shared;
  private final Map<String, String> labels = new HashMap<>();
  // the JSON of recently read rule-versions objects and their shared maps, index for index
  private final List<byte[]> versionBytes = new ArrayList<>();
  private final List<Map<String, String>> versionMaps = new ArrayList<>();

  ModerationDecoder(StoreState shared) {
    this.shared = shared;
  }

  /**
   * Reads a moderation record in the shape the codec writes it: for an approval without reasons or
   * redaction decided at intake only its (shared) rule versions, as {@link SubmissionRow} keeps it;
   * otherwise the record, with shared rule versions and labels. Null if the shape differs.
   */
  @Nullable Object read(JsonCursor c, long receivedSeconds, int receivedNanos) {
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

  private @Nullable ModerationReason reason(JsonCursor c) {
    if (!c.take('{') || !c.name(RULE_ID)) {
      return null;
    }
    String ruleId = label(c);
    if (ruleId == null || !c.next() || !c.name(CODE)) {
      return null;
    }
    String code = label(c);
    if (code == null || !c.next() || !c.name(REASON_DECISION)) {
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
  private @Nullable Map<String, String> ruleVersions(JsonCursor c) {
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
  private @Nullable String label(JsonCursor c) {
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
}
