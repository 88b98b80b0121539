package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import picocli.CommandLine.Option;

/**
 * Base of the commands that work on one campaign of a store: adds the required {@code --campaign}
 * option, declared once here. {@code moderate --campaign} is a different, optional option with its
 * own help and stays in {@link ModerateCommand}; {@code campaign open|close} take the campaign as a
 * positional argument ({@link CampaignArgument}).
 */
abstract class CampaignCommand extends StoreCommand {
  @Option(
      names = "--campaign",
      required = true,
      paramLabel = "CAMPAIGN",
      description = "Campaign slug or id.")
  protected String campaign = "";

  CampaignCommand(CliContext context) {
    super(context);
  }

  /**
   * The campaign named by {@code --campaign}.
   *
   * @param spirit an open instance on the store
   * @return the campaign
   */
  Campaign campaign(Spirit spirit) {
    return CliContext.campaign(spirit, campaign);
  }
}
