package org.cinema.it.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A local stand-in for the Stripe API (WireMock), answering with JSON in the shapes Stripe's API
 * reference gives for each object. Every stub is scoped to one viewer (their account id appears in
 * the customer search and in the metadata stripe-java sends), so tests do not see each other's.
 */
public final class StripeStub {

  private final WireMockServer server;

  public StripeStub(int port) {
    server = new WireMockServer(WireMockConfiguration.options().port(port));
  }

  public void start() {
    server.start();
  }

  public void stop() {
    server.stop();
  }

  public WireMockServer server() {
    return server;
  }

  /** The viewer is not a Stripe customer yet: search finds nothing, create makes {@code cus}. */
  public void newCustomer(UUID account, String customer) {
    server.stubFor(
        get(urlPathEqualTo("/v1/customers/search"))
            .withQueryParam("query", containing(account.toString()))
            .willReturn(okJson(searchResult("/v1/customers/search").build().toString())));
    server.stubFor(
        post(urlPathEqualTo("/v1/customers"))
            .withRequestBody(containing(account.toString()))
            .willReturn(okJson(customer(customer, account).toString())));
    noSavedCard(customer);
  }

  /** The viewer is a Stripe customer already (found by the user id in its metadata). */
  public void existingCustomer(UUID account, String customer) {
    server.stubFor(
        get(urlPathEqualTo("/v1/customers/search"))
            .withQueryParam("query", containing(account.toString()))
            .willReturn(
                okJson(
                    searchResult("/v1/customers/search")
                        .add("data", Json.createArrayBuilder().add(customer(customer, account)))
                        .build()
                        .toString())));
  }

  public void noSavedCard(String customer) {
    noDefaultCard(customer);
    server.stubFor(
        get(urlPathEqualTo("/v1/customers/" + customer + "/payment_methods"))
            .willReturn(okJson(list("/v1/customers/" + customer + "/payment_methods").toString())));
  }

  /** A card saved by a payment checkout: attached to the customer, not its default. */
  public void savedCard(String customer, String paymentMethod) {
    noDefaultCard(customer);
    JsonObject card = card(paymentMethod, customer);
    server.stubFor(
        get(urlPathEqualTo("/v1/customers/" + customer + "/payment_methods"))
            .willReturn(
                okJson(
                    Json.createObjectBuilder(list("/v1/customers/" + customer + "/payment_methods"))
                        .add("data", Json.createArrayBuilder().add(card))
                        .build()
                        .toString())));
  }

  /** The customer as Stripe retrieves it, with no default payment method for invoices. */
  public void noDefaultCard(String customer) {
    server.stubFor(
        get(urlPathEqualTo("/v1/customers/" + customer))
            .willReturn(okJson(retrievedCustomer(customer, JsonValue.NULL).toString())));
  }

  /**
   * The customer's {@code invoice_settings.default_payment_method} is {@code paymentMethod}, as
   * retrieved with it expanded; the cards attached are still listed as before.
   */
  public void defaultCard(String customer, String paymentMethod) {
    server.stubFor(
        get(urlPathEqualTo("/v1/customers/" + customer))
            .willReturn(
                okJson(retrievedCustomer(customer, card(paymentMethod, customer)).toString())));
  }

  /** Updating the customer (its default payment method) answers with the customer. */
  public void customerUpdates(String customer) {
    server.stubFor(
        post(urlPathEqualTo("/v1/customers/" + customer))
            .willReturn(okJson(retrievedCustomer(customer, JsonValue.NULL).toString())));
  }

  /** Checkout Sessions in setup mode for the viewer open as {@code session}. */
  public MappingBuilder setupSession(UUID account, String session, String customer) {
    return post(urlPathEqualTo("/v1/checkout/sessions"))
        .withRequestBody(containing(account.toString()))
        .withRequestBody(containing("mode=setup"))
        .willReturn(okJson(setupSession(session, customer, "open", null).toString()));
  }

