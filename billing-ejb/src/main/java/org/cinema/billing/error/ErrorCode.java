package org.cinema.billing.error;

/** Every way a billing request can be refused, with the kind of refusal it is. */
public enum ErrorCode {
  INVALID_INPUT(Kind.INVALID),
  LOGIN_TAKEN(Kind.INVALID),
  INVALID_CREDENTIALS(Kind.UNAUTHENTICATED),
  NOT_AUTHENTICATED(Kind.UNAUTHENTICATED),
  FORBIDDEN(Kind.FORBIDDEN),
  ACCOUNT_NOT_FOUND(Kind.NOT_FOUND),
  PRODUCT_NOT_FOUND(Kind.NOT_FOUND),
  MOVIE_NOT_FOUND(Kind.NOT_FOUND),
  SUBSCRIPTION_NOT_FOUND(Kind.NOT_FOUND),
  PAYMENT_NOT_FOUND(Kind.NOT_FOUND),
  CHECKOUT_NOT_FOUND(Kind.NOT_FOUND),
  ALREADY_SUBSCRIBED(Kind.CONFLICT),
  PAYMENT_NOT_REFUNDABLE(Kind.CONFLICT),
  CHECKOUT_CLOSED(Kind.CONFLICT),
  REQUEST_IN_PROGRESS(Kind.CONFLICT),
  REFUND_TOO_LARGE(Kind.UNPROCESSABLE),
  IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE),
  INVALID_SIGNATURE(Kind.INVALID),
  PROVIDER_UNAVAILABLE(Kind.UPSTREAM);

  /** The families of refusal; each maps to one HTTP status. */
  public enum Kind {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    UNPROCESSABLE,
    UPSTREAM
  }

  private final Kind kind;

  ErrorCode(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
