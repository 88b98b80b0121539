package dev.spirit.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import dev.spirit.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ParticipantKey and its SipHash-2-4")
class ParticipantKeyTest {

  @Test
  @DisplayName("SipHash-2-4 gives the reference vector of the SipHash paper (key 00..0f, 15 bytes)")
  void referenceVector() {
    byte[] key = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    byte[] message = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e");
    long k0 = java.nio.ByteBuffer.wrap(key, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    long k1 = java.nio.ByteBuffer.wrap(key, 8, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(SipHash.hash24(k0, k1, message)).isEqualTo(0xa129ca6149be45e5L);
  }

  @Test
  @DisplayName("SipHash-2-4 agrees with Guava's on random keys and every length from 0 to 40 bytes")
  void agreesWithGuava() {
    Random random = new Random(2026);
    for (int length = 0; length <= 40; length++) {
      for (int round = 0; round < 20; round++) {
        long k0 = random.nextLong();
        long k1 = random.nextLong();
        byte[] data = new byte[length];
        random.nextBytes(data);
        assertThat(SipHash.hash24(k0, k1, data))
            .as("length %d", length)
            .isEqualTo(Hashing.sipHash24(k0, k1).hashBytes(data).asLong());
      }
    }
  }

  @Test
  @DisplayName("one secret gives one key everywhere; another secret hashes the same id differently")
  void deterministicPerSecret() {
    ParticipantKey a = ParticipantKey.fromSecret("chongqing-city-secret-2026");
    ParticipantKey again =
        ParticipantKey.fromSecret("chongqing-city-secret-2026".getBytes(StandardCharsets.UTF_8));
    ParticipantKey other = ParticipantKey.fromSecret("chongqing-city-secret-2027");
    assertThat(again).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(again.id()).isEqualTo(a.id()).matches("[0-9a-f]{16}");
    assertThat(again.hash("13800138000")).isEqualTo(a.hash("13800138000"));
    assertThat(other).isNotEqualTo(a);
    assertThat(other.id()).isNotEqualTo(a.id());
    assertThat(other.hash("13800138000")).isNotEqualTo(a.hash("13800138000"));
  }

  @Test
  @DisplayName("the process-local key is one per JVM and differs from any secret's key")
  void processLocal() {
    assertThat(ParticipantKey.processLocal()).isSameAs(ParticipantKey.processLocal());
    assertThat(AggregationConfig.defaults().participantKey())
        .isSameAs(ParticipantKey.processLocal());
    assertThat(ParticipantKey.processLocal())
        .isNotEqualTo(ParticipantKey.fromSecret("chongqing-city-secret-2026"));
  }

  @Test
  @DisplayName("toString names the key by its id and never shows the secret")
  void toStringHidesTheSecret() {
    String secret = "chongqing-city-secret-2026";
    ParticipantKey key = ParticipantKey.fromSecret(secret);
    assertThat(key.toString()).isEqualTo("ParticipantKey[" + key.id() + "]").doesNotContain(secret);
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 15})
  @DisplayName("a secret shorter than 16 bytes is refused, saying how long it was")
  void shortSecretsRefused(int length) {
    assertThatThrownBy(() -> ParticipantKey.fromSecret(new byte[length]))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 16 bytes, had " + length);
  }
}
