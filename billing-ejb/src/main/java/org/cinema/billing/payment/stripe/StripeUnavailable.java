package org.cinema.billing.payment.stripe;

import org.cinema.billing.payment.gateway.GatewayException;

/**
 * Stripe could not be reached, timed out or answered 5xx/429/409: worth asking again, and what the
 * call did is unknown.
 */
class StripeUnavailable extends GatewayException {

  StripeUnavailable(String message, Throwable cause) {
    super(message, cause, true);
  }
}
