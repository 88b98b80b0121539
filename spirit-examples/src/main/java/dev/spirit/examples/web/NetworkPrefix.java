package dev.spirit.examples.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * The network a client address belongs to, as a rate-limit key: its /24 for IPv4 and its /48 for
 * IPv6 (what one household, office or mobile carrier's customer typically holds). A limit per
 * prefix is the fallback that clearing cookies, or cycling addresses within one's own network, does
 * not reset. No HTTP server types in its API, so a Spring web layer can use it too.
 */
public final class NetworkPrefix {
  private NetworkPrefix() {}

  /**
   * The prefix of an address.
   *
   * @param address a client address
   * @return e.g. {@code 203.0.113.0/24} or {@code 2001:db8:1234:0:0:0:0:0/48}
   */
  public static String of(InetAddress address) {
    byte[] bytes = address.getAddress();
    int keep = address instanceof Inet4Address ? 3 : 6;
    byte[] masked = Arrays.copyOf(Arrays.copyOf(bytes, keep), bytes.length);
    try {
      return InetAddress.getByAddress(masked).getHostAddress()
          + (address instanceof Inet4Address ? "/24" : "/48");
    } catch (java.net.UnknownHostException impossible) {
      throw new IllegalStateException("a 4- or 16-byte address is always valid", impossible);
    }
  }
}
