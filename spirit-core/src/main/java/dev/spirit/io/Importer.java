package dev.spirit.io;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.SpiritException;
import dev.spirit.io.internal.ContentKey;
import dev.spirit.io.internal.CsvRows;
import dev.spirit.io.internal.Decoding;
import dev.spirit.io.internal.JsonLinesRows;
import dev.spirit.io.internal.RawRow;
import dev.spirit.io.internal.RowReader;
import dev.spirit.io.internal.XlsxRows;
import dev.spirit.participant.Consent;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.text.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Imports rows of a CSV, JSON-lines or xlsx file into a campaign, through intake: every row becomes
 * a {@link SubmissionRequest} and goes through the same intake rules, moderation and idempotency as
 * any submission, in batches ({@link Spirit#submitAll}). The answer is an {@link ImportReport} with
 * one {@link LineResult} per row: imported, already present, or refused and why.
 *
 * <pre>{@code
 * ImportReport report = Importer.builder(spirit, campaign.id())
 *     .mapping(FieldMapping.standard().with("内容", Field.TEXT).with("区县", Field.DISTRICT))
 *     .encoding(Charset.forName("GBK"))      // or leave out: UTF-8, else GB18030, detected
 *     .listener(myProgressBar)
 *     .build()
 *     .run(ImportSource.of("十月信箱.csv", () -> Files.newInputStream(path)));
 * }</pre>
 *
 * <h2>Idempotency</h2>
 *
 * <p>A row whose idempotency key column ({@link Field#IDEMPOTENCY_KEY}) has a value uses it as its
 * key. Any other row gets a key derived from its content: {@code import-} and 32 hex digits of
 * SHA-256 over the campaign, the source kind {@code import} and the values that make a submission
 * the same submission for intake's replay check: the text (surrounding spaces removed), the
 * participant, and district, channel, kind (canonical spelling, whether given or defaulted) and
 * collection point. The file name and line number are not part of it, so the same rows under
 * another file name, in another order or in another format import once, and different rows under a
 * file name used before all import. Two rows with the same values are the same submission: the
 * second is {@link LineResult.Outcome#ALREADY_PRESENT}; give them explicit keys if they are
 * different submissions. Role, consent (yes/no and the consent fields) and language do not change
 * the key (a row that differs only in them is the submission already stored), nor do who entered a
 * row, how and when it was collected ({@link Field#ENTERED_BY}, {@link Field#SOURCE}, {@link
 * Field#COLLECTED_AT}), which are provenance; so a staff export imported back is already present.
 *
 * <h2>Bad input</h2>
 *
 * <p>The importer reads the whole input once before it submits anything: a file that cannot be read
 * as a whole (an xlsx that is not a workbook or is truncated, malformed CSV quoting, bytes invalid
 * in the encoding, no header) fails with an {@link UnreadableInputException} naming the line where
 * that is known, and nothing of it is stored. Problems of single rows (a missing text, a wrong
 * number of fields, a district the campaign does not have) refuse that row only; a refused row
 * stores nothing. Then it reads the input again to import it, so {@link ImportSource} must open the
 * same bytes each time.
 *
 * <p>A cell longer than 100,000 characters refuses its row; a JSON line longer than 1,048,576
 * characters refuses its row without being held in memory, and reading goes on after it. A CSV cell
 * longer than 1,048,576 characters (an unclosed quote, a file without line ends) makes the file
 * unreadable from its line, since the parser cannot find where the cell ends without holding it.
 *
 * <h2>Consent and collection time</h2>
 *
 * <p>A row's {@link Field#CONSENT} yes/no keeps its meaning. A row that also gives {@link
 * Field#CONSENT_VERSION}, {@link Field#CONSENT_PURPOSES} or {@link Field#CONSENT_AT} gets a {@link
 * Consent} record: the campaign's consent text if the version is the one it presents (another
 * version refuses the row), the purposes named (all, if none are), given at the consent time, else
 * the collection time, else the time of the import. {@link Field#COLLECTED_AT} is kept as {@link
 * Provenance#collectedAt()}; local times in both are in {@link Builder#timeZone} (Asia/Shanghai
 * unless told). A value that does not parse refuses its row; intake refuses times after its now
 * beyond a few minutes of clock skew.
 *
 * <h2>Encoding</h2>
 *
 * <p>CSV and JSON lines are UTF-8 (with or without a byte-order mark), or GB18030 (the superset of
 * GBK), detected: strict UTF-8 if the first non-ASCII bytes are valid UTF-8, GB18030 otherwise. An
 * encoding given with {@link Builder#encoding} is used as is. Either way decoding is strict: a byte
 * sequence invalid in the encoding is an error with its line, never replacement characters. The
 * report says which encoding was used and whether it was detected.
 *
 * <p>Thread-safe; each {@link #run} is independent.
 */
public final class Importer {
  /** Rows handed to intake at once unless {@link Builder#batchSize} says otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 200;

  /** The zone of local times in a file unless {@link Builder#timeZone} says otherwise. */
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");

  private static final int MAX_BATCH_SIZE = 10_000;
  private static final int MAX_BATCH_LABEL = 96;

  private final Spirit spirit;
  private final CampaignId campaign;
  private final Optional<DataFormat> format;
  private final FieldMapping mapping;
  private final Optional<Charset> encoding;
  private final int batchSize;
  private final ImportListener listener;
  private final Channel defaultChannel;
  private final String defaultEnteredBy;
  private final boolean keyRequired;
  private final ZoneId zone;

  private Importer(Builder b) {
    this.spirit = b.spirit;
    this.campaign = b.campaign;
    this.format = Optional.ofNullable(b.format);
    this.mapping = b.mapping;
    this.encoding = Optional.ofNullable(b.encoding);
    this.batchSize = b.batchSize;
    this.listener = b.listener;
    this.defaultChannel = b.defaultChannel;
    this.defaultEnteredBy = b.defaultEnteredBy;
    this.keyRequired = b.keyRequired;
    this.zone = b.zone;
  }

  /**
   * Starts an importer for a campaign.
   *
   * @param spirit the Spirit whose intake takes the rows
   * @param campaign the campaign the rows go to
   * @return a builder
   */
  public static Builder builder(Spirit spirit, CampaignId campaign) {
    return new Builder(spirit, campaign);
  }

  /**
   * Imports one input.
   *
   * @param source the input
   * @return what became of each row
   * @throws NotFoundException if the campaign does not exist
   * @throws InvalidInputException if no format was given and the source's name does not tell it
   * @throws UnreadableInputException if the input cannot be read as a whole (nothing is stored)
   */
  public ImportReport run(ImportSource source) {
    Campaign target =
        spirit
            .campaigns()
            .find(campaign)
            .orElseThrow(() -> new NotFoundException("campaign " + campaign));
    DataFormat fmt =
        format
            .or(() -> DataFormat.fromFileName(source.name()))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "format",
                        "cannot tell the format of '"
                            + source.name()
                            + "' from its name; give csv, jsonl or xlsx"));
    RowReader reader =
        switch (fmt) {
          case CSV -> new CsvRows(source.name(), encoding);
          case JSON_LINES -> new JsonLinesRows(source.name(), encoding);
          case XLSX -> new XlsxRows(source.name());
        };
    AtomicLong rows = new AtomicLong();
    read(source, reader, row -> rows.incrementAndGet());
    listener.started(rows.get());

    Batch batch = new Batch(target, source.name(), batchLabel(source.name()), rows.get());
    Optional<Decoding.Chosen> chosen = read(source, reader, batch::add);
    batch.flush();
    return new ImportReport(
        source.name(),
        fmt,
        chosen.map(c -> c.charset().name()),
        chosen.map(Decoding.Chosen::detected).orElse(false),
        batch.results);
  }

  private static Optional<Decoding.Chosen> read(
      ImportSource source, RowReader reader, RowReader.Sink sink) {
    InputStream opened;
    try {
      opened = source.opener().call();
    } catch (SpiritException e) {
      throw e;
    } catch (Exception e) {
      throw new UnreadableInputException(
          source.name(), 0, "cannot be read (" + e.getMessage() + ")", e);
    }
    try (InputStream in = opened) {
      return reader.read(in, sink);
    } catch (IOException e) {
      throw new UnreadableInputException(
          source.name(), 0, "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** Rows waiting for intake, in file order, and the results so far. */
  private final class Batch {
    private final Campaign target;
    private final String sourceName;
    private final String label;
    private final long total;
    private final List<Slot> slots = new ArrayList<>();
    private final List<SubmissionRequest> requests = new ArrayList<>();
    private final List<LineResult> results = new ArrayList<>();

    private Batch(Campaign target, String sourceName, String label, long total) {
      this.target = target;
      this.sourceName = sourceName;
      this.label = label;
      this.total = total;
    }

    void add(RawRow row) {
      if (row.problem().isPresent()) {
        slots.add(new Slot(LineResult.unreadable(row.line(), row.problem().get())));
      } else {
        try {
          requests.add(request(mapping.pick(row.cells()), target, label));
          slots.add(new Slot(row.line()));
        } catch (SpiritException e) {
          slots.add(new Slot(LineResult.unreadable(row.line(), String.valueOf(e.getMessage()))));
        }
      }
      if (requests.size() >= batchSize) {
        flush();
      }
    }

    void flush() {
      List<Receipt> receipts = requests.isEmpty() ? List.of() : spirit.submitAll(requests);
      int next = 0;
      for (Slot slot : slots) {
        LineResult result = slot.result;
        if (result == null) {
          Receipt r = receipts.get(next++);
          if (r instanceof Receipt.Accepted a) {
            result = LineResult.stored(slot.line, a.id(), a.replayed());
          } else {
            result = LineResult.rejected(slot.line, ((Receipt.Rejected) r).reasons());
          }
        }
        results.add(result);
        listener.line(result);
      }
      if (!slots.isEmpty()) {
        listener.progress(results.size(), Math.max(total, results.size()));
      }
      slots.clear();
      requests.clear();
    }

    @Override
    public String toString() {
      return "Batch[" + sourceName + "]";
    }
  }

  /** A row's place in a batch: its result if it has one already, else its pending request. */
  private static final class Slot {
    final long line;
    final @Nullable LineResult result;

    Slot(LineResult result) {
      this.line = result.line();
      this.result = result;
    }

    Slot(long line) {
      this.line = line;
      this.result = null;
    }
  }

  private SubmissionRequest request(Map<Field, String> f, Campaign target, String label) {
    String text = require(f, Field.TEXT);
    String participantId = require(f, Field.PARTICIPANT);
    District district = District.of(require(f, Field.DISTRICT));
    Channel channel = value(f, Field.CHANNEL).map(Channel::parse).orElse(defaultChannel);
    Optional<String> kindText = value(f, Field.KIND);
    SubmissionKind kind = kindText.map(SubmissionKind::parse).orElse(SubmissionKind.KEYWORD);
    Role role = value(f, Field.ROLE).map(Role::parse).orElse(Role.RESIDENT);
    Optional<Instant> collectedAt =
        value(f, Field.COLLECTED_AT).map(v -> time(Field.COLLECTED_AT, v));
    Participant participant = participant(f, target, participantId, role, collectedAt);
    Optional<Language> language = value(f, Field.LANGUAGE).map(Language::of);
    Optional<String> collectionPoint = value(f, Field.COLLECTION_POINT);
    String staff = value(f, Field.ENTERED_BY).orElse(defaultEnteredBy);

    SubmissionRequest.Builder b =
        SubmissionRequest.builder(campaign)
            .text(text)
            .district(district)
            .channel(channel)
            .kind(kind)
            .participant(participant)
            .provenance(
                new Provenance(
                    source(value(f, Field.SOURCE), kind),
                    Optional.of(staff),
                    Optional.of(label),
                    collectedAt));
    language.ifPresent(b::language);
    collectionPoint.ifPresent(b::collectionPoint);
    Optional<String> explicit = value(f, Field.IDEMPOTENCY_KEY);
    if (explicit.isEmpty() && keyRequired) {
      throw new InvalidInputException(
          mapping.column(Field.IDEMPOTENCY_KEY).orElse("key"), "is missing or empty");
    }
    b.idempotencyKey(
        explicit.orElseGet(
            () ->
                ContentKey.of(
                    campaign,
                    List.of(
                        text,
                        participantId,
                        district.code(),
                        channel.key(),
                        kind.key(),
                        collectionPoint.orElse("")))));
    return b.build();
  }

  /**
   * The row's participant: the yes/no form from {@link Field#CONSENT} alone, or a {@link Consent}
   * record when a consent version, purposes or time is given.
   */
  private Participant participant(
      Map<Field, String> f,
      Campaign target,
      String participantId,
      Role role,
      Optional<Instant> collectedAt) {
    boolean consent =
        value(f, Field.CONSENT).map(v -> consent(column(Field.CONSENT), v)).orElse(true);
    Optional<String> version = value(f, Field.CONSENT_VERSION);
    Optional<String> purposes = value(f, Field.CONSENT_PURPOSES);
    Optional<String> at = value(f, Field.CONSENT_AT);
    ParticipantId id = ParticipantId.of(participantId);
    if (!consent) {
      if (version.isPresent() || purposes.isPresent() || at.isPresent()) {
        throw new InvalidInputException(
            column(Field.CONSENT),
            "says no, but the row gives consent details ("
                + column(Field.CONSENT_VERSION)
                + ", "
                + column(Field.CONSENT_PURPOSES)
                + " or "
                + column(Field.CONSENT_AT)
                + ")");
      }
      return Participant.withoutConsent(id, role);
    }
    if (version.isEmpty() && purposes.isEmpty() && at.isEmpty()) {
      return Participant.consenting(participantId, role);
    }
    Optional<ConsentText> text = Optional.empty();
    if (version.isPresent()) {
      Optional<ConsentText> presented = target.rules().consentText();
      if (presented.isEmpty() || !presented.get().version().equals(version.get())) {
        throw new InvalidInputException(
            column(Field.CONSENT_VERSION),
            "names consent text version '"
                + version.get()
                + "'; campaign "
                + target.slug()
                + " presents "
                + presented.map(t -> "version " + t.version()).orElse("no consent text"));
      }
      text = presented;
    }
    Set<ConsentPurpose> allowed =
        purposes
            .map(p -> purposes(column(Field.CONSENT_PURPOSES), p))
            .orElseGet(() -> EnumSet.allOf(ConsentPurpose.class));
    Instant givenAt =
        at.map(v -> time(Field.CONSENT_AT, v))
            .or(() -> collectedAt)
            .orElseGet(() -> spirit.clock().instant());
    return Participant.withConsent(id, role, new Consent(givenAt, text, allowed, Optional.empty()));
  }

  private static final Pattern PURPOSE_SEPARATORS = Pattern.compile("[,;，；、\\s]+");

  private static Set<ConsentPurpose> purposes(String column, String value) {
    Set<ConsentPurpose> out = EnumSet.noneOf(ConsentPurpose.class);
    for (String name : PURPOSE_SEPARATORS.split(value.strip())) {
      if (name.isEmpty()) {
        continue;
      }
      out.add(
          switch (name) {
            case "发布" -> ConsentPurpose.PUBLISH;
            case "统计" -> ConsentPurpose.STATISTICS;
            case "联系" -> ConsentPurpose.CONTACT;
            default -> {
              try {
                yield ConsentPurpose.parse(name);
              } catch (InvalidInputException e) {
                throw new InvalidInputException(
                    column,
                    "unknown purpose '"
                        + name
                        + "'; expected publish, statistics, contact (发布, 统计, 联系)");
              }
            }
          });
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(column, "names no purpose");
    }
    return out;
  }

  private Instant time(Field field, String value) {
    return ImportTimes.parse(column(field), value, zone);
  }

  private String column(Field field) {
    return mapping.column(field).orElse(field.standardColumn());
  }

  private static Optional<String> value(Map<Field, String> fields, Field field) {
    return Optional.ofNullable(fields.get(field));
  }

  private String require(Map<Field, String> fields, Field field) {
    String v = fields.get(field);
    if (v == null) {
      throw new InvalidInputException(
          mapping.column(field).orElse(field.standardColumn()), "is missing or empty");
    }
    return v;
  }

  private static Provenance.Source source(Optional<String> source, SubmissionKind kind) {
    if (source.isEmpty()) {
      return kind == SubmissionKind.INTERVIEW_NOTE
          ? Provenance.Source.INTERVIEW_NOTES
          : Provenance.Source.TRANSCRIBED_CARD;
    }
    return switch (source.get().toLowerCase(Locale.ROOT)) {
      case "card", "transcribed-card", "transcribed_card" -> Provenance.Source.TRANSCRIBED_CARD;
      case "interview", "interview-notes", "interview_notes" -> Provenance.Source.INTERVIEW_NOTES;
      case "staff", "staff-entry", "staff_entry" -> Provenance.Source.STAFF_ENTRY;
      default ->
          throw new InvalidInputException(
              "source", "unknown '" + source.get() + "'; expected card, interview or staff");
    };
  }

  private static boolean consent(String column, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "是" -> true;
      case "false", "no", "n", "0", "否" -> false;
      default -> throw new InvalidInputException(column, "expected yes or no, was '" + value + "'");
    };
  }

  /** The import batch label of the submissions: the file name, shortened with a hash if long. */
  static String batchLabel(String name) {
    String clean = name.codePoints().anyMatch(Character::isISOControl) ? "import" : name.strip();
    if (clean.codePointCount(0, clean.length()) <= MAX_BATCH_LABEL) {
      return Texts.requireLabel("provenance.importBatch", clean, 128);
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      int cut = clean.offsetByCodePoints(0, 64);
      return clean.substring(0, cut) + "-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** Builds an {@link Importer}. */
  public static final class Builder {
    private final Spirit spirit;
    private final CampaignId campaign;
    private @Nullable DataFormat format;
    private FieldMapping mapping = FieldMapping.standard();
    private @Nullable Charset encoding;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private ImportListener listener = ImportListener.NONE;
    private Channel defaultChannel = Channel.CARD;
    private String defaultEnteredBy = "import";
    private boolean keyRequired;
    private ZoneId zone = DEFAULT_TIME_ZONE;

    private Builder(Spirit spirit, CampaignId campaign) {
      if (spirit == null || campaign == null) {
        throw new InvalidInputException("importer", "spirit and campaign are required");
      }
      this.spirit = spirit;
      this.campaign = campaign;
    }

    /**
     * The input's format; by default it is told by the source's file extension.
     *
     * @param value the format
     * @return this builder
     */
    public Builder format(DataFormat value) {
      this.format = value;
      return this;
    }

    /**
     * Which columns fill which fields (default {@link FieldMapping#standard()}).
     *
     * @param value the mapping
     * @return this builder
     */
    public Builder mapping(FieldMapping value) {
      this.mapping = value;
      return this;
    }

    /**
     * The character encoding of CSV and JSON-lines input, e.g. {@code GBK}, {@code GB18030} or
     * {@code UTF-8}; by default UTF-8 or GB18030 is detected. Ignored for xlsx.
     *
     * @param value the encoding
     * @return this builder
     */
    public Builder encoding(Charset value) {
      this.encoding = value;
      return this;
    }

    /**
     * Detects the encoding (the default): UTF-8 if valid, otherwise GB18030.
     *
     * @return this builder
     */
    public Builder detectEncoding() {
      this.encoding = null;
      return this;
    }

    /**
     * How many rows to hand to intake at once (default {@value Importer#DEFAULT_BATCH_SIZE}).
     *
     * @param value 1 to 10,000
     * @return this builder
     * @throws InvalidInputException if out of range
     */
    public Builder batchSize(int value) {
      if (value < 1 || value > MAX_BATCH_SIZE) {
        throw new InvalidInputException(
            "batchSize", "must be 1 to " + MAX_BATCH_SIZE + ", was " + value);
      }
      this.batchSize = value;
      return this;
    }

    /**
     * Told about progress and each row's result.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(ImportListener value) {
      this.listener = value;
      return this;
    }

    /**
     * The channel of rows without one (default {@link Channel#CARD}).
     *
     * @param value the channel
     * @return this builder
     */
    public Builder defaultChannel(Channel value) {
      this.defaultChannel = value;
      return this;
    }

    /**
     * The staff member recorded as having entered rows without {@link Field#ENTERED_BY} (default
     * {@code import}).
     *
     * @param value the staff member
     * @return this builder
     */
    public Builder defaultEnteredBy(String value) {
      this.defaultEnteredBy = Texts.requireLabel("enteredBy", value, 128);
      return this;
    }

    /**
     * Whether every row must have an explicit idempotency key (default false: rows without one get
     * a key derived from their content). When true, a row with an empty key column is refused.
     *
     * @param value true to require explicit keys
     * @return this builder
     */
    public Builder requireExplicitKey(boolean value) {
      this.keyRequired = value;
      return this;
    }

    /**
     * The time zone of local date-times and dates in {@link Field#COLLECTED_AT} and {@link
     * Field#CONSENT_AT} (default {@link Importer#DEFAULT_TIME_ZONE}, Asia/Shanghai); times with an
     * offset or {@code Z} keep theirs.
     *
     * @param value the zone
     * @return this builder
     * @throws InvalidInputException if null
     */
    public Builder timeZone(ZoneId value) {
      if (value == null) {
        throw new InvalidInputException("timeZone", "must not be null");
      }
      this.zone = value;
      return this;
    }

    /**
     * Builds the importer.
     *
     * @return the importer
     */
    public Importer build() {
      return new Importer(this);
    }
  }
}
