package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.error.InvalidInputException;
import dev.spirit.io.DataFormat;
import dev.spirit.io.Field;
import dev.spirit.io.FieldMapping;
import dev.spirit.io.ImportListener;
import dev.spirit.io.ImportReport;
import dev.spirit.io.ImportSource;
import dev.spirit.io.Importer;
import dev.spirit.io.LineResult;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spirit import FILE}: transcribed cards or interview notes from CSV, JSON lines or xlsx,
 * through the library's {@link Importer}.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import transcribed mailbox cards or interview notes from CSV (with a header), JSON lines or"
          + " an Excel .xlsx workbook (its first sheet, the first row being the header).",
      "Columns: text, district, participant (required); channel, kind, role, consent, language,"
          + " collection_point, key, entered_by, source, consent_version, consent_purposes,"
          + " consent_at, collected_at (optional). --map renames them.",
      "collected_at (when a card was written) and consent_at are ISO-8601 times: 2026-11-03,"
          + " 2026-11-03 18:15, 2026-11-03T18:15+08:00 or 2026-11-03T10:15:00Z; local ones in"
          + " --time-zone (default Asia/Shanghai).",
      "Bad rows are reported with their line number and reason and stored nothing; good rows are"
          + " kept. A file that cannot be read as a whole (a corrupt .xlsx, bytes invalid in its"
          + " encoding) is refused before anything is stored.",
      "Re-running a file imports nothing twice: each row's idempotency key is its key column, or"
          + " else derived from the row's content (not the file name), so a renamed copy imports"
          + " nothing again and a new file under an old name imports all its rows.",
      "Exit code 1 if any row failed.",
      "With --lexicon/--allow the files are attached to the campaign first (a new lexicon"
          + " revision, unless the stored one has the same content) and then used."
    })
final class ImportCommand extends CampaignCommand {
  @Parameters(paramLabel = "FILE", description = "The .csv, .jsonl or .xlsx file.")
  Path file = Path.of("");

  @Option(
      paramLabel = "FORMAT",
      names = "--format",
      defaultValue = "auto",
      description = "csv, jsonl, xlsx, or auto (by file extension; default; csv if unknown).")
  String format = "auto";

  @Option(
      paramLabel = "ENCODING",
      names = "--encoding",
      defaultValue = "auto",
      description =
          "Encoding of CSV and JSON lines: UTF-8, GBK, GB18030..., or auto (default): UTF-8 if"
              + " valid, else GB18030 (a superset of GBK).")
  String encoding = "auto";

  @Option(
      paramLabel = "COLUMN=FIELD",
      names = "--map",
      description =
          "Read FIELD from COLUMN, e.g. --map 内容=text --map 区县=district (repeat for more)."
              + " Fields: text, participant, district, channel, kind, role, consent, language,"
              + " collection_point, key, entered_by, source, consent_version, consent_purposes,"
              + " consent_at, collected_at.")
  List<String> map = new ArrayList<>();

  @Option(
      paramLabel = "CHANNEL",
      names = "--channel",
      defaultValue = "card",
      description = "Channel of rows without one (default: ${DEFAULT-VALUE}).")
  Channel channel = Channel.CARD;

  @Option(
      paramLabel = "STAFF",
      names = "--entered-by",
      defaultValue = "import",
      description =
          "Staff member who transcribed rows without entered_by (default: ${DEFAULT-VALUE}).")
  String enteredBy = "import";

  @Option(
      paramLabel = "COLUMN",
      names = "--key-column",
      description =
          "Column holding each row's idempotency key; every row must have one (default: key, if"
              + " present, else keys derived from the rows' content).")
  @Nullable String keyColumn;

  @Option(
      paramLabel = "N",
      names = "--batch-size",
      defaultValue = "200",
      description = "Rows handed to intake at once (default: ${DEFAULT-VALUE}).")
  int batchSize = Importer.DEFAULT_BATCH_SIZE;

