package org.cinema.billing.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's base URI for links we hand out and for what we send (checkout pages, Stripe's return
 * URLs, the sandbox's webhooks): {@code PUBLIC_API_URL}, which production sets (the run command
 * sets it to its own URL, the container images require it). Without it, this server's own listener
 * on the loopback address: {@code http://localhost:<the port the request came in
 * on><context>/api/}, taken from the socket, never from the {@code Host} header a caller wrote.
 * Work done without a request (renewals) uses the configured base, else the listener the last
 * request came in on.
 */
@ApplicationScoped
public class PublicApi {

  @Inject
  @ConfigProperty(name = "public.api.url")
  private Optional<String> configured;

  private final AtomicReference<URI> lastListener = new AtomicReference<>();

  /**
   * The base for links in the answer to a request that came in on this server's own {@code
   * listener} (the web layer makes it from the connection: scheme, local port, context).
   */
  public URI of(URI listener) {
    lastListener.set(listener);
    return configured().orElse(listener);
  }

  /** The base for links made without a request; empty until configured or a request came in. */
  public Optional<URI> known() {
    return configured().or(() -> Optional.ofNullable(lastListener.get()));
  }

  private Optional<URI> configured() {
    return configured
        .filter(url -> !url.isBlank())
        .map(url -> URI.create(url.endsWith("/") ? url : url + "/"));
  }
}
