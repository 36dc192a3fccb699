package org.cinema.it.support;

import com.stripe.net.Webhook;
import java.time.Instant;

/** Signs a payload exactly as Stripe does: {@code t=<unix>,v1=HMAC-SHA256(secret, t.payload)}. */
public final class StripeSignature {

  private StripeSignature() {}

  public static String sign(String payload, String secret, Instant at) {
    long timestamp = at.getEpochSecond();
    try {
      return "t="
          + timestamp
          + ",v1="
          + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
