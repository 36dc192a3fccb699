package org.cinema.billing.web.error;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.web.RequestIds;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one error shape: {@code {"error": CODE, "message": text, "request_id": id}}, plus {@code
 * details} (one line per invalid field) for validation errors. The code is always a member of
 * {@link ErrorCode}, and the status the one its kind stands for.
 */
@Schema(
    name = "Error",
    description =
        "Every error: a code (e.g. INVALID_INPUT, NOT_FOUND), a message, and for invalid input"
            + " one line per field in details")
public record ErrorBody(
    String error,
    String message,
    List<String> details,
    @JsonbProperty("request_id")
        @Schema(
            name = "request_id",
            description = "The request's X-Request-Id (the caller's, or one made for it)")
        String requestId) {

  /** The answer for a refusal with this code (JSON-B leaves the null details out). */
  public static Response response(ErrorCode code, String message) {
    return response(code, message, null);
  }

  /** The body for {@code code}, carrying the id of the request being served. */
  public static ErrorBody of(ErrorCode code, String message, List<String> details) {
    return new ErrorBody(code.name(), message, details, RequestIds.current().orElse(null));
  }

  public static Response response(ErrorCode code, String message, List<String> details) {
    return Response.status(code.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(of(code, message, details))
        .build();
  }
}
