package org.cinema.billing.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All viewer endpoints live under {@code /api}, as in the original service. */
@ApplicationPath("api")
public class BillingApi extends Application {}
