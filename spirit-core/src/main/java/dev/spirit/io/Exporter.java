package dev.spirit.io;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.io.internal.CsvWriter;
import dev.spirit.io.internal.JsonLinesWriter;
import dev.spirit.io.internal.Poi;
import dev.spirit.io.internal.RowWriter;
import dev.spirit.io.internal.XlsxWriter;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Writes a campaign's submissions as CSV (UTF-8 with a header line), JSON lines or xlsx, for the
 * public or for staff ({@link Audience}). Submissions stream from the store one at a time; none of
 * the export is held in memory (xlsx keeps a window of 100 rows and spills the rest to a temporary
 * file, as POI's streaming workbook does).
 *
 * <p>CSV cells that a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or
 * a carriage return) are written with a leading apostrophe, so that opening an export never runs
 * submitted text. xlsx cells are always written as text, never as formulas, and need no guard.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(path)) {
 *   long n = Exporter.builder(spirit, campaign.id())
 *       .format(DataFormat.CSV)
 *       .audience(Audience.OPEN_DATA)
 *       .build()
 *       .writeTo(out);
 * }
 * }</pre>
 */
public final class Exporter {
  /** How many submissions pass between two {@link ExportListener#progress} calls. */
  public static final int PROGRESS_INTERVAL = 250;

  private static final List<String> OPEN_DATA_COLUMNS =
      List.of("date", "district", "channel", "kind", "language", "role", "text");
  private static final List<String> STAFF_COLUMNS =
      List.of(
          "id",
          "received_at",
          "collected_at",
          "district",
          "channel",
          "kind",
          "language",
          "status",
          "role",
          "participant",
          "collection_point",
          "source",
          "text");

  private final Spirit spirit;
  private final CampaignId campaign;
  private final DataFormat format;
  private final Audience audience;
  private final Set<SubmissionStatus> statuses;
  private final LongConsumer progress;
  private final ExportListener listener;

  private Exporter(Builder b) {
    this.spirit = b.spirit;
    this.campaign = b.campaign;
    this.format = b.format;
    this.audience = b.audience;
    this.statuses = b.statuses.isEmpty() ? Set.of() : EnumSet.copyOf(b.statuses);
    this.progress = b.progress;
    this.listener = b.listener;
  }

  /**
   * Starts an exporter for a campaign.
   *
   * @param spirit the Spirit whose submissions to export
   * @param campaign the campaign
   * @return a builder
   */
  public static Builder builder(Spirit spirit, CampaignId campaign) {
    return new Builder(spirit, campaign);
  }

  /**
   * The columns this export writes (CSV and xlsx; open-data JSON lines use them as member names).
   *
   * @return the column names, in order
   */
  public List<String> columns() {
    return audience == Audience.OPEN_DATA ? OPEN_DATA_COLUMNS : STAFF_COLUMNS;
  }

  /**
   * Writes the export. The stream is flushed, not closed.
   *
   * @param out where to write
   * @return how many submissions were written
   * @throws NotFoundException if the campaign does not exist
   * @throws ExportFailedException if writing fails or xlsx is asked for without POI
   */
  public long writeTo(OutputStream out) {
    Campaign c =
        spirit
            .campaigns()
            .find(campaign)
            .orElseThrow(() -> new NotFoundException("campaign " + campaign));
    if (format == DataFormat.XLSX && !Poi.available()) {
      throw new ExportFailedException(Poi.missing("write"));
    }
    SubmissionFilter.Builder filter = SubmissionFilter.builder(c.id());
    if (audience == Audience.OPEN_DATA) {
      filter.status(SubmissionStatus.APPROVED);
    } else {
      statuses.forEach(filter::status);
    }
    SubmissionFilter selected = filter.build();
    long total = spirit.submissions().count(selected);
    listener.started(total);
    long count = 0;
    long read = 0;
    try (RowWriter writer = writer(out);
        Stream<Submission> all = spirit.submissions().stream(selected)) {
      writer.header(columns());
      Iterator<Submission> it = all.iterator();
      while (it.hasNext()) {
        Submission s = it.next();
        if (++read % PROGRESS_INTERVAL == 0) {
          listener.progress(read, Math.max(total, read));
        }
        if (audience == Audience.OPEN_DATA && !s.visibleToPublic()) {
          continue; // approved, but the participant did not allow (or withdrew) publication
        }
        if (audience == Audience.OPEN_DATA) {
          writer.row(openData(s, c));
        } else if (format == DataFormat.JSON_LINES) {
          writer.record(SpiritCodec.toJson(s));
        } else {
          writer.row(staff(s));
        }
        count++;
        if (count % 1000 == 0) {
          progress.accept(count);
        }
      }
      writer.finish();
    } catch (IOException e) {
      throw new ExportFailedException("cannot write the export: " + e.getMessage(), e);
    }
    progress.accept(count);
    if (read % PROGRESS_INTERVAL != 0 || read == 0) {
      listener.progress(read, Math.max(total, read));
    }
    listener.finished(count);
    return count;
  }

