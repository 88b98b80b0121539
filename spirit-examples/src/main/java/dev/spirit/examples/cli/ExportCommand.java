package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.io.Audience;
import dev.spirit.io.DataFormat;
import dev.spirit.io.ExportListener;
import dev.spirit.io.Exporter;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spirit export}: submissions as CSV, JSON lines or xlsx, in full or as open data, through
 * the library's {@link Exporter}.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a campaign's submissions as CSV, JSON lines or an Excel .xlsx workbook (-o needed).",
      "Full (staff) exports hold everything, including pseudonymous participant ids (JSON lines"
          + " are Spirit's canonical record form). --redacted (--audience open-data) exports open"
          + " data: only public (approved) submissions, their public text (personal data masked),"
          + " the day but not the time, and no ids, participants or collection points.",
      "CSV cells that a spreadsheet would run as a formula get a leading apostrophe."
    })
final class ExportCommand extends CampaignCommand {
  @Option(
      paramLabel = "FORMAT",
      names = "--format",
      description = "csv (default), jsonl or xlsx; by default told by the -o file's extension.")
  @Nullable String format;

  @Option(names = "--redacted", description = "Open-data export (see above).")
  boolean redacted;

  @Option(
      names = "--audience",
      paramLabel = "AUDIENCE",
      description = "staff (default) or open-data (the same as --redacted).")
  @Nullable String audience;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only these statuses (repeat for more; staff exports only).")
  List<SubmissionStatus> statuses = new ArrayList<>();

  @Option(
      paramLabel = "FILE",
      names = {"-o", "--output"},
      description = "Write to this file instead of stdout.")
  @Nullable Path output;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "No progress bar (drawn on stderr only on an interactive terminal, with -o FILE).")
  boolean quiet;

  ExportCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) throws IOException {
    Campaign c = campaign(spirit);
    DataFormat fmt = format();
    Audience who = audience();
    if (fmt == DataFormat.XLSX && output == null) {
      err().println("spirit: --format xlsx writes a workbook: give a file with -o");
      return SpiritCli.USAGE;
    }
    // On a pipe or in a log the bar would only be noise, and on a terminal that shows the export
    // itself (no -o) it would garble it; the summary line says what was done.
    BarListener bar =
        new BarListener(
            err(), "Exporting " + c.slug(), context.interactive() && !quiet && output != null);
    Exporter exporter =
        Exporter.builder(spirit, c.id())
            .format(fmt)
            .audience(who)
            .statuses(
                statuses.isEmpty() || who == Audience.OPEN_DATA
                    ? EnumSet.noneOf(SubmissionStatus.class)
                    : EnumSet.copyOf(statuses))
            .listener(bar)
            .build();
    Path target = output;
    if (target == null) {
      PrintWriter out = out();
      try (OutputStream stream = new WriterStream(out)) {
        exporter.writeTo(stream);
      }
      out.flush();
      return 0;
    }
    long count;
    try (OutputStream stream = Files.newOutputStream(target)) {
      count = exporter.writeTo(stream);
    }
    out().println("exported " + count + " submissions to " + target);
    return 0;
  }

  private DataFormat format() {
    if (format != null) {
      return DataFormat.parse(format);
    }
    Path target = output;
    return target == null
        ? DataFormat.CSV
        : DataFormat.fromFileName(String.valueOf(target.getFileName())).orElse(DataFormat.CSV);
  }

  private Audience audience() {
    if (audience == null) {
      return redacted ? Audience.OPEN_DATA : Audience.STAFF;
    }
    return switch (audience.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "open-data", "open_data", "public" -> Audience.OPEN_DATA;
      case "staff" -> {
        if (redacted) {
          throw new dev.spirit.error.InvalidInputException(
              "--audience", "staff contradicts --redacted");
        }
        yield Audience.STAFF;
      }
      default ->
          throw new dev.spirit.error.InvalidInputException(
              "--audience", "must be staff or open-data, was '" + audience + "'");
    };
  }

  /** Draws the export's progress bar on stderr, if asked to. */
  static final class BarListener implements ExportListener {
    private final PrintWriter err;
    private final String label;
    private final boolean draw;
    private @Nullable ProgressBar bar;

    BarListener(PrintWriter err, String label, boolean draw) {
      this.err = err;
      this.label = label;
      this.draw = draw;
    }

    @Override
    public void started(long total) {
      if (draw) {
        bar = new ProgressBar(err, label, total, true);
      }
    }

    @Override
    public void progress(long done, long total) {
      ProgressBar b = bar;
      if (b != null) {
        b.advanceTo(done);
      }
    }

    @Override
    public void finished(long written) {
      ProgressBar b = bar;
      if (b != null) {
        b.close();
        bar = null;
      }
    }
  }

  /** UTF-8 bytes into the command's character output (stdout is a writer here). */
  private static final class WriterStream extends OutputStream {
    private final PrintWriter out;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    WriterStream(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      int at = off;
      while (at < off + len) {
        int n = Math.min(bytes.remaining(), off + len - at);
        bytes.put(b, at, n);
        at += n;
        drain(false);
      }
    }

    private void drain(boolean end) {
      bytes.flip();
      while (true) {
        var r = decoder.decode(bytes, chars, end);
        chars.flip();
        out.append(chars);
        chars.clear();
        if (!r.isOverflow()) {
          break;
        }
      }
      bytes.compact();
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      drain(true);
      out.flush();
    }
  }
}
