package org.cinema.billing.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a delivery is ours and recent, as Stripe signs its webhooks: the header
 * {@value #HEADER} is {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, keyed with the
 * endpoint's secret (docs/webhooks.md).
 */
public final class WebhookSignature {

  public static final String HEADER = "Billing-Signature";

  private static final HexFormat HEX = HexFormat.of();

  private WebhookSignature() {}

  /** The header's value for {@code payload} sent at {@code unixSeconds}. */
  public static String header(String secret, long unixSeconds, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((unixSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + unixSeconds + ",v1=" + HEX.formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** A new endpoint's secret: {@code whsec_} and 32 random bytes in hex. */
  public static String newSecret(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "whsec_" + HEX.formatHex(bytes);
  }
}
