package org.cinema.billing.web.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cinema.common.error.ErrorCode;

/**
 * Bean Validation failures of request bodies and parameters: 400 with one line per field, e.g.
 * {@code "password: size must be between 6 and 128"}.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<String> details =
        e.getConstraintViolations().stream()
            .map(violation -> field(violation) + ": " + violation.getMessage())
            .sorted()
            .toList();
    return ErrorBody.response(ErrorCode.INVALID_INPUT, "The request is not valid", details);
  }

  /** The field's name: the last property or parameter of the path, without the method's. */
  private static String field(ConstraintViolation<?> violation) {
    return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
        .filter(
            node ->
                node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER)
        .map(Path.Node::getName)
        .reduce((first, last) -> last)
        .orElse("request");
  }
}
