package org.cinema.billing.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for the URL of a webhook endpoint, checked when it is registered and again before each
 * delivery (the name's addresses may have changed since): absolute {@code http} or {@code https},
 * at most {@value #MAX_LENGTH} characters, no user name or password, and, unless private targets
 * are allowed, a host whose every address is public ({@link TargetAddresses}).
 */
public final class WebhookTarget {

  public static final int MAX_LENGTH = 2048;

  /** Looks a host name up; {@link InetAddress#getAllByName} in production. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A URL these rules refuse; the message says why, for the administrator. */
  public static class Refused extends Exception {

    public Refused(String message) {
      super(message);
    }
  }

  private WebhookTarget() {}

  /**
   * @param allowPrivate whether hosts inside the network may be targets ({@code
   *     WEBHOOK_ALLOW_PRIVATE_TARGETS})
   * @return the URL, parsed
   * @throws Refused when it breaks a rule
   */
  public static URI check(String url, boolean allowPrivate, Resolver dns) throws Refused {
    URI uri = parse(url);
    if (!allowPrivate) {
      String host = host(uri);
      InetAddress[] addresses;
      try {
        addresses = dns.resolve(host);
      } catch (UnknownHostException e) {
        throw new Refused("the host " + host + " does not resolve");
      }
      for (InetAddress address : addresses) {
        Optional<String> refusal = TargetAddresses.refusal(address);
        if (refusal.isPresent()) {
          throw new Refused(
              "the host "
                  + host
                  + " is inside the network: "
                  + refusal.get()
                  + " (WEBHOOK_ALLOW_PRIVATE_TARGETS is false)");
        }
      }
    }
    return uri;
  }

  private static URI parse(String url) throws Refused {
    if (url == null || url.isBlank()) {
      throw new Refused("must be an absolute http or https URL");
    }
    if (url.length() > MAX_LENGTH) {
      throw new Refused("must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new Refused("must be an absolute http or https URL");
    }
    if (uri.getRawUserInfo() != null
        || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
      throw new Refused("must not carry a user name or password");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      if (uri.getRawAuthority() != null && uri.getRawAuthority().matches(".*:\\d{6,}$")) {
        throw new Refused("not a URL: the port is out of range");
      }
      throw new Refused("must name a host (letters, digits, dots and hyphens, or an IP address)");
    }
    if (uri.getPort() > 65535) {
      throw new Refused("not a URL: the port is out of range");
    }
    return uri;
  }

  /** The host as a name service takes it: an IPv6 literal without its brackets. */
  public static String host(URI uri) {
    String host = uri.getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
