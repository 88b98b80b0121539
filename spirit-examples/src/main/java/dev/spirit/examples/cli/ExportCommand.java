package dev.spirit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spirit export}: submissions as CSV or JSON lines, in full or redacted for open data. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a campaign's submissions as CSV or JSON lines.",
      "Full exports hold everything, including pseudonymous participant ids (JSON lines are"
          + " Spirit's canonical record form). --redacted exports open data: only public"
          + " (approved) submissions, their public text (personal data masked), the day but not"
          + " the time, and no ids, participants or collection points."
    })
final class ExportCommand extends CampaignCommand {
  @Option(
      paramLabel = "FORMAT",
      names = "--format",
      defaultValue = "csv",
      description = "csv (default) or jsonl.")
  String format = "csv";

  @Option(names = "--redacted", description = "Open-data export (see above).")
  boolean redacted;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only these statuses (repeat for more; full exports only).")
  List<SubmissionStatus> statuses = new ArrayList<>();

  @Option(
      paramLabel = "FILE",
      names = {"-o", "--output"},
      description = "Write to this file instead of stdout.")
  @Nullable Path output;

  ExportCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) throws IOException {
    Campaign c = campaign(spirit);
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("csv") && !fmt.equals("jsonl")) {
      err().println("spirit: --format must be csv or jsonl, was '" + format + "'");
      return SpiritCli.USAGE;
    }
    SubmissionFilter.Builder filter = SubmissionFilter.builder(c.id());
    if (redacted) {
      filter.status(SubmissionStatus.APPROVED);
    } else {
      statuses.forEach(filter::status);
    }
    long count = 0;
    Writer target =
        output == null
            ? out()
            : new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8);
    PrintWriter w = target instanceof PrintWriter p ? p : new PrintWriter(target);
    try (Stream<Submission> all = spirit.submissions().stream(filter.build())) {
      if (fmt.equals("csv")) {
        w.println(
            redacted
                ? "date,district,channel,kind,language,role,text"
                : "id,received_at,district,channel,kind,language,status,role,participant,"
                    + "collection_point,source,text");
      }
      ObjectMapper mapper = new ObjectMapper();
      Iterator<Submission> it = all.iterator();
      while (it.hasNext()) {
        Submission s = it.next();
        count++;
        if (fmt.equals("jsonl")) {
          w.println(
              redacted ? mapper.writeValueAsString(openData(mapper, s, c)) : SpiritCodec.toJson(s));
        } else {
          w.println(redacted ? openDataCsv(s, c) : fullCsv(s));
        }
      }
    } finally {
      if (output != null) {
        w.close();
      } else {
        w.flush();
      }
    }
    if (output != null) {
      out().println("exported " + count + " submissions to " + output);
    }
    return 0;
  }

  private static ObjectNode openData(ObjectMapper mapper, Submission s, Campaign c) {
    ObjectNode o = mapper.createObjectNode();
    o.put("date", s.receivedAt().atZone(c.timeZone()).toLocalDate().toString());
    o.put("district", s.district().code());
    o.put("channel", s.channel().key());
    o.put("kind", s.kind().key());
    o.put("language", s.language().code());
    o.put("role", s.participant().role().name().toLowerCase(Locale.ROOT));
    o.put("text", s.displayText());
    return o;
  }

  private static String openDataCsv(Submission s, Campaign c) {
    return String.join(
        ",",
        s.receivedAt().atZone(c.timeZone()).toLocalDate().toString(),
        s.district().code(),
        s.channel().key(),
        s.kind().key(),
        s.language().code(),
        s.participant().role().name().toLowerCase(Locale.ROOT),
        csv(s.displayText()));
  }

  private static String fullCsv(Submission s) {
    return String.join(
        ",",
        s.id().toString(),
        s.receivedAt().toString(),
        s.district().code(),
        s.channel().key(),
        s.kind().key(),
        s.language().code(),
        s.status().name().toLowerCase(Locale.ROOT),
        s.participant().role().name().toLowerCase(Locale.ROOT),
        csv(s.participant().id().value()),
        csv(s.collectionPoint().orElse("")),
        s.provenance().source().name().toLowerCase(Locale.ROOT),
        csv(s.text().original()));
  }

  /**
   * Quotes a CSV field when needed (RFC 4180). A leading {@code = + - @} is prefixed with an
   * apostrophe so that spreadsheets do not run submitted text as a formula.
   *
   * @param value the field
   * @return the CSV form
   */
  static String csv(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
