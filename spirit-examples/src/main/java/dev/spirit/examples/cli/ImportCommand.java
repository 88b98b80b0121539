package dev.spirit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.SpiritException;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spirit import FILE}: transcribed cards or interview notes from CSV or JSON lines. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import transcribed mailbox cards or interview notes from CSV (with a header) or JSON lines.",
      "Columns: text, district, participant (required); channel, kind, role, consent, language,"
          + " collection_point, key, entered_by, source (optional).",
      "Bad rows are reported with their line number and skipped; good rows are kept. Re-running"
          + " the same file imports nothing twice: each row's idempotency key is its key column,"
          + " or else derived from the file name and line number.",
      "Exit code 1 if any row failed.",
      "With --lexicon/--allow the files are attached to the campaign first (a new lexicon"
          + " revision, unless the stored one has the same content) and then used."
    })
final class ImportCommand extends CampaignCommand {
  private static final int BATCH = 200;

  @Parameters(paramLabel = "FILE", description = "The .csv or .jsonl file.")
  Path file = Path.of("");

  @Option(
      paramLabel = "FORMAT",
      names = "--format",
      defaultValue = "auto",
      description = "csv, jsonl, or auto (by file extension; default).")
  String format = "auto";

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
      description = "Column holding each row's idempotency key (default: key, if present).")
  @Nullable String keyColumn;

  @Mixin LexiconOptions lexicon = new LexiconOptions();

  ImportCommand(CliContext context) {
    super(context);
  }

  private record Pending(int line, SubmissionRequest request) {}

  @Override
  int run(Spirit spirit) throws Exception {
    Campaign c = campaign(spirit);
    if (lexicon.given()) {
      lexicon.attachIfChanged(spirit, c, err());
    }
    String kind = format.equals("auto") ? detect(file) : format.toLowerCase(Locale.ROOT);
    List<ImportRows.Row> rows;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      rows =
          switch (kind) {
            case "csv" -> ImportRows.csv(reader);
            case "jsonl", "json" -> ImportRows.jsonLines(reader, new ObjectMapper());
            default -> {
              err().println("spirit: --format must be csv, jsonl or auto, was '" + format + "'");
              yield null;
            }
          };
    } catch (NoSuchFileException e) {
      err().println("spirit: no such file: " + file);
      return 1;
    }
    if (rows == null) {
      return SpiritCli.USAGE;
    }
    String name = file.getFileName() == null ? "input" : file.getFileName().toString();
    String batchName = keySafe(name);
    PrintWriter err = err();
    int failed = 0;
    List<Pending> pending = new ArrayList<>();
    for (ImportRows.Row row : rows) {
      if (row.error().isPresent()) {
        err.println(name + ":" + row.line() + ": " + row.error().get());
        failed++;
        continue;
      }
      try {
        pending.add(new Pending(row.line(), request(c, row, name, batchName)));
      } catch (SpiritException | IllegalArgumentException e) {
        err.println(name + ":" + row.line() + ": " + e.getMessage());
        failed++;
      }
    }
    int imported = 0;
    int already = 0;
    try (ProgressBar bar =
        new ProgressBar(err, "Importing " + name, pending.size(), context.interactive())) {
      for (int start = 0; start < pending.size(); start += BATCH) {
        List<Pending> batch = pending.subList(start, Math.min(pending.size(), start + BATCH));
        List<Receipt> receipts =
            spirit.submitAll(batch.stream().map(Pending::request).collect(Collectors.toList()));
        for (int i = 0; i < receipts.size(); i++) {
          Receipt r = receipts.get(i);
          if (r instanceof Receipt.Accepted a) {
            if (a.replayed()) {
              already++;
            } else {
              imported++;
            }
          } else {
            failed++;
            int line = batch.get(i).line();
            ((Receipt.Rejected) r)
                .reasons()
                .forEach(
                    reason ->
                        err.println(
                            name
                                + ":"
                                + line
                                + ": refused: "
                                + reason.code()
                                + ": "
                                + reason.message()));
          }
        }
        bar.step(batch.size());
      }
    }
    out()
        .println(
            "imported "
                + imported
                + " · already imported "
                + already
                + " · failed "
                + failed
                + " (of "
                + rows.size()
                + " rows)");
    return failed == 0 ? 0 : 1;
  }

  private SubmissionRequest request(
      Campaign c, ImportRows.Row row, String fileName, String batchName) {
    Map<String, String> f = row.fields();
    Optional<String> kind = value(f, "kind");
    SubmissionRequest.Builder b =
        SubmissionRequest.builder(c.id())
            .text(require(f, "text"))
            .district(require(f, "district").trim())
            .channel(value(f, "channel").map(Channel::parse).orElse(channel))
            .kind(kind.map(SubmissionKind::parse).orElse(SubmissionKind.KEYWORD))
            .participant(
                new Participant(
                    ParticipantId.of(require(f, "participant").trim()),
                    value(f, "role").map(Role::parse).orElse(Role.RESIDENT),
                    value(f, "consent").map(ImportCommand::consent).orElse(true)));
    value(f, "language").map(Language::of).ifPresent(b::language);
    value(f, "collection_point").ifPresent(b::collectionPoint);
    String staff = value(f, "entered_by").orElse(enteredBy);
    b.provenance(Provenance.enteredBy(source(value(f, "source"), kind), staff, batchName));
    Optional<String> key;
    if (keyColumn != null) {
      key = value(f, keyColumn.toLowerCase(Locale.ROOT));
      if (key.isEmpty()) {
        throw new IllegalArgumentException("key column '" + keyColumn + "' is empty");
      }
    } else {
      key = value(f, "key");
    }
    b.idempotencyKey(key.orElseGet(() -> derivedKey(fileName, row.line())));
    return b.build();
  }

  private static Optional<String> value(Map<String, String> fields, String column) {
    String v = fields.get(column);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static Provenance.Source source(Optional<String> source, Optional<String> kind) {
    if (source.isEmpty()) {
      return kind.map(k -> k.equalsIgnoreCase("interview-note")).orElse(false)
          ? Provenance.Source.INTERVIEW_NOTES
          : Provenance.Source.TRANSCRIBED_CARD;
    }
    return switch (source.get().toLowerCase(Locale.ROOT)) {
      case "card", "transcribed-card" -> Provenance.Source.TRANSCRIBED_CARD;
      case "interview", "interview-notes" -> Provenance.Source.INTERVIEW_NOTES;
      case "staff", "staff-entry" -> Provenance.Source.STAFF_ENTRY;
      default ->
          throw new IllegalArgumentException(
              "source: unknown '" + source.get() + "'; expected card, interview or staff");
    };
  }

  private static boolean consent(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "是" -> true;
      case "false", "no", "n", "0", "否" -> false;
      default ->
          throw new IllegalArgumentException("consent: expected yes or no, was '" + value + "'");
    };
  }

  private static String require(Map<String, String> fields, String column) {
    return value(fields, column)
        .orElseThrow(() -> new IllegalArgumentException(column + ": is missing or empty"));
  }

  /**
   * The idempotency key of a row without a key column: stable across re-runs of the same file.
   *
   * @param fileName the file's name
   * @param line the row's line number
   * @return the key
   */
  static String derivedKey(String fileName, int line) {
    return "import:" + keySafe(fileName) + ":" + line;
  }

  private static String keySafe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() <= 96) {
      return safe;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return safe.substring(0, 64) + "-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static String detect(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")
        ? "jsonl"
        : "csv";
  }
}
