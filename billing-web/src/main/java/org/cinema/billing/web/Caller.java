package org.cinema.billing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the account id in the verified token's subject. The token is read from the
 * request's principal (MicroProfile JWT makes it the principal): injecting {@code JsonWebToken}
 * instead made Payara's producer look the bean manager up in JNDI on every request, a visible part
 * of check-rights' cost in a profile.
 */
@RequestScoped
public class Caller {

  @Inject private HttpServletRequest request;

  public UUID accountId() {
    if (!(request.getUserPrincipal() instanceof JsonWebToken token)) {
      throw new IllegalStateException("No verified token: the endpoint must require a role");
    }
    return UUID.fromString(token.getSubject());
  }
}
