package org.cinema.billing.payment.gateway;

import java.util.Optional;

/**
 * The provider's answer to one renewal of a group ({@link PaymentGateway#chargeRenewals}): its
 * checkout session, or the error that call ended with.
 */
public record RenewalCharge(
    CheckoutRequest request, Optional<CheckoutSession> session, Optional<GatewayException> error) {

  public static RenewalCharge answered(CheckoutRequest request, CheckoutSession session) {
    return new RenewalCharge(request, Optional.of(session), Optional.empty());
  }

  public static RenewalCharge failed(CheckoutRequest request, GatewayException error) {
    return new RenewalCharge(request, Optional.empty(), Optional.of(error));
  }
}
