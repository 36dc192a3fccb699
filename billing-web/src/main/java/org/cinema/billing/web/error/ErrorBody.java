package org.cinema.billing.web.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error shape: {@code {"error": CODE, "message": text}}, plus {@code details} (one line per
 * invalid field) for validation errors.
 */
@Schema(
    name = "Error",
    description =
        "Every error: a code (e.g. INVALID_INPUT, NOT_FOUND), a message, and for invalid input"
            + " one line per field in details")
public record ErrorBody(String error, String message, List<String> details) {

  /** Without details (JSON-B leaves the null field out). */
  public ErrorBody(String error, String message) {
    this(error, message, null);
  }

  public Response toResponse(Response.Status status) {
    return toResponse(status.getStatusCode());
  }

  public Response toResponse(int status) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
  }
}
