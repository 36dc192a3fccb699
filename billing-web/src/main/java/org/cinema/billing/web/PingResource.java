package org.cinema.billing.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The cheapest endpoint the server has: no database, no security. Load benchmarks run it beside the
 * real endpoints to show what the server itself costs.
 */
@Path("v1/ping")
public class PingResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Is the API answering? (no database, no security)")
  @APIResponse(
      responseCode = "200",
      description = "Answering",
      content =
          @Content(schema = @Schema(type = SchemaType.OBJECT, example = "{\"status\": \"ok\"}")))
  public Map<String, String> ping() {
    return Map.of("status", "ok");
  }
}
