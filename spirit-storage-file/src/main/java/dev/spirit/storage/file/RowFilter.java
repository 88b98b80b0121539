package dev.spirit.storage.file;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.SubmissionFilter;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SubmissionFilter} tested against rows without building a {@code Submission} from each:
 * the same conditions as {@link SubmissionFilter#matches}, which {@code RowFilterTest} checks.
 */
final class RowFilter {
  private final CampaignId campaign;
  private final int statusMask;
  private final @Nullable District district;
  private final int channel;
  private final @Nullable ParticipantId participant;
  private final @Nullable Instant from;
  private final @Nullable Instant before;

  RowFilter(SubmissionFilter filter) {
    this.campaign = filter.campaignId();
    int mask = 0;
    for (var status : filter.statuses()) {
      mask |= 1 << status.ordinal();
    }
    this.statusMask = mask;
    this.district = filter.district().orElse(null);
    this.channel = filter.channel().map(Channel::ordinal).orElse(-1);
    this.participant = filter.participant().orElse(null);
    this.from = filter.receivedFrom().orElse(null);
    this.before = filter.receivedBefore().orElse(null);
  }

  boolean matches(SubmissionRow row) {
    if (statusMask != 0 && (statusMask & (1 << row.status)) == 0) {
      return false;
    }
    if (channel >= 0 && row.channel != channel) {
      return false;
    }
    if (district != null && !district.equals(row.district)) {
      return false;
    }
    if (participant != null && !participant.equals(row.participant.id())) {
      return false;
    }
    if (from != null && row.compareReceived(from.getEpochSecond(), from.getNano()) < 0) {
      return false;
    }
    if (before != null && row.compareReceived(before.getEpochSecond(), before.getNano()) >= 0) {
      return false;
    }
    return campaign.equals(row.campaignId);
  }
}
