package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.NotFoundException;
import java.io.InputStream;
import java.util.Optional;

/**
 * What every command shares: how to open Spirit, standard input, and whether output is a terminal.
 *
 * @param opener opens Spirit on a store URI
 * @param stdin standard input (for review answers and moderate)
 * @param interactive whether to draw progress bars in place
 */
public record CliContext(SpiritOpener opener, InputStream stdin, boolean interactive) {

  /**
   * Finds a campaign by slug or id.
   *
   * @param spirit the instance
   * @param ref a slug, or a campaign id
   * @return the campaign
   * @throws NotFoundException naming the reference if there is none
   */
  public static Campaign campaign(Spirit spirit, String ref) {
    Optional<Campaign> bySlug = spirit.campaigns().bySlug(ref);
    if (bySlug.isPresent()) {
      return bySlug.get();
    }
    try {
      Optional<Campaign> byId = spirit.campaigns().find(CampaignId.parse(ref));
      if (byId.isPresent()) {
        return byId.get();
      }
    } catch (RuntimeException notAnId) {
      // fall through to the message below
    }
    throw new NotFoundException("campaign '" + ref + "' (neither a slug nor an id in this store)");
  }
}
