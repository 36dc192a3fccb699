package org.cinema.billing.payment.stripe;

import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.cinema.billing.payment.ProviderEvent;
import org.cinema.billing.payment.ProviderEvent.Outcome;
import org.cinema.billing.payment.gateway.CheckoutRequest;
import org.cinema.billing.payment.gateway.CheckoutSession;
import org.cinema.billing.payment.gateway.GatewayException;
import org.cinema.billing.payment.gateway.PaymentGateway;
import org.cinema.billing.payment.gateway.PaymentReference;
import org.cinema.billing.payment.gateway.RefundConfirmation;
import org.cinema.billing.payment.gateway.RefundRequest;
import org.cinema.billing.webhook.StripeEventFormat;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Stripe as the payment provider ({@code PAYMENT_PROVIDER=stripe}). A checkout finds the viewer's
 * Stripe customer (or creates it), charges a card saved by an earlier checkout off-session, and
 * otherwise opens a hosted Checkout Session that saves the card. A declined saved card is recorded
 * and the viewer gets a Checkout Session to pay with another card.
 */
@ApplicationScoped
public class StripeGateway implements PaymentGateway {

  public static final String NAME = "stripe";

  private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

  @Inject private StripeApi stripe;

  @Inject private StripeCustomers customers;

  @Inject private StripeSettings settings;

  @Inject private Clock clock;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckoutSession openCheckout(CheckoutRequest request) {
    try {
      String customer = customerOf(request);
      Optional<ProviderEvent> declined = Optional.empty();
      var card = stripe.savedCard(customer);
      if (card.isPresent()) {
        try {
          PaymentIntent intent = stripe.chargeOffSession(request, customer, card.get().getId());
          Optional<ProviderEvent> outcome = outcomeOf("off-session charge", intent);
          if (outcome.isPresent() || "processing".equals(intent.getStatus())) {
            return new CheckoutSession(intent.getId(), null, outcome);
          }
        } catch (CardDeclined e) {
          LOG.info(() -> "Saved card of " + customer + " declined: " + e.code());
          declined = Optional.of(declinedOffSession(request, e));
        }
      }
      Session session =
          stripe.openSession(
              request,
              customer,
              settings
                  .successUrl()
                  .orElse(request.apiBase().resolve("v1/checkout/complete").toString()),
              settings
                  .cancelUrl()
                  .orElse(request.apiBase().resolve("v1/checkout/canceled").toString()));
      return new CheckoutSession(session.getId(), session.getUrl(), declined);
    } catch (FaultToleranceException e) {
      throw new GatewayException("Stripe did not answer in time: " + e, e);
    }
  }

  @Override
  public RefundConfirmation refund(RefundRequest request) {
    try {
      String intent =
          request.providerIntentId() != null
              ? request.providerIntentId()
              : intentBehind(request.providerPaymentId());
      var refund =
          stripe.refund(
              request.refundId(),
              request.paymentId(),
              intent,
              StripeEventFormat.toMinorUnits(request.amount(), request.currency()));
      if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
        throw new GatewayException("Stripe refused the refund: " + refund.getFailureReason());
      }
      return new RefundConfirmation(refund.getId());
    } catch (FaultToleranceException e) {
      throw new GatewayException("Stripe did not answer in time: " + e, e);
    }
  }

  @Override
  public String webhookSecret() {
    return settings.webhookSecret();
  }

  @Override
  public Optional<ProviderEvent> lookup(PaymentReference payment) {
    try {
      Optional<String> intentId =
          payment
              .providerIntentId()
              .or(() -> payment.providerPaymentId().filter(id -> id.startsWith("pi_")));
      if (intentId.isPresent()) {
        return outcomeOf("reconciler", stripe.intent(intentId.get()));
      }
      Optional<String> sessionId = payment.providerPaymentId().filter(id -> id.startsWith("cs_"));
      if (sessionId.isPresent()) {
        return outcomeOf(stripe.session(sessionId.get()));
      }
      // The checkout call got no answer: a saved card may have been charged all the same.
      return stripe
          .intentOf(payment.paymentId())
          .flatMap(intent -> outcomeOf("reconciler", intent));
    } catch (FaultToleranceException e) {
      throw new GatewayException("Stripe did not answer in time: " + e, e);
    }
  }

  private String customerOf(CheckoutRequest request) {
    Optional<String> known = customers.known(request.accountId());
    if (known.isPresent()) {
      return known.get();
    }
    String customer =
        stripe
            .findCustomer(request.accountId())
            .orElseGet(() -> stripe.createCustomer(request))
            .getId();
    customers.remember(request.accountId(), customer);
    return customer;
  }

  private String intentBehind(String providerPaymentId) {
    if (providerPaymentId.startsWith("pi_")) {
      return providerPaymentId;
    }
    String intent = stripe.session(providerPaymentId).getPaymentIntent();
    if (intent == null) {
      throw new GatewayException("Checkout " + providerPaymentId + " has no payment to refund");
    }
    return intent;
  }

  /** What a PaymentIntent's state says, as its webhook event would; empty while undecided. */
  private Optional<ProviderEvent> outcomeOf(String source, PaymentIntent intent) {
    String type =
        switch (intent.getStatus()) {
          case "succeeded" -> "payment_intent.succeeded";
          case "canceled" -> "payment_intent.canceled";
          case "requires_payment_method" ->
              intent.getLastPaymentError() == null ? null : "payment_intent.payment_failed";
          default -> null;
        };
    return Optional.ofNullable(type).map(t -> read(source, t, intent));
  }

  private Optional<ProviderEvent> outcomeOf(Session session) {
    String type = null;
    if ("complete".equals(session.getStatus()) && "paid".equals(session.getPaymentStatus())) {
      type = "checkout.session.completed";
    } else if ("expired".equals(session.getStatus())) {
      type = "checkout.session.expired";
    }
    return Optional.ofNullable(type).map(t -> read("reconciler", t, session));
  }

  /** Reads the object as Stripe sent it (its raw JSON), as a webhook event's object is read. */
  private ProviderEvent read(String source, String type, StripeObject object) {
    String raw =
        object.getRawJsonObject() != null ? object.getRawJsonObject().toString() : object.toJson();
    try (JsonReader reader = Json.createReader(new StringReader(raw))) {
      JsonObject json = reader.readObject();
      return StripeEventFormat.readObject(source, type, json, clock.instant());
    }
  }

  private ProviderEvent declinedOffSession(CheckoutRequest request, CardDeclined e) {
    Optional<String> intent = Optional.ofNullable(e.intentId());
    return new ProviderEvent(
        "off-session charge",
        "payment_intent.payment_failed",
        Outcome.FAILED,
        Optional.of(request.paymentId()),
        intent,
        intent,
        Optional.ofNullable(e.code()),
        Optional.ofNullable(e.getMessage()),
        Optional.empty(),
        clock.instant());
  }
}
