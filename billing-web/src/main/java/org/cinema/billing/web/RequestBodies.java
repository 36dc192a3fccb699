package org.cinema.billing.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.cinema.billing.error.BillingException;
import org.cinema.common.error.ErrorCode;

/**
 * Validates a request body against its constraints. Called by the resources rather than declared
 * with {@code @Valid} on the parameter, which Payara's OpenAPI generator cannot process
 * (payara/Payara#7649); the outcome is the same 400.
 */
@ApplicationScoped
public class RequestBodies {

  @Inject private Validator validator;

  public <T> T valid(T body) {
    if (body == null) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "A JSON request body is required");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }
}
