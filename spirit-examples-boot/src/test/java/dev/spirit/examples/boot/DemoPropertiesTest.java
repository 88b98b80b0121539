package dev.spirit.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.spring.boot.SpiritConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("The app's spirit.demo settings")
class DemoPropertiesTest {
  @EnableConfigurationProperties(DemoProperties.class)
  static class Settings {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  @DisplayName("bind from properties, with defaults for what is not given")
  void binds() {
    context
        .withPropertyValues("spirit.demo.moderators.anna={bcrypt}$2a$10$abcdefghijklmnopqrstuv")
        .run(
            c -> {
              DemoProperties settings = c.getBean(DemoProperties.class);
              assertThat(settings.moderators()).containsOnlyKeys("anna");
              assertThat(settings.cloudMinimumPeople()).isEqualTo(5);
              assertThat(settings.postsPerMinute()).isEqualTo(30);
              assertThat(settings.maxBodyBytes()).isEqualTo(16384);
              assertThat(settings.seedCampaign()).isTrue();
            });
  }

  @Test
  @DisplayName("a wrong value fails startup naming the property")
  void wrongValueFailsStartup() {
    context
        .withPropertyValues("spirit.demo.posts-per-minute=0")
        .run(
            c ->
                assertThat(c.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(SpiritConfigurationException.class)
                    .hasMessageContaining("spirit.demo.posts-per-minute")
                    .hasMessageContaining("must be at least 1, was 0"));
  }

  @Test
  @DisplayName("refuse plain-text passwords and limits out of range")
  void validation() {
    assertThatThrownBy(() -> settings(Map.of("anna", "secret"), 5, 30, 16384))
        .isInstanceOf(SpiritConfigurationException.class)
        .hasMessageContaining("spirit.demo.moderators.anna")
        .hasMessageContaining("{bcrypt}");
    assertThatThrownBy(() -> settings(Map.of(), 0, 30, 16384))
        .hasMessageContaining("spirit.demo.cloud-minimum-people: must be at least 1, was 0");
    assertThatThrownBy(() -> settings(Map.of(), 5, 0, 16384))
        .hasMessageContaining("spirit.demo.posts-per-minute");
    assertThatThrownBy(() -> settings(Map.of(), 5, 30, 10))
        .hasMessageContaining("spirit.demo.max-body-bytes");
    assertThat(new DemoProperties(null, 1, 1, 256, false).moderators()).isEmpty();
  }

  private static DemoProperties settings(
      Map<String, String> moderators, int k, int posts, int body) {
    return new DemoProperties(moderators, k, posts, body, true);
  }
}
