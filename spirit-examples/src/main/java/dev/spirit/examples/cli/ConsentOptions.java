package dev.spirit.examples.cli;

import dev.spirit.campaign.SubmissionRules;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --consent-text FILE}, {@code --consent-version V} and {@code --require-purposes}
 * options of {@code campaign create} and {@code campaign update}: the consent text the campaign
 * presents ({@link SubmissionRules#consentText()}, stored as its version and SHA-256) and the
 * purposes intake requires ({@link SubmissionRules#requiredPurposes()}).
 */
final class ConsentOptions {
  /** A consent text is read whole; anything longer is not a consent text a resident can read. */
  static final long MAX_TEXT_BYTES = 1 << 20;

  @Option(
      names = "--consent-text",
      paramLabel = "FILE",
      description =
          "UTF-8 file with the exact consent text participants are shown (give its"
              + " --consent-version); intake then accepts only consent to this text.")
  @Nullable Path textFile;

  @Option(
      names = "--consent-version",
      paramLabel = "VERSION",
      description = "Version name of the --consent-text, e.g. 2026-12-v2.")
  @Nullable String version;

  @Option(
      names = "--require-purposes",
      paramLabel = "PURPOSE",
      split = ",",
      description =
          "Purposes a participant's consent must allow: publish, statistics, contact"
              + " (comma-separated); 'none' requires none.")
  List<String> purposes = new ArrayList<>();

  /**
   * Whether any of the options was given.
   *
   * @return true if a text, version or purpose was given
   */
  boolean given() {
    return textFile != null || version != null || !purposes.isEmpty();
  }

  /**
   * The consent text named by the options, read and hashed now.
   *
   * @return the text, or empty if {@code --consent-text} was not given
   * @throws InvalidInputException naming the option if the file is missing, unreadable, not UTF-8
   *     or empty, or the version is missing or not a token
   */
  Optional<ConsentText> text() {
    if (textFile == null) {
      if (version != null) {
        throw new InvalidInputException(
            "--consent-version", "names the version of a --consent-text FILE; give the file");
      }
      return Optional.empty();
    }
    if (version == null) {
      throw new InvalidInputException(
          "--consent-text", "give its version with --consent-version VERSION");
    }
    String words = read(textFile);
    if (words.isBlank()) {
      throw new InvalidInputException("--consent-text", textFile + " is empty");
    }
    try {
      return Optional.of(ConsentText.of(version.strip(), words));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "--consent-version", "'" + version + "' is not a version name: " + e.getMessage());
    }
  }

  /**
   * The required purposes named by {@code --require-purposes}.
   *
   * @return the purposes, empty for {@code none}, or empty if the option was not given
   * @throws InvalidInputException naming the option if a purpose is unknown
   */
  Optional<Set<ConsentPurpose>> requiredPurposes() {
    if (purposes.isEmpty()) {
      return Optional.empty();
    }
    Set<ConsentPurpose> out = EnumSet.noneOf(ConsentPurpose.class);
    for (String p : purposes) {
      String name = p.strip();
      if (name.equalsIgnoreCase("none") && purposes.size() == 1) {
        return Optional.of(out);
      }
      try {
        out.add(ConsentPurpose.parse(name));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(
            "--require-purposes",
            "unknown purpose '" + p + "'; expected publish, statistics, contact or none");
      }
    }
    return Optional.of(out);
  }

  /**
   * The campaign's consent rules as JSON fields, for {@code campaign list --json}.
   *
   * @param rules the campaign's rules
   * @return {@code consentVersion}, {@code consentSha256} (null without a text) and {@code
   *     requiredPurposes}
   */
  static Map<String, Object> json(SubmissionRules rules) {
    Map<String, Object> out = new TreeMap<>();
    out.put("consentVersion", rules.consentText().map(ConsentText::version).orElse(null));
    out.put("consentSha256", rules.consentText().map(ConsentText::sha256).orElse(null));
    out.put(
        "requiredPurposes",
        rules.requiredPurposes().stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
    return out;
  }

  /**
   * One line describing a campaign's consent rules.
   *
   * @param rules the rules
   * @return e.g. {@code consent text v2 (sha256 1a2b3c4d5e6f…), requires [publish]}
   */
  static String describe(SubmissionRules rules) {
    String text =
        rules
            .consentText()
            .map(
                t ->
                    "consent text "
                        + t.version()
                        + " (sha256 "
                        + t.sha256().substring(0, 12)
                        + "…)")
            .orElse("no consent text");
    return text
        + ", requires "
        + (rules.requiredPurposes().isEmpty()
            ? "no purposes"
            : rules.requiredPurposes().stream()
                .map(p -> p.name().toLowerCase(Locale.ROOT))
                .toList()
                .toString());
  }

  private static String read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_TEXT_BYTES) {
        throw new InvalidInputException(
            "--consent-text", file + " is larger than " + MAX_TEXT_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("--consent-text", file + " does not exist");
    } catch (IOException e) {
      throw new InvalidInputException("--consent-text", "cannot read " + file + " (" + e + ")");
    }
    try {
      String words =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      // A byte-order mark is how the file was saved, not part of the words shown.
      return words.startsWith("\uFEFF") ? words.substring(1) : words;
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("--consent-text", file + " is not UTF-8 text");
    }
  }
}
