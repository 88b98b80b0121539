package dev.spirit.examples;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.examples.report.AggregatedReportData;
import dev.spirit.examples.report.ReportData;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.Moderator;
import dev.spirit.moderation.PersonalDataRule;
import dev.spirit.moderation.QualityRule;
import dev.spirit.moderation.TermLexicon;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
   * The demo's own small lexicon and allow-list ({@code demo-lexicon.tsv}, {@code demo-allow.txt}
   * beside this class), used when neither a campaign nor the command line gives one.
   *
   * @return the compiled demo lexicon
   */
  public static TermLexicon demoLexicon() {
    return demoLexicon(Optional.empty());
  }

  /**
   * The content rules over a lexicon: lexicon, personal data and quality, without the stream rules
   * (rate, near-duplicates and floods), so that each text is judged on its own.
   *
   * @param lexicon the lexicon
   * @return a new pipeline
   */
  public static Moderator contentModerator(TermLexicon lexicon) {
    return ModerationPipeline.of(
        new LexiconRule(lexicon), new PersonalDataRule(), new QualityRule());
  }

  /**
   * The standard pipeline over a lexicon, stream rules included (each pipeline has its own flood
   * and rate history).
   *
   * @param lexicon the lexicon
   * @return a new pipeline
   */
  public static Moderator streamModerator(TermLexicon lexicon) {
    return ModerationPipeline.standard(new LexiconRule(lexicon));
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