  @Option(
      paramLabel = "ZONE",
      names = "--time-zone",
      defaultValue = "Asia/Shanghai",
      description =
          "Time zone of collected_at and consent_at values without an offset (default:"
              + " ${DEFAULT-VALUE}).")
  String timeZone = "Asia/Shanghai";

  @Mixin LexiconOptions lexicon = new LexiconOptions();

  ImportCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) throws Exception {
    Campaign c = campaign(spirit);
    if (!Files.isRegularFile(file)) {
      err().println("spirit: no such file: " + file);
      return 1;
    }
    if (lexicon.given()) {
      lexicon.attachIfChanged(spirit, c, err());
    }
    String name = file.getFileName() == null ? "input" : file.getFileName().toString();
    Importer.Builder importer =
        Importer.builder(spirit, c.id())
            .format(format(name))
            .mapping(mapping())
            .defaultChannel(channel)
            .defaultEnteredBy(enteredBy)
            .requireExplicitKey(keyColumn != null)
            .timeZone(CampaignTimes.zone(timeZone))
            .batchSize(batchSize);
    charset().ifPresent(importer::encoding);
    PrintWriter err = err();
    BarListener listener = new BarListener(err, name, context.interactive());
    ImportReport report;
    try {
      report =
          importer
              .listener(listener)
              .build()
              .run(ImportSource.of(name, () -> Files.newInputStream(file)));
    } finally {
      listener.close();
    }
    if (report.encodingDetected() && !report.encoding().orElse("UTF-8").equals("UTF-8")) {
      err.println(name + ": read as " + report.encoding().orElse("") + " (detected)");
    }
    out()
        .println(
            "imported "
                + report.imported()
                + " · already imported "
                + report.alreadyPresent()
                + " · failed "
                + report.refused()
                + " (of "
                + report.rows()
                + " rows)");
    return report.refused() == 0 ? 0 : 1;
  }

  private DataFormat format(String name) {
    if (!format.equalsIgnoreCase("auto")) {
      return DataFormat.parse(format);
    }
    return DataFormat.fromFileName(name).orElse(DataFormat.CSV);
  }

  private java.util.Optional<Charset> charset() {
    if (encoding.equalsIgnoreCase("auto")) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Charset.forName(encoding));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InvalidInputException(
          "--encoding", "unknown encoding '" + encoding + "'; try UTF-8, GBK or GB18030");
    }
  }

  private FieldMapping mapping() {
    FieldMapping m = FieldMapping.standard();
    if (keyColumn != null) {
      m = m.with(keyColumn, Field.IDEMPOTENCY_KEY);
    }
    for (String entry : map) {
      int eq = entry.lastIndexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new InvalidInputException("--map", "expected COLUMN=FIELD, was '" + entry + "'");
      }
      m = m.with(entry.substring(0, eq), Field.parse(entry.substring(eq + 1)));
    }
    return m;
  }

  /** Draws the progress bar and prints each refused row as it is known. */
  private static final class BarListener implements ImportListener {
    private final PrintWriter err;
    private final String name;
    private final boolean interactive;
    private @Nullable ProgressBar bar;

    BarListener(PrintWriter err, String name, boolean interactive) {
      this.err = err;
      this.name = name;
      this.interactive = interactive;
    }

    @Override
    public void started(long rows) {
      bar = new ProgressBar(err, "Importing " + name, rows, interactive);
    }

    @Override
    public void line(LineResult result) {
      if (result.outcome() == LineResult.Outcome.REFUSED) {
        if (interactive && bar != null) {
          err.print("\r\033[K"); // clear the bar's line before printing over it
        }
        result.reasons().forEach(r -> err.println(name + ":" + result.line() + ": " + r));
      }
    }

    @Override
    public void progress(long done, long total) {
      ProgressBar b = bar;
      if (b != null) {
        b.advanceTo(done);
      }
    }

    void close() {
      ProgressBar b = bar;
      if (b != null) {
        b.close();
      }
      err.flush();
    }
  }
}
