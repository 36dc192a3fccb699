package org.cinema.billing.payment.gateway;

/**
 * What a gateway does right before each request it sends its provider, for the renewals: waits
 * until the provider's rate limit lets one more go. Providers count requests, not charges (a Stripe
 * renewal sends three), so the pacing is done where each request leaves, not once per charge.
 */
@FunctionalInterface
public interface RequestPacing {

  /** No limit: every request goes at once. */
  RequestPacing NONE = () -> {};

  /**
   * Returns when the next request may be sent.
   *
   * @throws GatewayException refused, when interrupted while waiting: nothing was sent
   */
  void beforeRequest();
}
