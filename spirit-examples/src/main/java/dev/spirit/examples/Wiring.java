package dev.spirit.examples;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.SpiritException;
import dev.spirit.examples.report.ReportData;
import dev.spirit.examples.report.ScanReportData;
import dev.spirit.moderation.Moderator;
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

  /** The store the demo and the kiosk use by default. */
  public static final String DEFAULT_DEMO_STORE = "mem:demo";

  private Wiring() {}

  /**
   * The moderator the examples use when no lexicon is given.
   *
   * @return today {@link PlaceholderModerator}; later the moderation pipeline with its default
   *     lexicon
   */
  public static Moderator defaultModerator() {
    return PlaceholderModerator.INSTANCE;
  }

  /**
   * A moderator configured from lexicon and allow-list files in the format of {@code
   * shared/moderation/}.
   *
   * @param lexicon the lexicon TSV, if given
   * @param allow the allow-list, if given
   * @return the moderator
   * @throws ModerationUnavailableException if files are given: this build has no pipeline that
   *     reads them yet
   */
  public static Moderator moderator(Optional<Path> lexicon, Optional<Path> allow) {
    if (lexicon.isPresent() || allow.isPresent()) {
      throw new ModerationUnavailableException(
          "--lexicon/--allow are not available in this build: the moderation pipeline is not"
              + " wired into the examples yet (only the built-in placeholder moderator is)");
    }
    return defaultModerator();
  }

  /**
   * The figures of a campaign for reports and stats.
   *
   * @param spirit the Spirit instance
   * @param campaign the campaign
   * @return today a scan of the store; later the aggregation module's figures
   */
  public static ReportData reportData(Spirit spirit, Campaign campaign) {
    return ScanReportData.scan(spirit, campaign);
  }

  /** A feature was asked for that this build of the examples does not have. */
  public static final class ModerationUnavailableException extends SpiritException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is unavailable
     */
    public ModerationUnavailableException(String message) {
      super(message);
    }
  }
}
