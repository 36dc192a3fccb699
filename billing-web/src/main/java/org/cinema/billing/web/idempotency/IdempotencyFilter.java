package org.cinema.billing.web.idempotency;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.UUID;
import org.cinema.billing.idempotency.IdempotencyService;
import org.cinema.billing.idempotency.IdempotencyService.Claim;
import org.cinema.billing.web.error.ErrorBody;
import org.cinema.common.error.ErrorCode;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * With an {@code Idempotency-Key} header: the first request runs and its response is kept; the same
 * key with the same request (method, path, body) gets that response again without running; the same
 * key with another request gets 422; while the first is still running, 409. Keys are per account.
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "Idempotency-Key";
  private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
  private static final int MAX_KEY_LENGTH = 255;
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject private IdempotencyService records;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = request.getHeaderString(HEADER);
    if (key == null) {
      return;
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      request.abortWith(
          ErrorBody.response(ErrorCode.INVALID_INPUT, HEADER + " must be 1 to 255 characters"));
      return;
    }
    String method = request.getMethod();
    String path = request.getUriInfo().getPath();
    if (path.length() > IdempotencyService.MAX_PATH) {
      request.abortWith(
          ErrorBody.response(
              ErrorCode.INVALID_INPUT,
              "The path is too long for a request with an "
                  + HEADER
                  + " (at most "
                  + IdempotencyService.MAX_PATH
                  + " characters)"));
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    UUID account = account(request.getSecurityContext().getUserPrincipal());
    Claim claim = records.claim(account, key, method, path, sha256(method, path, body));
    if (claim instanceof IdempotencyService.Proceed) {
      request.setProperty(CLAIMED, new Claimed(account, key));
    } else if (claim instanceof IdempotencyService.Replay replay) {
      request.abortWith(
          Response.status(replay.status())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(replay.body())
              .build());
    } else if (claim instanceof IdempotencyService.Mismatch) {
      request.abortWith(
          ErrorBody.response(
              ErrorCode.IDEMPOTENCY_KEY_REUSED,
              "This " + HEADER + " was used with a different request"));
    } else {
      request.abortWith(
          ErrorBody.response(
              ErrorCode.REQUEST_IN_PROGRESS,
              "The first request with this " + HEADER + " is still running"));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CLAIMED) instanceof Claimed claimed)) {
      return;
    }
    if (response.getStatus() >= 500) {
      records.release(claimed.account(), claimed.key());
      return;
    }
    Object entity = response.getEntity();
    String body =
        entity == null ? null : entity instanceof String text ? text : JSONB.toJson(entity);
    records.complete(claimed.account(), claimed.key(), response.getStatus(), body);
  }

  private static UUID account(Principal principal) {
    return principal instanceof JsonWebToken token && token.getSubject() != null
        ? UUID.fromString(token.getSubject())
        : IdempotencyService.ANONYMOUS;
  }

  private static String sha256(String method, String path, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The key this request claimed. */
  private record Claimed(UUID account, String key) {}
}
