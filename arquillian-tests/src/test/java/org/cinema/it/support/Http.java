package org.cinema.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small JSON-over-HTTP client for black-box tests. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  /** A response whose body was read as text, with JSON access when it is JSON. */
  public record Response(int status, String body, HttpHeaders headers) {

    /** A header's first value, if the response has it. */
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    public jakarta.json.JsonArray jsonArray() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readArray();
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public static Response get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  /** Sends a request; the timeout is set here. */
  public static Response send(HttpRequest.Builder builder) {
    HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + request.uri(), e);
    }
  }

  /** The readiness document of the server at {@code base}: {@code GET /health/ready}. */
  public static Response readiness(URI base) {
    return get(base.resolve("/health/ready"));
  }

  /** One named check of a MicroProfile Health document. */
  public static Optional<JsonObject> check(Response health, String name) {
    return health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> name.equals(check.getString("name")))
        .findFirst();
  }
}
