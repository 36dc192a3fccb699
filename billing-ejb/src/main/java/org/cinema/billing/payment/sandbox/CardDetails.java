package org.cinema.billing.payment.sandbox;

/** What the checkout form sends; shape-checked at the API's edge. */
public record CardDetails(String number, int expMonth, int expYear, String cvc) {}
