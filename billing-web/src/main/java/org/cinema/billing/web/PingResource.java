package org.cinema.billing.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The cheapest endpoint the server has: no database, no security. Load benchmarks run it beside the
 * real endpoints to show what the server itself costs.
 */
@Path("v1/ping")
public class PingResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> ping() {
    return Map.of("status", "ok");
  }
}
