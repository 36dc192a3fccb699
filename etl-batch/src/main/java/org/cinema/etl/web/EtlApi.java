package org.cinema.etl.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The ETL's endpoints, under {@code /etl/api}, for administrators only: the bearer token is the
 * RS256 JWT billing-web issues, verified by MicroProfile JWT with the same public key and issuer,
 * and must carry the group {@code admin}. A CDI bean, or Payara's JWT extension does not see the
 * {@code @LoginConfig}.
 */
@ApplicationScoped
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT", realmName = "cinema")
@DeclareRoles(EtlApi.ADMIN)
public class EtlApi extends Application {

  public static final String ADMIN = "admin";
}
