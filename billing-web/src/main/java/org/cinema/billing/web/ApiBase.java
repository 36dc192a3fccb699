package org.cinema.billing.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's base URI for links we hand out (checkout pages, webhooks): {@code PUBLIC_API_URL} when
 * set (behind a proxy), else the base the request came in on.
 */
@ApplicationScoped
public class ApiBase {

  @Inject
  @ConfigProperty(name = "public.api.url")
  private Optional<String> configured;

  public URI of(UriInfo request) {
    return configured
        .filter(url -> !url.isBlank())
        .map(url -> URI.create(url.endsWith("/") ? url : url + "/"))
        .orElseGet(request::getBaseUri);
  }
}
