package org.cinema.billing.account;

import java.time.Instant;
import java.util.UUID;

/** An account as the administrator's customer list shows it (never the password hash). */
public record CustomerView(
    UUID id,
    String login,
    String email,
    String fullName,
    String phone,
    String roles,
    Instant createdAt) {}
