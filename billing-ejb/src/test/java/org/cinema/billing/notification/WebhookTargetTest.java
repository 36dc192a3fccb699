package org.cinema.billing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookTargetTest {

  /** A name service of a few fixed answers (and IP literals): the tests never ask the DNS. */
  private static final WebhookTarget.Resolver DNS =
      host -> {
        Map<String, String> known =
            Map.of(
                "hooks.cinema.example", "93.184.216.34",
                "localhost", "127.0.0.1",
                "intranet.cinema.example", "10.1.2.3",
                "metadata.cinema.example", "169.254.169.254");
        if (host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
          return new InetAddress[] {InetAddress.getByName(host)};
        }
        if (!known.containsKey(host)) {
          throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(known.get(host))};
      };

  @Test
  void aPublicHttpsUrlIsAccepted() throws Exception {
    assertThat(WebhookTarget.check("https://hooks.cinema.example/billing?x=1", false, DNS))
        .isEqualTo(URI.create("https://hooks.cinema.example/billing?x=1"));
    assertThat(WebhookTarget.check("HTTP://hooks.cinema.example:8443/b", false, DNS).getPort())
        .isEqualTo(8443);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/relative/path | an absolute http or https URL",
        "hooks.cinema.example/x | an absolute http or https URL",
        "ftp://hooks.cinema.example/x | an absolute http or https URL",
        "javascript:alert(1) | an absolute http or https URL",
        "http:opaque | an absolute http or https URL",
        "http://user:pass@hooks.cinema.example/x | user name or password",
        "http://user@hooks.cinema.example/x | user name or password",
        "http:///no-host | must name a host",
        "http://bad_host.example/x | must name a host",
        "http://hooks.cinema.example:99999/x | not a URL",
        "http://exa mple.com/ | not a URL",
        "http://unknown.cinema.example/x | does not resolve",
        "http://localhost:8080/x | 127.0.0.1 is a loopback address",
        "http://127.0.0.1/x | 127.0.0.1 is a loopback address",
        "http://[::1]:9000/x | is a loopback address",
        "http://intranet.cinema.example/x | 10.1.2.3 is a private address",
        "http://metadata.cinema.example/latest | 169.254.169.254 is a link-local address",
        "http://169.254.169.254/latest/meta-data | link-local",
        "http://100.64.1.1/x | CGNAT",
        "http://0.0.0.0/x | unspecified",
        "http://224.0.0.1/x | multicast"
      })
  void refusesWhatIsNoPublicWebAddress(String url, String reason) {
    assertThatThrownBy(() -> WebhookTarget.check(url, false, DNS))
        .isInstanceOf(WebhookTarget.Refused.class)
        .hasMessageContaining(reason);
  }

  @Test
  void aLongUrlIsRefused() throws Exception {
    String url = "https://hooks.cinema.example/" + "a".repeat(2048);
    assertThatThrownBy(() -> WebhookTarget.check(url, false, DNS))
        .isInstanceOf(WebhookTarget.Refused.class)
        .hasMessageContaining("at most 2048");
    assertThat(WebhookTarget.check(url.substring(0, 2048), false, DNS)).isNotNull();
  }

  @Test
  void privateTargetsAreAllowedWhenConfiguredButNotBadUrls() throws Exception {
    assertThat(WebhookTarget.check("http://localhost:8080/x", true, DNS).getHost())
        .isEqualTo("localhost");
    assertThat(WebhookTarget.check("http://10.1.2.3/x", true, DNS)).isNotNull();
    assertThatThrownBy(() -> WebhookTarget.check("http://u:p@localhost/x", true, DNS))
        .isInstanceOf(WebhookTarget.Refused.class);
    assertThatThrownBy(() -> WebhookTarget.check("file:///etc/passwd", true, DNS))
        .isInstanceOf(WebhookTarget.Refused.class);
  }

  @Test
  void aNameWithOnePrivateAnswerAmongPublicOnesIsRefused() {
    WebhookTarget.Resolver mixed =
        host ->
            new InetAddress[] {
              InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.0.7")
            };
    assertThatThrownBy(() -> WebhookTarget.check("https://rebind.example/x", false, mixed))
        .isInstanceOf(WebhookTarget.Refused.class)
        .hasMessageContaining("192.168.0.7 is a private address");
  }
}
