package org.cinema.etl.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The ETL's endpoints, under {@code /etl/api}. */
@ApplicationPath("api")
public class EtlApi extends Application {}
