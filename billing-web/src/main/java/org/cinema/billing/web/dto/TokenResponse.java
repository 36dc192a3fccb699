package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;

/** A bearer token for the protected endpoints. */
public record TokenResponse(
    @JsonbProperty("access_token") String accessToken,
    @JsonbProperty("token_type") String tokenType,
    @JsonbProperty("expires_in") long expiresIn) {}
