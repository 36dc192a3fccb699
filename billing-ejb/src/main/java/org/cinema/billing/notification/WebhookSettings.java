package org.cinema.billing.notification;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How webhooks go out, from the configuration:
 *
 * <ul>
 *   <li>{@code WEBHOOK_ALLOW_PRIVATE_TARGETS} (false): whether an endpoint may be on this machine
 *       or inside its network ({@link TargetAddresses}); the run command sets it true for
 *       development;
 *   <li>{@code WEBHOOK_CONNECT_TIMEOUT} (PT5S) and {@code WEBHOOK_READ_TIMEOUT} (PT10S, the whole
 *       exchange): how long a receiver has before the delivery counts as failed.
 * </ul>
 */
@ApplicationScoped
public class WebhookSettings {

  @Inject
  @ConfigProperty(name = "webhook.allow-private-targets", defaultValue = "false")
  private boolean allowPrivateTargets;

  @Inject
  @ConfigProperty(name = "webhook.connect-timeout", defaultValue = "PT5S")
  private Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "webhook.read-timeout", defaultValue = "PT10S")
  private Duration readTimeout;

  @PostConstruct
  void check() {
    if (!positive(connectTimeout) || !positive(readTimeout)) {
      throw new IllegalStateException(
          "WEBHOOK_CONNECT_TIMEOUT and WEBHOOK_READ_TIMEOUT must be positive durations, as PT5S");
    }
  }

  private static boolean positive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }

  public boolean allowPrivateTargets() {
    return allowPrivateTargets;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }
}
