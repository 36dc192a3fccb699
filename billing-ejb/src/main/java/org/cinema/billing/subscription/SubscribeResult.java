package org.cinema.billing.subscription;

/** A subscription waiting for payment, and the page to pay on. */
public record SubscribeResult(CheckoutTicket ticket, String checkoutUrl) {}
