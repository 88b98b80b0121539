package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Consent;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Rejection;
import dev.spirit.submission.SubmissionRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spirit submit}: one submission through intake. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Take in one submission and print its receipt.",
      "Exit code 1 if intake refused it (every reason is printed).",
      "With --lexicon/--allow the files are attached to the campaign first (a new lexicon"
          + " revision, unless the stored one has the same content) and then used; without them"
          + " the campaign's stored lexicon is used."
    })
final class SubmitCommand extends CampaignCommand {
  /** Where the text comes from: exactly one of {@code --text} and {@code --text-file}. */
  static final class TextSource {
    @Option(
        paramLabel = "TEXT",
        names = "--text",
        required = true,
        description = "The word, slogan or message; - reads it from standard input (UTF-8).")
    @Nullable String text;

    @Option(
        paramLabel = "FILE",
        names = "--text-file",
        required = true,
        description = "Read the text from a UTF-8 file (a poem, an interview note).")
    @Nullable Path file;
  }

  @ArgGroup(multiplicity = "1")
  TextSource source = new TextSource();

  @Option(
      paramLabel = "CODE",
      names = "--district",
      required = true,
      description = "District code, e.g. yuzhong.")
  String district = "";

  @Option(
      paramLabel = "CHANNEL",
      names = "--channel",
      defaultValue = "online",
      description = "How it was collected (default: ${DEFAULT-VALUE}).")
  Channel channel = Channel.ONLINE;

  @Option(
      paramLabel = "KIND",
      names = "--kind",
      defaultValue = "keyword",
      description = "keyword, slogan, message, poem or interview-note (default: ${DEFAULT-VALUE}).")
  SubmissionKind kind = SubmissionKind.KEYWORD;

  @Option(
      paramLabel = "ROLE",
      names = "--role",
      defaultValue = "resident",
      description = "resident, visitor, expert, student or other (default: ${DEFAULT-VALUE}).")
  Role role = Role.RESIDENT;

  @Option(
      paramLabel = "ID",
      names = "--participant",
      required = true,
      description = "Pseudonymous participant id (never a real name).")
  String participant = "";

  @Option(
      names = "--no-consent",
      description = "The participant did not consent (intake refuses it if consent is required).")
  boolean noConsent;

  @Option(
      paramLabel = "PURPOSE",
      names = "--purposes",
      split = ",",
      description =
          "Record the consent with these purposes: publish, statistics, contact (comma-separated),"
              + " given now, to the campaign's consent text if it names one.")
  List<String> purposes = new ArrayList<>();

  @Option(
      paramLabel = "VERSION",
      names = "--consent-version",
      description =
          "The consent text version the participant was shown; must be the one the campaign"
              + " presents.")
  @Nullable String consentVersion;

  @Option(paramLabel = "LANG", names = "--language", description = "zh or en (default: detected).")
  @Nullable String language;

  @Option(
      paramLabel = "KEY",
      names = "--idempotency-key",
      description = "Retry key: resubmitting it is a no-op.")
  @Nullable String idempotencyKey;

  @Option(
      paramLabel = "STAFF",
      names = "--entered-by",
      description = "Staff member who entered it on the participant's behalf.")
  @Nullable String enteredBy;

  @Mixin LexiconOptions lexicon = new LexiconOptions();

  SubmitCommand(CliContext context) {
    super(context);
  }

  private Participant participant(Spirit spirit, Campaign c) {
    ParticipantId id = ParticipantId.of(participant);
    if (noConsent) {
      return Participant.withoutConsent(id, role);
    }
    Optional<ConsentText> presented = c.rules().consentText();
    if (consentVersion != null
        && !presented.map(t -> t.version().equals(consentVersion)).orElse(false)) {
      throw new InvalidInputException(
          "--consent-version",
          "campaign "
              + c.slug()
              + " presents "
              + presented.map(t -> "consent text version " + t.version()).orElse("no consent text")
              + ", not "
              + consentVersion);
    }
    if (purposes.isEmpty() && consentVersion == null) {
      return Participant.consenting(participant, role);
    }
    Set<ConsentPurpose> allowed = EnumSet.noneOf(ConsentPurpose.class);
    purposes.forEach(p -> allowed.add(ConsentPurpose.parse(p.trim())));
    if (allowed.isEmpty()) {
      allowed.addAll(EnumSet.allOf(ConsentPurpose.class));
    }
    return Participant.withConsent(
        id, role, new Consent(spirit.clock().instant(), presented, allowed, Optional.empty()));
  }

  @Override
  int run(Spirit spirit) throws IOException {
    String text = text();
    Campaign c = campaign(spirit);
    if (lexicon.given()) {
      lexicon.attachIfChanged(spirit, c, err());
    }
    SubmissionRequest.Builder request =
        SubmissionRequest.builder(c.id())
            .kind(kind)
            .text(text)
            .district(district)
            .channel(channel)
            .participant(participant(spirit, c));
    if (language != null) {
      request.language(Language.of(language));
    }
    if (idempotencyKey != null) {
      request.idempotencyKey(idempotencyKey);
    }
    if (enteredBy != null) {
      request.provenance(Provenance.enteredBy(Provenance.Source.STAFF_ENTRY, enteredBy));
    }
    Receipt receipt = spirit.submit(request.build());
    if (receipt instanceof Receipt.Accepted a) {
      out()
          .println(
              (a.replayed() ? "already accepted " : "accepted ")
                  + a.id()
                  + " status "
                  + a.status().name().toLowerCase(Locale.ROOT));
      return 0;
    }
    for (Rejection r : ((Receipt.Rejected) receipt).reasons()) {
      err().println("refused: " + r.code() + " (" + r.field() + "): " + r.message());
    }
    return 1;
  }

  /**
   * The text to submit. Input that is not valid UTF-8 is refused rather than submitted with
   * replacement characters; one trailing line break (which editors and {@code echo} add) is
   * dropped, others are kept as the participant wrote them.
   */
  private String text() throws IOException {
    if (source.text != null && !source.text.equals("-")) {
      return source.text;
    }
    String where = source.file != null ? source.file.toString() : "standard input";
    byte[] bytes;
    if (source.file != null) {
      try {
        bytes = Files.readAllBytes(source.file);
      } catch (NoSuchFileException e) {
        throw new InvalidInputException("--text-file", "no such file: " + source.file);
      }
    } else {
      bytes = context.stdin().readAllBytes();
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          source.file != null ? "--text-file" : "--text",
          where + " is not UTF-8 text (convert it first, e.g. iconv -f GB18030 -t UTF-8)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
