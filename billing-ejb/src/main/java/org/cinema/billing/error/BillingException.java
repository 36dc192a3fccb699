package org.cinema.billing.error;

import jakarta.ejb.ApplicationException;
import org.cinema.common.error.ErrorCode;

/**
 * A request the billing rules refuse. Unchecked, and rolls the transaction back, so a refused
 * request changes nothing.
 */
@ApplicationException(rollback = true)
public class BillingException extends RuntimeException {

  private final ErrorCode code;

  public BillingException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
