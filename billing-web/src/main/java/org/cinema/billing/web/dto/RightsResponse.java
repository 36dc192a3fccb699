package org.cinema.billing.web.dto;

/** Whether the caller may watch the movie now. */
public record RightsResponse(boolean allow) {}
