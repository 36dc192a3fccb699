package org.cinema.billing.web.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the caller saves the card renewals charge; nothing is charged there. */
public record PaymentMethodResponse(
    @Schema(description = "The provider's page in setup mode (Stripe Checkout, or the sandbox's)")
        String url) {}
