package org.cinema.billing.web.error;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not the JSON the endpoint reads (JSON-B could not bind it): the client's
 * mistake, 400. Processing errors arise only while reading requests here; responses are records
 * that always serialize.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException e) {
    return new ErrorBody("INVALID_INPUT", "The request body is not valid JSON for this endpoint")
        .toResponse(Response.Status.BAD_REQUEST);
  }
}
