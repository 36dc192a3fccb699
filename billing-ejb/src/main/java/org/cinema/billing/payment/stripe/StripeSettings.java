package org.cinema.billing.payment.stripe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe's configuration, from the environment ({@code STRIPE_API_KEY}, {@code
 * STRIPE_WEBHOOK_SECRET}, ...). Read only when {@code PAYMENT_PROVIDER=stripe}.
 */
@ApplicationScoped
public class StripeSettings {

  // Read through methods only: a field read on the injected (proxied) bean would see the proxy.

  @Inject
  @ConfigProperty(name = "stripe.api-key")
  private Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "stripe.webhook-secret")
  private Optional<String> webhookSecret;

  /** Another API host, for a local stub of Stripe in tests; Stripe's own by default. */
  @Inject
  @ConfigProperty(name = "stripe.api-base")
  private Optional<String> apiBase;

  /** Where Stripe sends the viewer after paying; our own page when not set. */
  @Inject
  @ConfigProperty(name = "stripe.success-url")
  private Optional<String> successUrl;

  /** Where Stripe sends the viewer who leaves the checkout; our own page when not set. */
  @Inject
  @ConfigProperty(name = "stripe.cancel-url")
  private Optional<String> cancelUrl;

  @Inject
  @ConfigProperty(name = "stripe.connect-timeout-ms", defaultValue = "5000")
  private int connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "stripe.read-timeout-ms", defaultValue = "20000")
  private int readTimeoutMs;

  Optional<String> apiBase() {
    return apiBase;
  }

  Optional<String> successUrl() {
    return successUrl;
  }

  Optional<String> cancelUrl() {
    return cancelUrl;
  }

  int connectTimeoutMs() {
    return connectTimeoutMs;
  }

  int readTimeoutMs() {
    return readTimeoutMs;
  }

  String apiKey() {
    return apiKey.orElseThrow(
        () -> new IllegalStateException("PAYMENT_PROVIDER=stripe needs STRIPE_API_KEY"));
  }

  String webhookSecret() {
    return webhookSecret.orElseThrow(
        () -> new IllegalStateException("PAYMENT_PROVIDER=stripe needs STRIPE_WEBHOOK_SECRET"));
  }
}
