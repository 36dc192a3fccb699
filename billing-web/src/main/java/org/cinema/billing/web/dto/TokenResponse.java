package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bearer token for the protected endpoints. */
public record TokenResponse(
    @JsonbProperty("access_token") @Schema(name = "access_token") String accessToken,
    @JsonbProperty("token_type") @Schema(name = "token_type") String tokenType,
    @JsonbProperty("expires_in") @Schema(name = "expires_in") long expiresIn) {}
