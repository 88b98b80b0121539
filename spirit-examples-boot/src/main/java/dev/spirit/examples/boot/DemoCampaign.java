package dev.spirit.examples.boot;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates and opens the demo campaign at startup when {@code spirit.demo.seed-campaign} is true and
 * the store has none with its slug. Safe with several instances on one database: {@code
 * Campaigns.ensure} lets one create win.
 */
@Component
public class DemoCampaign implements ApplicationRunner {
  /** The demo campaign's slug: its board is at {@code /c/spirit-of-yuzhong}. */
  public static final String SLUG = "spirit-of-yuzhong";

  private static final Logger LOG = LoggerFactory.getLogger(DemoCampaign.class);

  private final Spirit spirit;
  private final DemoProperties settings;

  /**
   * Creates the runner.
   *
   * @param spirit the instance
   * @param settings whether to seed
   */
  public DemoCampaign(Spirit spirit, DemoProperties settings) {
    this.spirit = spirit;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!settings.seedCampaign()) {
      return;
    }
    Campaign campaign =
        spirit
            .campaigns()
            .ensure(
                Campaign.builder(SLUG)
                    .title("渝中城市精神", "The Spirit of Yuzhong")
                    .prompt("用一个词说出渝中的精神", "Give one word for the spirit of Yuzhong")
                    .districts("yuzhong", "jiangbei", "nanan")
                    .allChannels()
                    .build());
    if (campaign.state() == CampaignState.DRAFT) {
      campaign = spirit.campaigns().open(campaign.id());
    }
    LOG.info("demo campaign {} is {}: /c/{}", SLUG, campaign.state(), SLUG);
  }
}
