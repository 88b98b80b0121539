package dev.spirit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.examples.Wiring;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.Moderator;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.TextSpan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spirit moderate}: runs moderation over a batch of texts without storing anything, so a
 * district can check transcribed cards before importing them.
 */
@Command(
    name = "moderate",
    mixinStandardHelpOptions = true,
    description = {
      "Check texts with the moderation pipeline and print one JSON line per text: decision,"
          + " reasons, matched spans, redacted text. Nothing is stored.",
      "Reads one text per line, or with --column N the N-th tab-separated column (backslash"
          + " escapes \\t \\n \\\\ are decoded), from FILE or standard input.",
      "Each line is judged on its own (as if from a different participant, without rate,"
          + " duplicate or flood rules) unless --stream asks for the stream rules across lines.",
      "Lexicon: --lexicon FILE (term, category, block|review, tab-separated) and --allow FILE"
          + " (one innocent phrase per line), repeatable, city first; else the --campaign's"
          + " stored lexicon; else the demo's small lexicon. Nothing is attached or stored."
    })
final class ModerateCommand extends StoreCommand {
  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      description = "The texts (default or '-': standard input).")
  @Nullable String file;

  @Option(
      paramLabel = "N",
      names = "--column",
      description = "Take the N-th tab-separated column (1-based).")
  @Nullable Integer column;

  @Option(names = "--header", description = "Skip the first line (a header).")
  boolean header;

  @Option(
      paramLabel = "CAMPAIGN",
      names = "--campaign",
      description = "Moderate as for this campaign of the store (default: a neutral campaign).")
  @Nullable String campaign;

  @Mixin LexiconOptions lexicon = new LexiconOptions();

  @Option(
      names = "--stream",
      description =
          "Treat the lines as one stream from one participant: rate, duplicate and flood rules"
              + " apply across lines.")
  boolean stream;

  ModerateCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws Exception {
    if (campaign == null) {
      // No campaign: no store needed.
      return check(
          moderator(lexicon.given() ? lexicon.layers().compiled() : Wiring.demoLexicon()),
          Campaign.builder("moderation-check")
              .title("审核检查", "Moderation check")
              .prompt("-", "-")
              .districts("any")
              .allChannels()
              .build());
    }
    return super.call();
  }

  @Override
  int run(Spirit spirit) throws Exception {
    String ref = campaign == null ? "" : campaign;
    Campaign target = CliContext.campaign(spirit, ref);
    TermLexicon terms;
    if (lexicon.given()) {
      terms = lexicon.layers().compiled();
    } else {
      Optional<CampaignLexicon> stored = spirit.campaigns().lexicon(target.id());
      terms = stored.isPresent() ? stored.get().compile() : Wiring.demoLexicon();
    }
    return check(moderator(terms), target);
  }

  private Moderator moderator(TermLexicon terms) {
    return stream ? Wiring.streamModerator(terms) : Wiring.contentModerator(terms);
  }

  private int check(Moderator moderator, Campaign target) throws Exception {
    if (column != null && column < 1) {
      err().println("spirit: --column is 1-based, was " + column);
      return SpiritCli.USAGE;
    }
    ObjectMapper mapper = new ObjectMapper();
    PrintWriter out = out();
    try (BufferedReader in =
        file == null || file.equals("-")
            ? new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8))
            : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if ((header && lineNo == 1) || line.isBlank()) {
          continue;
        }
        String text = line;
        if (column != null) {
          String[] cells = line.split("\t", -1);
          if (cells.length < column) {
            err().println("line " + lineNo + ": has no column " + column);
            continue;
          }
          text = unescape(cells[column - 1]);
        }
        if (text.isBlank()) {
          continue;
        }
        // Alone, each line comes from a participant of its own; as a stream, all from one.
        String participant = stream ? "moderation-check" : "moderation-check-" + lineNo;
        ModerationRecord record = moderator.moderate(candidate(text, target, participant), target);
        out.println(mapper.writeValueAsString(toJson(mapper, lineNo, text, record)));
      }
    }
    return 0;
  }

  private static Submission candidate(String text, Campaign campaign, String participant) {
    Instant now = Instant.now();
    boolean han = text.codePoints().anyMatch(Character::isIdeographic);
    return Submission.builder()
        .id(SubmissionId.generate(now))
        .campaignId(campaign.id())
        .kind(SubmissionKind.MESSAGE)
        .text(text)
        .language(han ? Language.ZH : Language.EN)
        .district(campaign.districts().iterator().next())
        .channel(Channel.CARD)
        .participant(Participant.consenting(participant, Role.OTHER))
        .receivedAt(now)
        .build();
  }

  private static ObjectNode toJson(
      ObjectMapper mapper, int line, String text, ModerationRecord record) {
    ObjectNode o = mapper.createObjectNode();
    o.put("line", line);
    o.put("text", text);
    o.put("decision", record.decision().name().toLowerCase(Locale.ROOT));
    ArrayNode reasons = o.putArray("reasons");
    for (ModerationReason r : record.reasons()) {
      ObjectNode reason = reasons.addObject();
      reason.put("rule", r.ruleId());
      reason.put("code", r.code());
      reason.put("decision", r.decision().name().toLowerCase(Locale.ROOT));
      reason.put("detail", r.detail());
      ArrayNode spans = reason.putArray("spans");
      for (TextSpan span : r.spans()) {
        ObjectNode s = spans.addObject();
        s.put("start", span.start()).put("end", span.end());
        if (span.end() <= text.length()) {
          s.put("text", span.of(text));
        }
      }
    }
    o.put("redacted", record.redactedText().orElse(text));
    return o;
  }

  /**
   * Decodes the backslash escapes of the shared TSV format.
   *
   * @param cell a TSV cell
   * @return the text
   */
  static String unescape(String cell) {
    StringBuilder out = new StringBuilder(cell.length());
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\\' && i + 1 < cell.length()) {
        char n = cell.charAt(++i);
        out.append(
            switch (n) {
              case 't' -> '\t';
              case 'n' -> '\n';
              default -> n;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
