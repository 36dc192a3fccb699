package org.cinema.billing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAddressesTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, loopback",
    "127.10.20.30, loopback",
    "::1, loopback",
    "10.0.0.1, private",
    "10.255.255.255, private",
    "172.16.0.1, private",
    "172.31.255.254, private",
    "192.168.1.20, private",
    "fc00::1, private",
    "fd12:3456::1, private",
    "169.254.169.254, link-local",
    "169.254.0.1, link-local",
    "fe80::1, link-local",
    "febf::1, link-local",
    "0.0.0.0, unspecified",
    "::, unspecified",
    "224.0.0.1, multicast",
    "239.255.255.250, multicast",
    "ff02::1, multicast",
    "100.64.0.1, CGNAT",
    "100.127.255.254, CGNAT",
    "255.255.255.255, broadcast",
    // IPv6 forms that carry an IPv4 address: mapped, compatible, NAT64, 6to4.
    "::ffff:10.0.0.1, private",
    "::127.0.0.1, loopback",
    "64:ff9b::a9fe:a9fe, link-local",
    "2002:c0a8:0101::1, private"
  })
  void refusesAddressesInsideTheNetwork(String address, String kind) throws Exception {
    assertThat(TargetAddresses.refusal(InetAddress.getByName(address)))
        .as(address)
        .hasValueSatisfying(reason -> assertThat(reason).contains(kind));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "93.184.216.34",
        "172.15.255.255",
        "172.32.0.1",
        "100.63.255.255",
        "100.128.0.1",
        "169.253.0.1",
        "11.0.0.1",
        "2606:4700:4700::1111",
        "2a00:1450:4001::200e",
        "2002:0808:0808::1"
      })
  void acceptsPublicAddresses(String address) throws UnknownHostException {
    assertThat(TargetAddresses.refusal(InetAddress.getByName(address))).as(address).isEmpty();
  }

  @Test
  void theReasonNamesTheAddress() throws Exception {
    assertThat(TargetAddresses.refusal(InetAddress.getByName("169.254.169.254")))
        .hasValue("169.254.169.254 is a link-local address");
  }
}
