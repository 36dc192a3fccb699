package org.cinema.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** The billing API as a client app uses it: JSON over HTTP with a bearer token. */
public final class BillingClient {

  private final URI api;

  /**
   * @param serverRoot where billing-web is deployed (its context root)
   */
  public BillingClient(URI serverRoot) {
    this.api = serverRoot.resolve("api/v1/");
  }

  public URI api() {
    return api;
  }

  /** Registers a fresh viewer and returns the token. */
  public String newViewer() {
    String login = freshLogin();
    Http.Response response = register(registration(login).build());
    assertThat(response.status()).as("register %s: %s", login, response).isEqualTo(200);
    return response.json().getString("access_token");
  }

  /** A login nobody has yet; its viewer's e-mail is {@code login@example.org}. */
  public static String freshLogin() {
    return "viewer-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The fields {@link #newViewer()} registers with, to add to or change. */
  public static JsonObjectBuilder registration(String login) {
    return Json.createObjectBuilder()
        .add("login", login)
        .add("password", "secret-" + login)
        .add("email", login + "@example.org")
        .add("fullname", "Test Viewer")
        .add("phone", "+7 900 000-00-00");
  }

  /** POST content/register; {@code headers} are name, value pairs. */
  public Http.Response register(JsonObject body, String... headers) {
    return post("content/register", null, body.toString(), headers);
  }

  public String login(String login, String password) {
    Http.Response response =
        post(
            "content/login",
            null,
            Json.createObjectBuilder()
                .add("login", login)
                .add("password", password)
                .build()
                .toString());
    assertThat(response.status()).as("login %s: %s", login, response).isEqualTo(200);
    return response.json().getString("access_token");
  }

  /** {@code allow} of check-rights, asserting a 200. */
  public boolean mayWatch(String token, UUID movie) {
    Http.Response response = post("content/check-rights/" + movie, token, "");
    assertThat(response.status()).as("check-rights: %s", response).isEqualTo(200);
    return response.json().getBoolean("allow");
  }

  public Http.Response addProduct(String token, UUID product, String... headers) {
    return send("POST", "billing/add-product/" + product, token, "", headers);
  }

  public Http.Response statement(String token) {
    return get("billing/payments/2000-01-01/2100-01-01", token);
  }

  public Http.Response cancelPayment(String token, String payment) {
    return send("DELETE", "billing/cancel-payment/" + payment, token, null);
  }

  /** Pays on the sandbox's checkout page as a person would: the form, then a card. */
  public Http.Response payOnCheckout(String checkoutUrl, String cardNumber) {
    Http.Response form = Http.get(URI.create(checkoutUrl));
    assertThat(form.status()).as("checkout page: %s", form).isEqualTo(200);
    assertThat(form.body()).contains("<form", "card_number");
    return payOnCheckoutForm(checkoutUrl, cardNumber);
  }

  /** POSTs a card to a checkout page, whatever the page shows. */
  public Http.Response payOnCheckoutForm(String checkoutUrl, String cardNumber) {
    String fields =
        "card_number="
            + URLEncoder.encode(cardNumber, StandardCharsets.UTF_8)
            + "&exp_month=12&exp_year=2034&cvc=123";
    return Http.send(
        HttpRequest.newBuilder(URI.create(checkoutUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(fields)));
  }

  /** A provider's webhook delivery; {@code signature} is the Stripe-Signature header, or null. */
  public Http.Response postWebhook(String payload, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve("billing/webhook"))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(payload));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return Http.send(request);
  }

  /** The account a token was issued to: its {@code sub} claim. */
  public static UUID accountOf(String token) {
    String claims =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    try (JsonReader reader = Json.createReader(new StringReader(claims))) {
      return UUID.fromString(reader.readObject().getString("sub"));
    }
  }

  public Http.Response get(String path, String token) {
    return send("GET", path, token, null);
  }

  public Http.Response post(String path, String token, String json, String... headers) {
    return send("POST", path, token, json, headers);
  }

  /** Any request; {@code headers} are name, value pairs. */
  public Http.Response send(
      String method, String path, String token, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path))
            .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return Http.send(request);
  }
}