  /** A SetupIntent that saved {@code paymentMethod} for the customer. */
  public void setupIntent(String setupIntent, String customer, String paymentMethod) {
    server.stubFor(
        get(urlPathEqualTo("/v1/setup_intents/" + setupIntent))
            .willReturn(
                okJson(
                    Json.createObjectBuilder()
                        .add("id", setupIntent)
                        .add("object", "setup_intent")
                        .add("status", "succeeded")
                        .add("usage", "off_session")
                        .add("customer", customer)
                        .add("payment_method", paymentMethod)
                        .add("created", now())
                        .add("livemode", false)
                        .build()
                        .toString())));
  }

  /** Checkout Sessions for the viewer's payments open as {@code session}. */
  public MappingBuilder checkoutSession(UUID account, String session, String customer) {
    return post(urlPathEqualTo("/v1/checkout/sessions"))
        .withRequestBody(containing(account.toString()))
        .willReturn(okJson(session(session, customer, "open", "unpaid", null).toString()));
  }

  public void stub(MappingBuilder mapping) {
    server.stubFor(mapping);
  }

  /** A saved-card charge of the viewer's payment ends in {@code status}. */
  public MappingBuilder offSessionCharge(UUID account, JsonObject intent) {
    return post(urlPathEqualTo("/v1/payment_intents"))
        .withRequestBody(containing(account.toString()))
        .willReturn(okJson(intent.toString()));
  }

  /** Stripe's 402 for a declined card, with the PaymentIntent it left behind. */
  public MappingBuilder declinedOffSessionCharge(UUID account, JsonObject intent) {
    JsonObject error =
        Json.createObjectBuilder()
            .add(
                "error",
                Json.createObjectBuilder()
                    .add("type", "card_error")
                    .add("code", "card_declined")
                    .add("decline_code", "generic_decline")
                    .add("message", "Your card was declined.")
                    .add("payment_intent", intent))
            .build();
    return post(urlPathEqualTo("/v1/payment_intents"))
        .withRequestBody(containing(account.toString()))
        .willReturn(
            aResponse()
                .withStatus(402)
                .withHeader("Content-Type", "application/json")
                .withBody(error.toString()));
  }

  public void refunds(String paymentIntent, String refund) {
    server.stubFor(
        post(urlPathEqualTo("/v1/refunds"))
            .withRequestBody(containing(paymentIntent))
            .willReturn(
                okJson(
                    Json.createObjectBuilder()
                        .add("id", refund)
                        .add("object", "refund")
                        .add("payment_intent", paymentIntent)
                        .add("status", "succeeded")
                        .add("currency", "rub")
                        .add("amount", 29900)
                        .add("created", now())
                        .build()
                        .toString())));
  }

