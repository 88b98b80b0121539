package dev.spirit.examples;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.examples.report.AggregatedReportData;
import dev.spirit.examples.report.ReportData;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.Moderator;
import dev.spirit.moderation.TermLexicon;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The seams between the examples and the parts of Spirit that are wired in as they land. Every
 * example (demo, CLI, web board, kiosk) gets its default store, its moderator and its report
 * figures from here, so switching to the file backend, the moderation pipeline or the aggregation
 * module is a change in this one class.
 */
public final class Wiring {
  /** The store the CLI uses without {@code --store} (needs spirit-storage-file on the path). */
  public static final String DEFAULT_CLI_STORE = "file:./spirit-data";

  /**
   * The store the demo fills by default: the durable file backend, in {@code ./spirit-data/demo} (a
   * rerun adds a second campaign beside the first).
   */
  public static final String DEFAULT_DEMO_STORE = "file:./spirit-data/demo";

  /** The store the Yuzhong kiosk example uses by default: an embedded H2 database file. */
  public static final String DEFAULT_KIOSK_STORE = "jdbc:h2:file:./spirit-data/yuzhong-kiosk";

  private Wiring() {}

  /**
   * The moderator the examples use when no lexicon is given: the standard moderation pipeline
   * (lexicon, personal data, duplicates and floods, rates, quality) with the demo's own small
   * lexicon, {@code demo-lexicon.tsv} beside this class.
   *
   * @return a new pipeline (each has its own flood and rate history)
   */
  public static Moderator defaultModerator() {
    return ModerationPipeline.standard(new LexiconRule(demoLexicon(Optional.empty())));
  }

  /**
   * A moderator configured from lexicon and allow-list files in the format of {@code
   * shared/moderation/} (tab-separated {@code term category action}; one allowed phrase per line).
   *
   * @param lexicon the lexicon TSV; the demo lexicon if absent
   * @param allow the allow-list; with the demo lexicon, the demo allow-list if absent
   * @return the moderation pipeline
   * @throws InvalidInputException if a file cannot be read or is malformed
   */
  public static Moderator moderator(Optional<Path> lexicon, Optional<Path> allow) {
    if (lexicon.isEmpty()) {
      return ModerationPipeline.standard(new LexiconRule(demoLexicon(allow)));
    }
    try (Reader terms = Files.newBufferedReader(lexicon.get(), StandardCharsets.UTF_8);
        Reader allowed =
            allow.isPresent()
                ? Files.newBufferedReader(allow.get(), StandardCharsets.UTF_8)
                : new StringReader("")) {
      return ModerationPipeline.standard(new LexiconRule(TermLexicon.read(terms, allowed)));
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException(
          "--lexicon", "cannot read " + lexicon.get() + " or its allow-list: " + e.getMessage());
    }
  }

  private static TermLexicon demoLexicon(Optional<Path> allow) {
    try (Reader terms = resource("demo-lexicon.tsv");
        Reader allowed =
            allow.isPresent()
                ? Files.newBufferedReader(allow.get(), StandardCharsets.UTF_8)
                : resource("demo-allow.txt")) {
      return TermLexicon.read(terms, allowed);
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException("--allow", "cannot read the allow-list: " + e.getMessage());
    }
  }

  private static Reader resource(String name) {
    InputStream in = Wiring.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the spirit-examples jar");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /**
   * The figures of a campaign for reports and stats.
   *
   * @param spirit the Spirit instance
   * @param campaign the campaign
   * @return word figures and shortlist from the aggregation module, participation figures from a
   *     scan of the store
   */
  public static ReportData reportData(Spirit spirit, Campaign campaign) {
    return AggregatedReportData.of(spirit, campaign);
  }
}
