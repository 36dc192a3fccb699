package org.cinema.billing.payment.gateway;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The gateway chosen by {@code PAYMENT_PROVIDER} ({@code sandbox} unless told otherwise). */
@ApplicationScoped
public class ActiveGateway {

  @Inject
  @ConfigProperty(name = "payment.provider", defaultValue = "sandbox")
  private String provider;

  @Inject @Any private Instance<PaymentGateway> gateways;

  private PaymentGateway active;

  @PostConstruct
  void choose() {
    active =
        gateways.stream()
            .filter(gateway -> gateway.name().equals(provider))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("No payment gateway named '" + provider + "'"));
  }

  public PaymentGateway get() {
    return active;
  }
}
