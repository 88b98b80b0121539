package dev.spirit.examples.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The window and time-zone options of {@code campaign create} and {@code campaign schedule}. */
final class ScheduleOptions {
  @Option(
      names = "--opens",
      paramLabel = "TIME",
      description = "First moment submissions are taken, e.g. 2026-12-10T09:00 (campaign's zone).")
  @Nullable String opens;

  @Option(
      names = "--closes",
      paramLabel = "TIME",
      description = "Moment from which submissions are no longer taken, e.g. 2027-01-31T18:00.")
  @Nullable String closes;

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      description = "The campaign's time zone, e.g. Asia/Shanghai (the default for new campaigns).")
  @Nullable String timeZone;

  Optional<ZoneId> zone() {
    return Optional.ofNullable(timeZone).map(CampaignTimes::zone);
  }

  Optional<Instant> opens(ZoneId zone) {
    return Optional.ofNullable(opens).map(v -> CampaignTimes.parse("--opens", v, zone));
  }

  Optional<Instant> closes(ZoneId zone) {
    return Optional.ofNullable(closes).map(v -> CampaignTimes.parse("--closes", v, zone));
  }

  boolean windowGiven() {
    return opens != null || closes != null;
  }
}
