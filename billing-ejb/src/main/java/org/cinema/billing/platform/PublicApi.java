package org.cinema.billing.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's base URI for links we hand out (checkout pages, webhooks): {@code PUBLIC_API_URL} when
 * set (behind a proxy), else the base a request came in on. Work done without a request (renewals)
 * uses the configured base, else the one the last request came in on.
 */
@ApplicationScoped
public class PublicApi {

  @Inject
  @ConfigProperty(name = "public.api.url")
  private Optional<String> configured;

  private final AtomicReference<URI> lastSeen = new AtomicReference<>();

  /** The base for links in the answer to a request that came in on {@code requestBase}. */
  public URI of(URI requestBase) {
    lastSeen.set(requestBase);
    return configured().orElse(requestBase);
  }

  /** The base for links made without a request; empty until configured or a request came in. */
  public Optional<URI> known() {
    return configured().or(() -> Optional.ofNullable(lastSeen.get()));
  }

  private Optional<URI> configured() {
    return configured
        .filter(url -> !url.isBlank())
        .map(url -> URI.create(url.endsWith("/") ? url : url + "/"));
  }
}
