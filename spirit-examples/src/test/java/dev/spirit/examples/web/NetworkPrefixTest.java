package dev.spirit.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Network prefixes as fallback rate-limit keys")
class NetworkPrefixTest {
  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource({
    "203.0.113.77, 203.0.113.0/24",
    "203.0.113.1, 203.0.113.0/24",
    "2001:db8:1234:5678::1, 2001:db8:1234:0:0:0:0:0/48",
    "2001:db8:1234:ffff:1:2:3:4, 2001:db8:1234:0:0:0:0:0/48"
  })
  @DisplayName("IPv4 keeps its /24, IPv6 its /48")
  void prefixes(String address, String prefix) throws Exception {
    assertThat(NetworkPrefix.of(InetAddress.getByName(address))).isEqualTo(prefix);
  }
}
