package dev.spirit.examples.report;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.participant.Role;
import dev.spirit.submission.SubmissionStatus;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/**
 * The part of a {@link ReportData} that both implementations answer the same way: participation and
 * moderation figures from a {@link Participation} scan. Subclasses add the word figures.
 */
abstract class ParticipationReportData implements ReportData {
  final Participation participation;

  ParticipationReportData(Participation participation) {
    this.participation = participation;
  }

  @Override
  public Campaign campaign() {
    return participation.campaign();
  }

  @Override
  public long total() {
    return participation.total();
  }

  @Override
  public Map<SubmissionStatus, Long> byStatus() {
    return participation.byStatus();
  }

  @Override
  public Map<Channel, Long> byChannel() {
    return participation.byChannel();
  }

  @Override
  public Map<District, Long> byDistrict() {
    return participation.byDistrict();
  }

  @Override
  public Map<Role, Long> byRole() {
    return participation.byRole();
  }

  @Override
  public SortedMap<LocalDate, Long> daily() {
    return participation.daily();
  }

  @Override
  public Map<String, Long> moderationReasons() {
    return participation.moderationReasons();
  }
}
