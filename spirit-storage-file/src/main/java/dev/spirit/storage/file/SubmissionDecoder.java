package dev.spirit.storage.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.internal.Json;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.SubmissionText;
import dev.spirit.text.Texts;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a submission record's JSON straight from the frame's bytes into a {@link SubmissionRow},
 * with Jackson's streaming parser instead of data binding: no intermediate {@code String} of the
 * payload, no {@code Submission}, {@code SubmissionId}, {@code UUID} or {@code Instant} objects,
 * and repeated values (campaign id, district, language, participant, the direct provenance) reused
 * from a cache instead of being validated and allocated again. Nested moderation records and review
 * leases are read by the same data binding as {@link SpiritCodec}.
 *
 * <p>It reads only the exact shape {@link SpiritCodec} writes. Anything else (an unknown or missing
 * field, a null, a differently formatted id or instant, a value that fails validation) makes {@link
 * #decode} return null, and the caller decodes the record with {@link
 * SpiritCodec#submissionFromJson} instead, so a record means exactly the same either way and a bad
 * record fails with the codec's message. One instance per thread; not thread-safe.
 */
final class SubmissionDecoder {
  private static final JsonFactory FACTORY = Json.mapper().getFactory();
  private static final ObjectReader MODERATION = Json.mapper().readerFor(ModerationRecord.class);
  private static final ObjectReader LEASE = Json.mapper().readerFor(ReviewLease.class);
  private static final SubmissionKind[] KINDS = SubmissionKind.values();
  private static final Channel[] CHANNELS = Channel.values();
  private static final SubmissionStatus[] STATUSES = SubmissionStatus.values();
  private static final Role[] ROLES = Role.values();
  private static final Provenance.Source[] SOURCES = Provenance.Source.values();
  private static final int CACHE_LIMIT = 1 << 16;

  private final StoreState shared;
  private final Provenance direct;
  private final Map<String, Language> languages = new HashMap<>();
  private final Map<String, District> districts = new HashMap<>();
  private final Map<String, Participant> participants = new HashMap<>();
  private final Map<String, String> collectionPoints = new HashMap<>();
  private @Nullable CampaignId campaign;

  /**
   * Creates a decoder whose rows hold the state's shared instances of repeated values.
   *
   * @param shared the state the rows are for
   */
  SubmissionDecoder(StoreState shared) {
    this.shared = shared;
    this.direct = shared.share(Provenance.direct());
  }

  // the UUID parsed last by uuid()
  private long uuidHigh;
  private long uuidLow;
  // the instant parsed last by instant()
  private long seconds;
  private int nanos;

  /**
   * Decodes one submission record.
   *
   * @return the row (its repeated values shared, see {@link StoreState#canonicalize}), or null if
   *     the record is not in the exact shape this decoder reads
   */
  @Nullable SubmissionRow decode(byte[] buf, int offset, int length) {
    try (JsonParser p = FACTORY.createParser(buf, offset, length)) {
      return read(p);
    } catch (IOException | RuntimeException e) {
      return null; // the caller's data binding decides, and reports, what is wrong
    }
  }

  @SuppressWarnings("CyclomaticComplexity") // one branch per field of the record
  private @Nullable SubmissionRow read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    boolean hasId = false;
    long idHigh = 0;
    long idLow = 0;
    CampaignId campaignId = null;
    SubmissionKind kind = null;
    SubmissionText text = null;
    Language language = null;
    District district = null;
    Channel channel = null;
    String collectionPoint = null;
    Participant participant = null;
    Provenance provenance = null;
    boolean hasReceived = false;
    long receivedSeconds = 0;
    int receivedNanos = 0;
    SubmissionStatus status = null;
    long version = 0;
    IdempotencyKey key = null;
    ModerationRecord moderation = null;
    ReviewLease lease = null;
    boolean appealed = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> {
          if (t != JsonToken.VALUE_STRING || !uuid(p)) {
            return null;
          }
          idHigh = uuidHigh;
          idLow = uuidLow;
          hasId = true;
        }
        case "campaignId" -> {
          if (t != JsonToken.VALUE_STRING || !uuid(p)) {
            return null;
          }
          campaignId = campaign(uuidHigh, uuidLow);
        }
        case "kind" -> {
          kind = t == JsonToken.VALUE_STRING ? named(KINDS, p) : null;
          if (kind == null) {
            return null;
          }
        }
        case "text" -> {
          text = t == JsonToken.START_OBJECT ? text(p) : null;
          if (text == null) {
            return null;
          }
        }
        case "language" -> {
          if (t != JsonToken.VALUE_STRING) {
            return null;
          }
          language = languages.computeIfAbsent(p.getText(), v -> shared.share(new Language(v)));
        }
        case "district" -> {
          if (t != JsonToken.VALUE_STRING) {
            return null;
          }
          district = districts.computeIfAbsent(p.getText(), v -> shared.share(new District(v)));
        }
        case "channel" -> {
          channel = t == JsonToken.VALUE_STRING ? named(CHANNELS, p) : null;
          if (channel == null) {
            return null;
          }
        }
        case "collectionPoint" -> {
          if (t != JsonToken.VALUE_STRING) {
            return null;
          }
          collectionPoint = collectionPoint(p.getText());
        }
        case "participant" -> {
          participant = t == JsonToken.START_OBJECT ? participant(p) : null;
          if (participant == null) {
            return null;
          }
        }
        case "provenance" -> {
          provenance = t == JsonToken.START_OBJECT ? provenance(p) : null;
          if (provenance == null) {
            return null;
          }
        }
        case "receivedAt" -> {
          if (t != JsonToken.VALUE_STRING || !instant(p)) {
            return null;
          }
          receivedSeconds = seconds;
          receivedNanos = nanos;
          hasReceived = true;
        }
        case "status" -> {
          status = t == JsonToken.VALUE_STRING ? named(STATUSES, p) : null;
          if (status == null) {
            return null;
          }
        }
        case "version" -> {
          if (t != JsonToken.VALUE_NUMBER_INT) {
            return null;
          }
          version = p.getLongValue();
        }
        case "idempotencyKey" -> {
          if (t != JsonToken.VALUE_STRING) {
            return null;
          }
          key = new IdempotencyKey(p.getText());
        }
        case "moderation" -> {
          if (t != JsonToken.START_OBJECT) {
            return null;
          }
          moderation = MODERATION.readValue(p);
        }
        case "reviewLease" -> {
          if (t != JsonToken.START_OBJECT) {
            return null;
          }
          lease = LEASE.readValue(p);
        }
        case "appealed" -> {
          if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            return null;
          }
          appealed = t == JsonToken.VALUE_TRUE;
        }
        default -> {
          return null;
        }
      }
    }
    if (!hasId
        || campaignId == null
        || kind == null
        || text == null
        || language == null
        || district == null
        || channel == null
        || participant == null
        || provenance == null
        || !hasReceived
        || status == null
        || version < 0
        || p.currentToken() != JsonToken.END_OBJECT) {
      return null;
    }
    return new SubmissionRow(
        idHigh,
        idLow,
        campaignId,
        kind,
        text,
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
        appealed);
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

  private @Nullable SubmissionText text(JsonParser p) throws IOException {
    String original = null;
    String normalized = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      switch (name) {
        case "original" -> original = p.getText();
        case "normalized" -> normalized = p.getText();
        default -> {
          return null;
        }
      }
    }
    if (original == null || normalized == null) {
      return null;
    }
    return new SubmissionText(original, normalized.equals(original) ? original : normalized);
  }

  private @Nullable Participant participant(JsonParser p) throws IOException {
    String id = null;
    Role role = null;
    JsonToken consent = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> {
          if (t != JsonToken.VALUE_STRING) {
            return null;
          }
          id = p.getText();
        }
        case "role" -> {
          role = t == JsonToken.VALUE_STRING ? named(ROLES, p) : null;
          if (role == null) {
            return null;
          }
        }
        case "consent" -> consent = t;
        default -> {
          return null;
        }
      }
    }
    if (id == null
        || role == null
        || consent != JsonToken.VALUE_TRUE && consent != JsonToken.VALUE_FALSE) {
      return null;
    }
    boolean consented = consent == JsonToken.VALUE_TRUE;
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

  private @Nullable Provenance provenance(JsonParser p) throws IOException {
    Provenance.Source source = null;
    String enteredBy = null;
    String importBatch = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.VALUE_STRING) {
        return null;
      }
      switch (name) {
        case "source" -> {
          source = named(SOURCES, p);
          if (source == null) {
            return null;
          }
        }
        case "enteredBy" -> enteredBy = p.getText();
        case "importBatch" -> importBatch = p.getText();
        default -> {
          return null;
        }
      }
    }
    if (source == null) {
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

  /** The constant whose name is the current string token, or null; allocates nothing. */
  private static <E extends Enum<E>> @Nullable E named(E[] values, JsonParser p)
      throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    for (E value : values) {
      String n = value.name();
      if (n.length() == length) {
        int i = 0;
        while (i < length && n.charAt(i) == chars[offset + i]) {
          i++;
        }
        if (i == length) {
          return value;
        }
      }
    }
    return null;
  }

  /** Parses a canonical UUID (8-4-4-4-12 hex digits) into uuidHigh/uuidLow. */
  private boolean uuid(JsonParser p) throws IOException {
    if (p.getTextLength() != 36) {
      return false;
    }
    char[] c = p.getTextCharacters();
    int o = p.getTextOffset();
    if (c[o + 8] != '-' || c[o + 13] != '-' || c[o + 18] != '-' || c[o + 23] != '-') {
      return false;
    }
    long high = 0;
    long low = 0;
    for (int i = 0; i < 36; i++) {
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        continue;
      }
      int d = Character.digit(c[o + i], 16);
      if (d < 0) {
        return false;
      }
      if (i < 18) {
        high = (high << 4) | d;
      } else {
        low = (low << 4) | d;
      }
    }
    uuidHigh = high;
    uuidLow = low;
    return true;
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} (what {@code Instant.toString} writes for years
   * 0000-9999) into seconds/nanos.
   */
  private boolean instant(JsonParser p) throws IOException {
    char[] c = p.getTextCharacters();
    int o = p.getTextOffset();
    int n = p.getTextLength();
    if (n < 20
        || n > 30
        || n == 21
        || c[o + 4] != '-'
        || c[o + 7] != '-'
        || c[o + 10] != 'T'
        || c[o + 13] != ':'
        || c[o + 16] != ':'
        || c[o + n - 1] != 'Z') {
      return false;
    }
    int year = digits(c, o, 4);
    int month = digits(c, o + 5, 2);
    int day = digits(c, o + 8, 2);
    int hour = digits(c, o + 11, 2);
    int minute = digits(c, o + 14, 2);
    int second = digits(c, o + 17, 2);
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
      if (c[o + 19] != '.') {
        return false;
      }
      int count = n - 21;
      fraction = digits(c, o + 20, count);
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
    return true;
  }

  /** The decimal number in {@code c[from, from + count)}, or -1 if a character is not a digit. */
  private static int digits(char[] c, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char ch = c[i];
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
