package dev.spirit.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.Spirit;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.kiosk.KioskAuthenticationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Kiosk tokens")
class KiosksTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-05-01T08:00:00Z"));
  private final Spirit spirit = Spirit.builder().storeUri("mem:").clock(clock).build();

  @AfterEach
  void close() {
    spirit.close();
  }

  private static Reason reasonOf(Runnable r) {
    try {
      r.run();
    } catch (KioskAuthenticationException e) {
      assertThat(e.getMessage())
          .as("never echoes a secret")
          .doesNotContainPattern("[A-Za-z0-9_-]{43}");
      return e.reason();
    }
    throw new AssertionError("accepted");
  }

  @Test
  @DisplayName("an issued token authenticates; only the SHA-256 of its secret is stored")
  void issue() throws Exception {
    IssuedKioskToken issued = spirit.kiosks().issue("yuzhong-library-1", Duration.ofDays(30));
    assertThat(issued.token()).matches("spk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    String secret = issued.token().substring(21);
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    KioskCredential stored = spirit.store().findKiosk(issued.credential().id()).orElseThrow();
    assertThat(stored.secretHash()).isEqualTo(expected);
    assertThat(stored.toString()).doesNotContain(secret);
    assertThat(issued.toString()).doesNotContain(secret);
    assertThat(stored.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    assertThat(spirit.kiosks().authenticate(issued.token())).isEqualTo(stored);
    assertThat(spirit.kiosks().list()).containsExactly(stored);
    assertThat(spirit.kiosks().issue("a", Duration.ofDays(1)).token()).isNotEqualTo(issued.token());
  }

  @Test
  @DisplayName(
      "expired, revoked, forged, unknown and malformed tokens are refused with their reason")
  void refusals() {
    IssuedKioskToken a = spirit.kiosks().issue("kiosk-a", Duration.ofHours(1));
    IssuedKioskToken b = spirit.kiosks().issue("kiosk-b", Duration.ofDays(1));
    String forged = a.token().substring(0, 21) + "A".repeat(43);
    String unknown = "spk_0000000000000000_" + a.token().substring(21);
    assertThat(reasonOf(() -> spirit.kiosks().authenticate(forged))).isEqualTo(Reason.UNKNOWN);
    assertThat(reasonOf(() -> spirit.kiosks().authenticate(unknown))).isEqualTo(Reason.UNKNOWN);
    assertThat(reasonOf(() -> spirit.kiosks().authenticate("Bearer x")))
        .isEqualTo(Reason.MALFORMED);
    clock.advance(Duration.ofHours(1));
    assertThat(reasonOf(() -> spirit.kiosks().authenticate(a.token()))).isEqualTo(Reason.EXPIRED);
    KioskCredential revoked = spirit.kiosks().revoke(b.credential().id());
    assertThat(revoked.revokedAt()).contains(clock.instant());
    assertThat(spirit.kiosks().revoke(b.credential().id())).isEqualTo(revoked);
    assertThat(reasonOf(() -> spirit.kiosks().authenticate(b.token()))).isEqualTo(Reason.REVOKED);
    assertThat(spirit.kiosks().list()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "名字"})
  @DisplayName("a device name must be 1-64 visible ASCII characters")
  void badNames(String name) {
    assertThatThrownBy(() -> spirit.kiosks().issue(name, Duration.ofDays(1)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("a lifetime must be positive, and revoking an unknown id is NotFound")
  void badArguments() {
    assertThatThrownBy(() -> spirit.kiosks().issue("k", Duration.ZERO))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> spirit.kiosks().revoke("0000000000000000"))
        .isInstanceOf(NotFoundException.class);
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
