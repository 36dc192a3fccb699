package org.cinema.billing.web.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Enforces {@code @RolesAllowed}, {@code @DenyAll} and {@code @PermitAll} on the resource methods
 * (the method's annotation first, then its class's): 401 without a verified token, 403 without one
 * of the roles. Payara Micro does this by itself, but in the EAR on Payara Server Full the
 * annotations went unenforced and the admin API answered an anonymous caller 200 ({@code
 * EarOnPayaraServerIT}); this makes it hold wherever the WAR runs. Methods without any of the
 * annotations (check-rights, which checks the role in code) get no filter, so the hot path pays
 * nothing.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    rule(resource.getResourceMethod())
        .or(() -> rule(resource.getResourceClass()))
        .ifPresent(roles -> context.register(new RoleCheck(roles)));
  }

  /** The roles an element allows: empty for none named, a list (empty: nobody) otherwise. */
  private static Optional<List<String>> rule(AnnotatedElement element) {
    if (element.isAnnotationPresent(DenyAll.class)) {
      return Optional.of(List.of());
    }
    RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
    if (allowed != null) {
      return Optional.of(Arrays.asList(allowed.value()));
    }
    if (element.isAnnotationPresent(PermitAll.class)) {
      return Optional.of(List.of("*"));
    }
    return Optional.empty();
  }

  /** The check of one method's roles, before the method runs. */
  @Priority(Priorities.AUTHORIZATION)
  private static final class RoleCheck implements ContainerRequestFilter {

    private final List<String> roles;

    RoleCheck(List<String> roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (roles.contains("*")) {
        return;
      }
      if (request.getSecurityContext().getUserPrincipal() == null) {
        throw new NotAuthorizedException("A bearer token is required", "Bearer");
      }
      if (roles.stream().noneMatch(request.getSecurityContext()::isUserInRole)) {
        throw new ForbiddenException("The token does not carry the role this needs");
      }
    }
  }
}