  /** The PaymentIntent search the reconciler makes for a payment it has no Stripe id for. */
  public void intentSearch(UUID payment, JsonObject intent) {
    server.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .withQueryParam("query", containing(payment.toString()))
            .willReturn(
                okJson(
                    searchResult("/v1/payment_intents/search")
                        .add("data", Json.createArrayBuilder().add(intent))
                        .build()
                        .toString())));
  }

  /** POST requests our server made to {@code path}, oldest first. */
  public List<LoggedRequest> requests(String path) {
    return server.findAll(postRequestedFor(urlPathEqualTo(path)));
  }

  public List<LoggedRequest> requests(String path, String containing) {
    return server.findAll(
        postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(containing)));
  }

  /** A form-encoded request body as a map (stripe-java sends {@code a[b]=c} pairs). */
  public static Map<String, String> form(LoggedRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    Arrays.stream(request.getBodyAsString().split("&"))
        .map(pair -> pair.split("=", 2))
        .forEach(
            pair ->
                fields.put(
                    URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                    pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    return fields;
  }

  public static JsonObject intent(
      String id, String status, String customer, UUID payment, UUID account) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("object", "payment_intent")
        .add("amount", 29900)
        .add("currency", "rub")
        .add("status", status)
        .add("customer", customer)
        .add("metadata", metadata(payment, account))
        .add("created", now())
        .add("livemode", false)
        .build();
  }

  public static JsonObject session(
      String id, String customer, String status, String paymentStatus, String paymentIntent) {
    JsonObjectBuilder session =
        Json.createObjectBuilder()
            .add("id", id)
            .add("object", "checkout.session")
            .add("mode", "payment")
            .add("status", status)
            .add("payment_status", paymentStatus)
            .add("url", "https://checkout.stripe.com/c/pay/" + id)
            .add("customer", customer)
            .add("amount_total", 29900)
            .add("currency", "rub")
            .add("created", now())
            .add("expires_at", now() + 86400)
            .add("livemode", false);
    if (paymentIntent == null) {
      session.addNull("payment_intent");
    } else {
      session.add("payment_intent", paymentIntent);
    }
    return session.build();
  }

  /** A Checkout Session in setup mode; {@code setupIntent} is null until it completes. */
  public static JsonObject setupSession(
      String id, String customer, String status, String setupIntent) {
    JsonObjectBuilder session =
        Json.createObjectBuilder()
            .add("id", id)
            .add("object", "checkout.session")
            .add("mode", "setup")
            .add("status", status)
            .add("payment_status", "no_payment_required")
            .add("url", "https://checkout.stripe.com/c/pay/" + id)
            .add("customer", customer)
            .addNull("payment_intent")
            .addNull("amount_total")
            .add("currency", "rub")
            .add("created", now())
            .add("expires_at", now() + 86400)
            .add("livemode", false);
    if (setupIntent == null) {
      session.addNull("setup_intent");
    } else {
      session.add("setup_intent", setupIntent);
    }
    return session.build();
  }

  /** A card payment method of the customer, created now. */
  public static JsonObject card(String paymentMethod, String customer) {
    return Json.createObjectBuilder()
        .add("id", paymentMethod)
        .add("object", "payment_method")
        .add("type", "card")
        .add("customer", customer)
        .add(
            "card",
            Json.createObjectBuilder()
                .add("brand", "visa")
                .add("last4", "4242")
                .add("exp_month", 12)
                .add("exp_year", 2034))
        .add("created", now())
        .add("livemode", false)
        .build();
  }

  /** Our metadata on a Stripe object; {@code payment} may be null (not known to the stub). */
  public static JsonObjectBuilder metadata(UUID payment, UUID account) {
    JsonObjectBuilder metadata = Json.createObjectBuilder().add("user_id", account.toString());
    if (payment != null) {
      metadata.add("payment_id", payment.toString());
    }
    return metadata;
  }

  private static JsonObject customer(String id, UUID account) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("object", "customer")
        .add("email", "viewer@example.org")
        .add("name", "Test Viewer")
        .add("metadata", Json.createObjectBuilder().add("user_id", account.toString()))
        .add("created", now())
        .add("livemode", false)
        .build();
  }

  private static JsonObject retrievedCustomer(String id, JsonValue defaultPaymentMethod) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("object", "customer")
        .add("email", "viewer@example.org")
        .add("name", "Test Viewer")
        .add(
            "invoice_settings",
            Json.createObjectBuilder().add("default_payment_method", defaultPaymentMethod))
        .add("created", now())
        .add("livemode", false)
        .build();
  }

  private static JsonObjectBuilder searchResult(String url) {
    return Json.createObjectBuilder()
        .add("object", "search_result")
        .add("data", Json.createArrayBuilder())
        .add("has_more", false)
        .addNull("next_page")
        .add("url", url);
  }

  private static JsonObject list(String url) {
    return Json.createObjectBuilder()
        .add("object", "list")
        .add("data", Json.createArrayBuilder())
        .add("has_more", false)
        .add("url", url)
        .build();
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
