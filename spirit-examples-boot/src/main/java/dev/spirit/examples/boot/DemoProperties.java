package dev.spirit.examples.boot;

import dev.spirit.spring.boot.SpiritConfigurationException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The district app's own settings, under {@code spirit.demo.*} (Spirit's are the starter's {@code
 * spirit.*}).
 *
 * @param moderators who may sign in to the review queue: user name to password in Spring Security's
 *     encoded form, such as {@code {bcrypt}$2a$10$...}
 * @param cloudMinimumPeople how many different people must have given a word before the public word
 *     cloud shows it (k-anonymity); at least 1
 * @param postsPerMinute how many POST requests one client address may make per minute; more get 429
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param seedCampaign whether to create and open the demo campaign at startup when the store has no
 *     campaign with its slug
 */
@ConfigurationProperties("spirit.demo")
public record DemoProperties(
    Map<String, String> moderators,
    @DefaultValue("5") int cloudMinimumPeople,
    @DefaultValue("30") int postsPerMinute,
    @DefaultValue("16384") int maxBodyBytes,
    @DefaultValue("true") boolean seedCampaign) {
  private static final String PREFIX = "spirit.demo.";
  private static final Pattern ENCODED_PASSWORD = Pattern.compile("\\{[a-z0-9-]+}.+");

  /**
   * Validates the settings.
   *
   * @throws SpiritConfigurationException naming the first property with a wrong value
   */
  public DemoProperties {
    moderators = moderators == null ? Map.of() : Map.copyOf(moderators);
    moderators.forEach(
        (name, password) -> {
          if (!ENCODED_PASSWORD.matcher(password).matches()) {
            throw new SpiritConfigurationException(
                PREFIX + "moderators." + name,
                "must be an encoded password with its algorithm, such as {bcrypt}$2a$10$...");
          }
        });
    requireAtLeast("cloud-minimum-people", cloudMinimumPeople, 1);
    requireAtLeast("posts-per-minute", postsPerMinute, 1);
    requireAtLeast("max-body-bytes", maxBodyBytes, 256);
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new SpiritConfigurationException(
          PREFIX + name, "must be at least " + minimum + ", was " + value);
    }
  }
}
