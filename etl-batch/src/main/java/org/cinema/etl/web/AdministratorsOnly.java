package org.cinema.etl.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.cinema.common.error.ErrorCode;

/**
 * Every ETL endpoint is for administrators: 401 without a verified token, 403 without the group
 * {@code admin}. Checked here, for the whole application, and not only by {@code @RolesAllowed}: in
 * the EAR on Payara Server the annotation went unenforced for this module (its JAX-RS application
 * is not the one whose {@code @LoginConfig} Payara's JWT extension registers the role filter for),
 * and an anonymous run list came back 200.
 */
@Provider
public class AdministratorsOnly implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    if (security.getUserPrincipal() == null) {
      request.abortWith(
          EtlErrors.response(
              ErrorCode.NOT_AUTHENTICATED, "An administrator's bearer token is required"));
    } else if (!security.isUserInRole(EtlApi.ADMIN)) {
      request.abortWith(
          EtlErrors.response(ErrorCode.FORBIDDEN, "The token does not carry the group admin"));
    }
  }
}
