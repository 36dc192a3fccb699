package org.cinema.billing.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a webhook may not be sent to unless {@code WEBHOOK_ALLOW_PRIVATE_TARGETS=true}:
 * those inside the network the server runs in (loopback, private, link-local and the cloud metadata
 * service at 169.254.169.254, unspecified, multicast and broadcast, CGNAT 100.64/10). An IPv6
 * address that carries an IPv4 one (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) is
 * judged by that IPv4 address.
 */
public final class TargetAddresses {

  private TargetAddresses() {}

  /**
   * @return why the address is refused ("10.0.0.1 is a private address"); empty for a public one
   */
  public static Optional<String> refusal(InetAddress address) {
    return kind(address).map(kind -> address.getHostAddress() + " is " + kind + " address");
  }

  private static Optional<String> kind(InetAddress address) {
    if (address instanceof Inet6Address six) {
      Optional<Inet4Address> carried = carriedIpv4(six.getAddress());
      if (carried.isPresent()) {
        return kind(carried.get());
      }
    }
    byte[] bytes = address.getAddress();
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    if (address.isAnyLocalAddress() || (address instanceof Inet4Address && first == 0)) {
      return Optional.of("the unspecified");
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("a loopback");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("a multicast");
    }
    if (address instanceof Inet4Address) {
      if (first == 255 && second == 255 && (bytes[2] & bytes[3] & 0xff) == 0xff) {
        return Optional.of("the broadcast");
      }
      if (first == 100 && (second & 0xc0) == 64) {
        return Optional.of("a shared (CGNAT, 100.64.0.0/10)");
      }
      return address.isSiteLocalAddress() ? Optional.of("a private") : Optional.empty();
    }
    // IPv6: unique local fc00::/7, and the deprecated site-local fec0::/10.
    if ((first & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
      return Optional.of("a private");
    }
    return Optional.empty();
  }

  private static Optional<Inet4Address> carriedIpv4(byte[] six) {
    byte[] four = null;
    if (zeros(six, 0, 12) && !zeros(six, 12, 16)) {
      four = slice(six, 12);
    } else if ((six[0] & 0xff) == 0x00
        && (six[1] & 0xff) == 0x64
        && (six[2] & 0xff) == 0xff
        && (six[3] & 0xff) == 0x9b
        && zeros(six, 4, 12)) {
      four = slice(six, 12);
    } else if ((six[0] & 0xff) == 0x20 && (six[1] & 0xff) == 0x02) {
      four = slice(six, 2);
    }
    if (four == null || (zeros(six, 0, 15) && six[15] == 1)) {
      return Optional.empty();
    }
    try {
      return Optional.of((Inet4Address) InetAddress.getByAddress(four));
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static byte[] slice(byte[] bytes, int from) {
    byte[] four = new byte[4];
    System.arraycopy(bytes, from, four, 0, 4);
    return four;
  }

  private static boolean zeros(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
