package org.cinema.billing.web.dto;

import java.time.Instant;

/** The test clock's time. */
public record TestClockResponse(Instant now) {}
