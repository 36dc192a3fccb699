package org.cinema.billing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the account id in the verified token's subject. */
@RequestScoped
public class Caller {

  @Inject private JsonWebToken token;

  public UUID accountId() {
    return UUID.fromString(token.getSubject());
  }
}
