package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import picocli.CommandLine.Parameters;

/**
 * The {@code CAMPAIGN} positional argument (a slug or an id) of {@code campaign open}, {@code
 * close}, {@code update}, {@code lexicon} and {@code retention}, declared once and added to each
 * with {@code @Mixin}.
 *
 * <p>It is not the {@code --campaign} option of {@link CampaignCommand}: that one is an option with
 * its own label and help text, and {@code moderate --campaign} is a third, optional one; only the
 * positional argument these commands share lives here.
 */
final class CampaignArgument {
  @Parameters(paramLabel = "CAMPAIGN", description = "Slug or id.")
  String ref = "";

  /**
   * The campaign the argument names.
   *
   * @param spirit an open instance on the store
   * @return the campaign
   * @throws dev.spirit.error.NotFoundException naming the argument if there is none
   */
  Campaign campaign(Spirit spirit) {
    return CliContext.campaign(spirit, ref);
  }
}
