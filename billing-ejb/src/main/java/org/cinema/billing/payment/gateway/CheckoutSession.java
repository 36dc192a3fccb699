package org.cinema.billing.payment.gateway;

import java.util.Optional;

/**
 * The provider's answer to a checkout: its id for the payment, the page where the viewer pays (none
 * when a saved card was charged at once), and what is already known of the outcome.
 *
 * @param url the hosted checkout page; null when there is nothing for the viewer to do
 * @param outcome an outcome the provider reported synchronously (a saved card charged or declined)
 */
public record CheckoutSession(
    String providerPaymentId, String url, Optional<ProviderEvent> outcome) {

  /** A hosted page where the viewer pays; the outcome comes later by webhook. */
  public static CheckoutSession hosted(String providerPaymentId, String url) {
    return new CheckoutSession(providerPaymentId, url, Optional.empty());
  }
}
