package org.cinema.admin.billing;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** MicroProfile REST Clients to the other modules, at a configured base URL. */
final class RestClients {

  private RestClients() {}

  static <T> T build(Class<T> api, String baseUrl, int readTimeoutSeconds) {
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"))
        .connectTimeout(3, TimeUnit.SECONDS)
        .readTimeout(readTimeoutSeconds, TimeUnit.SECONDS)
        .build(api);
  }
}
