package dev.spirit.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Signed, rotating pseudonymous visitor ids")
class PseudonymsTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private static final Instant T0 = Instant.parse("2026-05-04T00:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);

  private static Pseudonyms at(Instant now) {
    return new Pseudonyms(KEY, WEEK, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  @DisplayName("an issued id verifies on every instance with the same key, and on no other")
  void verifies() {
    Pseudonyms.Verified issued = at(T0).issue();
    assertThat(issued.id()).matches("[0-9a-f]{32}");
    assertThat(issued.resign()).isTrue();
    Optional<Pseudonyms.Verified> again =
        at(T0.plusSeconds(60)).verify(Optional.of(issued.cookie()));
    assertThat(again)
        .hasValueSatisfying(
            v -> {
              assertThat(v.id()).isEqualTo(issued.id());
              assertThat(v.resign()).isFalse();
            });
    Pseudonyms otherKey =
        new Pseudonyms(
            "another-key-another-key-another-k".getBytes(), WEEK, Clock.fixed(T0, ZoneOffset.UTC));
    assertThat(otherKey.verify(Optional.of(issued.cookie()))).isEmpty();
    assertThat(at(T0).issue().id()).isNotEqualTo(issued.id());
  }

  @Test
  @DisplayName(
      "after a key epoch the same id is re-signed under the new key; two epochs later it is refused")
  void rotates() {
    Pseudonyms.Verified issued = at(T0).issue();
    Pseudonyms.Verified next = at(T0.plus(WEEK)).verify(Optional.of(issued.cookie())).orElseThrow();
    assertThat(next.id()).isEqualTo(issued.id());
    assertThat(next.resign()).isTrue();
    assertThat(next.cookie()).isNotEqualTo(issued.cookie());
    assertThat(at(T0.plus(WEEK)).verify(Optional.of(next.cookie())).orElseThrow().resign())
        .isFalse();
    assertThat(at(T0.plus(WEEK.multipliedBy(2))).verify(Optional.of(issued.cookie()))).isEmpty();
    assertThat(at(T0.plus(WEEK.multipliedBy(2))).verify(Optional.of(next.cookie()))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "nonsense", "v1.1.abc.def", "v2.2909.00000000000000000000000000000000.x"})
  @DisplayName("malformed values are refused")
  void malformed(String value) {
    assertThat(at(T0).verify(Optional.of(value))).isEmpty();
  }

  @Test
  @DisplayName("a tampered id or signature is refused, and so is a missing cookie")
  void forged() {
    String cookie = at(T0).issue().cookie();
    String[] parts = cookie.split("\\.");
    String otherId = parts[2].substring(1) + (parts[2].charAt(0) == 'a' ? 'b' : 'a');
    assertThat(
            at(T0).verify(Optional.of(parts[0] + "." + parts[1] + "." + otherId + "." + parts[3])))
        .isEmpty();
    assertThat(at(T0).verify(Optional.of(cookie.substring(0, cookie.length() - 1) + "A")))
        .isEmpty();
    assertThat(at(T0).verify(Optional.empty())).isEmpty();
  }

  @Test
  @DisplayName("a short key or a non-positive epoch is refused")
  void badSettings() {
    assertThatThrownBy(() -> new Pseudonyms(new byte[16], WEEK, Clock.systemUTC()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Pseudonyms(KEY, Duration.ZERO, Clock.systemUTC()))
        .isInstanceOf(InvalidInputException.class);
  }
}
