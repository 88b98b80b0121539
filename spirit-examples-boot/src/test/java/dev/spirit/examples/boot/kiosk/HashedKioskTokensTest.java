package dev.spirit.examples.boot.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.examples.boot.DemoProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Kiosk tokens kept as SHA-256 hashes")
class HashedKioskTokensTest {
  @Test
  @DisplayName("know the tokens whose hashes are configured, and only those")
  void verify() {
    String hash = HashedKioskTokens.hashOf("token-of-kiosk-one");
    assertThat(hash).hasSize(64).isLowerCase();
    HashedKioskTokens tokens =
        new HashedKioskTokens(
            new DemoProperties(
                Map.of(), List.of(hash, HashedKioskTokens.hashOf("two")), 5, 30, 16384, false));
    assertThat(tokens.verify("token-of-kiosk-one")).hasValue("kiosk-" + hash.substring(0, 8));
    assertThat(tokens.verify("two")).isPresent();
    assertThat(tokens.verify("token-of-kiosk-on")).isEmpty();
    assertThat(tokens.verify(hash)).as("the hash is no token").isEmpty();
    assertThat(tokens.verify("")).isEmpty();
  }

  @Test
  @DisplayName("the demo properties' hash is the hash of the demo token")
  void demoHash() {
    assertThat(HashedKioskTokens.hashOf("demo-kiosk-token-change-me"))
        .isEqualTo("350f0dc6a75368a2bd0b741cf23bec6b646856ee8752e37e7de7f8b7234506ef");
  }
}
