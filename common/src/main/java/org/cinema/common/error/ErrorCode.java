package org.cinema.common.error;

import java.util.List;

/**
 * Every code an API of the system can answer in its JSON error shape, with the kind of refusal it
 * is. The billing rules throw most of them; the web layers answer the generic ones (no such path, a
 * body too large, too many attempts, an unexpected error) and the ETL its own.
 */
public enum ErrorCode {
  INVALID_INPUT(Kind.INVALID),
  LOGIN_TAKEN(Kind.INVALID),
  INVALID_SIGNATURE(Kind.INVALID),
  INVALID_CREDENTIALS(Kind.UNAUTHENTICATED),
  NOT_AUTHENTICATED(Kind.UNAUTHENTICATED),
  FORBIDDEN(Kind.FORBIDDEN),
  NOT_FOUND(Kind.NOT_FOUND),
  ACCOUNT_NOT_FOUND(Kind.NOT_FOUND),
  PRODUCT_NOT_FOUND(Kind.NOT_FOUND),
  MOVIE_NOT_FOUND(Kind.NOT_FOUND),
  SUBSCRIPTION_NOT_FOUND(Kind.NOT_FOUND),
  PAYMENT_NOT_FOUND(Kind.NOT_FOUND),
  CHECKOUT_NOT_FOUND(Kind.NOT_FOUND),
  WEBHOOK_EVENT_NOT_FOUND(Kind.NOT_FOUND),
  RUN_NOT_FOUND(Kind.NOT_FOUND),
  NOTIFICATION_NOT_FOUND(Kind.NOT_FOUND),
  WEBHOOK_ENDPOINT_NOT_FOUND(Kind.NOT_FOUND),
  METHOD_NOT_ALLOWED(Kind.METHOD_NOT_ALLOWED),
  NOT_ACCEPTABLE(Kind.NOT_ACCEPTABLE),
  ALREADY_SUBSCRIBED(Kind.CONFLICT),
  PAYMENT_NOT_REFUNDABLE(Kind.CONFLICT),
  CHECKOUT_CLOSED(Kind.CONFLICT),
  REQUEST_IN_PROGRESS(Kind.CONFLICT),
  REFUND_WINDOW_CLOSED(Kind.CONFLICT),
  REFUND_IN_PROGRESS(Kind.CONFLICT),
  WEBHOOK_EVENT_PROCESSED(Kind.CONFLICT),
  RUN_IN_PROGRESS(Kind.CONFLICT),
  RUN_NOT_RESTARTABLE(Kind.CONFLICT),
  NOTIFICATION_NOT_RETRYABLE(Kind.CONFLICT),
  BODY_TOO_LARGE(Kind.TOO_LARGE),
  UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED_MEDIA_TYPE),
  REFUND_TOO_LARGE(Kind.UNPROCESSABLE),
  IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE),
  TOO_MANY_ATTEMPTS(Kind.THROTTLED),
  INTERNAL_ERROR(Kind.INTERNAL),
  PROVIDER_UNAVAILABLE(Kind.UPSTREAM),
  REFUND_REFUSED(Kind.UPSTREAM),
  NOT_READY(Kind.UNAVAILABLE);

  /** The families of refusal; each is one HTTP status. */
  public enum Kind {
    INVALID(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    UNPROCESSABLE(422),
    THROTTLED(429),
    INTERNAL(500),
    UPSTREAM(502),
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;

  ErrorCode(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status this code is answered with. */
  public int status() {
    return kind.status();
  }

  /** The codes for refusals the server or JAX-RS makes, known only by their status. */
  private static final List<ErrorCode> GENERIC =
      List.of(
          INVALID_INPUT,
          NOT_AUTHENTICATED,
          FORBIDDEN,
          NOT_FOUND,
          METHOD_NOT_ALLOWED,
          NOT_ACCEPTABLE,
          BODY_TOO_LARGE,
          UNSUPPORTED_MEDIA_TYPE,
          TOO_MANY_ATTEMPTS,
          NOT_READY);

  /**
   * The generic code for a refusal known only by its status: {@link #INVALID_INPUT} for a 4xx
   * without one of its own, {@link #INTERNAL_ERROR} for anything else.
   */
  public static ErrorCode forStatus(int status) {
    return GENERIC.stream()
        .filter(code -> code.status() == status)
        .findFirst()
        .orElse(status >= 400 && status < 500 ? INVALID_INPUT : INTERNAL_ERROR);
  }
}