  private RowWriter writer(OutputStream out) {
    return switch (format) {
      case CSV -> new CsvWriter(out);
      case JSON_LINES -> new JsonLinesWriter(out);
      case XLSX -> new XlsxWriter(out, "submissions");
    };
  }

  private static List<String> openData(Submission s, Campaign c) {
    return List.of(
        s.receivedAt().atZone(c.timeZone()).toLocalDate().toString(),
        s.district().code(),
        s.channel().key(),
        s.kind().key(),
        s.language().code(),
        s.participant().role().name().toLowerCase(Locale.ROOT),
        s.displayText());
  }

  private static List<String> staff(Submission s) {
    return List.of(
        s.id().toString(),
        s.receivedAt().toString(),
        s.provenance().collectedAt().map(Instant::toString).orElse(""),
        s.district().code(),
        s.channel().key(),
        s.kind().key(),
        s.language().code(),
        s.status().name().toLowerCase(Locale.ROOT),
        s.participant().role().name().toLowerCase(Locale.ROOT),
        s.participant().id().value(),
        s.collectionPoint().orElse(""),
        s.provenance().source().name().toLowerCase(Locale.ROOT),
        s.text().original());
  }

  /** Builds an {@link Exporter}. */
  public static final class Builder {
    private final Spirit spirit;
    private final CampaignId campaign;
    private DataFormat format = DataFormat.CSV;
    private Audience audience = Audience.STAFF;
    private final Set<SubmissionStatus> statuses = EnumSet.noneOf(SubmissionStatus.class);
    private LongConsumer progress = n -> {};
    private ExportListener listener = ExportListener.NONE;

    private Builder(Spirit spirit, CampaignId campaign) {
      if (spirit == null || campaign == null) {
        throw new InvalidInputException("exporter", "spirit and campaign are required");
      }
      this.spirit = spirit;
      this.campaign = campaign;
    }

    /**
     * The format (default {@link DataFormat#CSV}).
     *
     * @param value the format
     * @return this builder
     */
    public Builder format(DataFormat value) {
      this.format = value;
      return this;
    }

    /**
     * Who the export is for (default {@link Audience#STAFF}).
     *
     * @param value the audience
     * @return this builder
     */
    public Builder audience(Audience value) {
      this.audience = value;
      return this;
    }

    /**
     * Only submissions of these statuses (staff exports; default all). Open-data exports always
     * hold approved submissions only, and refuse this option.
     *
     * @param values the statuses
     * @return this builder
     */
    public Builder statuses(Set<SubmissionStatus> values) {
      this.statuses.clear();
      this.statuses.addAll(values);
      return this;
    }

    /**
     * Told how many submissions were written, every thousand and at the end.
     *
     * @param value the callback
     * @return this builder
     */
    public Builder progress(LongConsumer value) {
      this.progress = value;
      return this;
    }

    /**
     * Told when the export starts (with the number of submissions to read), as it goes and when it
     * is done, e.g. to draw a progress bar.
     *
     * @param value the listener
     * @return this builder
     * @throws InvalidInputException if null
     */
    public Builder listener(ExportListener value) {
      if (value == null) {
        throw new InvalidInputException("listener", "must not be null");
      }
      this.listener = value;
      return this;
    }

    /**
     * Builds the exporter.
     *
     * @return the exporter
     * @throws InvalidInputException if an open-data export is given statuses
     */
    public Exporter build() {
      if (audience == Audience.OPEN_DATA && !statuses.isEmpty()) {
        throw new InvalidInputException(
            "statuses", "an open-data export holds approved submissions only");
      }
      return new Exporter(this);
    }
  }
}
