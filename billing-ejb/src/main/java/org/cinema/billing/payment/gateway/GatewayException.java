package org.cinema.billing.payment.gateway;

/** The provider could not be reached or refused the call; nothing was changed on our side. */
public class GatewayException extends RuntimeException {

  public GatewayException(String message, Throwable cause) {
    super(message, cause);
  }

  public GatewayException(String message) {
    super(message);
  }
}
