package org.cinema.billing.payment.stripe;

import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.cinema.billing.payment.gateway.CardSetup;
import org.cinema.billing.payment.gateway.CardSetupRequest;
import org.cinema.billing.payment.gateway.CheckoutRequest;
import org.cinema.billing.payment.gateway.CheckoutSession;
import org.cinema.billing.payment.gateway.GatewayException;
import org.cinema.billing.payment.gateway.PaymentGateway;
import org.cinema.billing.payment.gateway.PaymentReference;
import org.cinema.billing.payment.gateway.ProviderEvent;
import org.cinema.billing.payment.gateway.ProviderEvent.Outcome;
import org.cinema.billing.payment.gateway.RefundConfirmation;
import org.cinema.billing.payment.gateway.RefundRequest;
import org.cinema.billing.payment.gateway.RequestPacing;
import org.cinema.billing.payment.gateway.StripeEventFormat;
import org.cinema.billing.platform.Money;
import org.cinema.common.json.Jsons;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Stripe as the payment provider ({@code PAYMENT_PROVIDER=stripe}). A checkout finds the viewer's
 * Stripe customer (or creates it), charges the card saved last off-session ({@link CardOnFile}),
 * and otherwise opens a hosted Checkout Session that saves the card. A declined saved card is
 * recorded and the viewer gets a Checkout Session to pay with another card. A card page (a Checkout
 * Session in setup mode) saves a card without a charge; when Stripe reports it completed, that card
 * becomes the customer's default payment method.
 */
@ApplicationScoped
public class StripeGateway implements PaymentGateway {

  public static final String NAME = "stripe";

  private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

  @Inject private StripeApi stripe;

  @Inject private StripeCustomers customers;

  @Inject private StripeSettings settings;

  @Inject private Clock clock;

  /**
   * Stripe allows 25 requests a second in test mode and 100 live: renewals stay below, leaving the
   * rest to viewers' checkouts. A renewal sends three (the customer, its cards, the charge).
   */
  @Override
  public double defaultRequestsPerSecond() {
    return settings.apiKey().startsWith("sk_live_") || settings.apiKey().startsWith("rk_live_")
        ? 80
        : 20;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckoutSession openCheckout(CheckoutRequest request) {
    return openCheckout(request, RequestPacing.NONE);
  }

  @Override
  public CheckoutSession openCheckout(CheckoutRequest request, RequestPacing pacing) {
    try {
      String customer =
          customerOf(request.accountId(), request.customerEmail(), request.customerName(), pacing);
      Optional<ProviderEvent> declined = Optional.empty();
      pacing.beforeRequest();
      Optional<PaymentMethod> byDefault = stripe.defaultPaymentMethod(customer);
      pacing.beforeRequest();
      Optional<PaymentMethod> card = CardOnFile.choose(byDefault, stripe.newestCard(customer));
      if (card.isPresent()) {
        try {
          pacing.beforeRequest();
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
      pacing.beforeRequest();
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
      throw unanswered(e);
    }
  }

  /**
   * A Checkout Session in setup mode for the viewer's Stripe customer (found or created as for a
   * checkout). Stripe sends the viewer back to our own pages, which say a card was saved or not.
   */
  @Override
  public String openCardSetup(CardSetupRequest request) {
    try {
      String customer =
          customerOf(
              request.accountId(),
              request.customerEmail(),
              request.customerName(),
              RequestPacing.NONE);
      return stripe
          .openSetupSession(
              request,
              customer,
              request.apiBase().resolve("v1/checkout/card-saved").toString(),
              request.apiBase().resolve("v1/checkout/card-not-saved").toString())
          .getUrl();
    } catch (FaultToleranceException e) {
      throw unanswered(e);
    }
  }

  /**
   * Makes the card the completed setup saved the customer's default payment method. Its SetupIntent
   * names the card; one that did not succeed saved none.
   */
  @Override
  public void cardSetUp(CardSetup setup) {
    if (setup.setupIntentId().isEmpty()) {
      LOG.warning(() -> "Card page " + setup.sessionId() + " completed without a SetupIntent");
      return;
    }
    try {
      SetupIntent intent = stripe.setupIntent(setup.setupIntentId().get());
      String customer =
          intent.getCustomer() != null ? intent.getCustomer() : setup.customerId().orElse(null);
      if (!"succeeded".equals(intent.getStatus())
          || intent.getPaymentMethod() == null
          || customer == null) {
        LOG.warning(
            () ->
                "Card page "
                    + setup.sessionId()
                    + " saved no card: SetupIntent "
                    + intent.getId()
                    + " is "
                    + intent.getStatus());
        return;
      }
      stripe.makeDefault(customer, intent.getPaymentMethod(), intent.getId());
    } catch (FaultToleranceException e) {
      throw unanswered(e);
    }
  }

  /**
   * Refunds with the refund id as idempotency key. A refund asked before whose outcome was unknown
   * is first looked for among the charge's refunds (by the refund id in its metadata): Stripe keeps
   * idempotency keys for 24 hours only, and a refund must never be made twice.
   */
  @Override
  public RefundConfirmation refund(RefundRequest request) {
    try {
      String intent =
          request.providerIntentId() != null
              ? request.providerIntentId()
              : intentBehind(request.providerPaymentId());
      Optional<com.stripe.model.Refund> made =
          request.retry() ? madeBefore(intent, request) : Optional.empty();
      var refund =
          made.isPresent()
              ? made.get()
              : stripe.refund(
                  request.refundId(),
                  request.paymentId(),
                  intent,
                  Money.toMinorUnits(request.amount(), request.currency()));
      if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
        throw GatewayException.refused(
            "Stripe refused the refund: " + refund.getFailureReason(), null);
      }
      if (!"succeeded".equals(refund.getStatus())) {
        // pending, requires_action: Stripe has it, its outcome is not known yet.
        throw GatewayException.unknown(
            "Stripe has refund " + refund.getId() + " " + refund.getStatus(), null);
      }
      return new RefundConfirmation(refund.getId());
    } catch (FaultToleranceException e) {
      throw unanswered(e);
    }
  }

  /**
   * Expires the payment's Checkout Session (or cancels its PaymentIntent). A session Stripe will
   * not expire because it was paid meanwhile reports that payment, so the money is given back.
   */
  @Override
  public Optional<ProviderEvent> closeCheckout(PaymentReference payment) {
    Optional<String> id = payment.providerPaymentId();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (id.get().startsWith("cs_")) {
        try {
          stripe.expireSession(id.get(), payment.paymentId());
          return Optional.empty();
        } catch (GatewayException e) {
          if (e.outcomeUnknown()) {
            throw e;
          }
          Session session = stripe.session(id.get());
          if ("expired".equals(session.getStatus())) {
            return Optional.empty();
          }
          Optional<ProviderEvent> paid =
              outcomeOf("checkout closed", session)
                  .filter(known -> known.outcome() == Outcome.SUCCEEDED);
          if (paid.isEmpty()) {
            throw e;
          }
          return paid;
        }
      }
      PaymentIntent intent = stripe.intent(id.get());
      if ("succeeded".equals(intent.getStatus())) {
        return outcomeOf("checkout closed", intent);
      }
      if (!"canceled".equals(intent.getStatus())) {
        stripe.cancelIntent(id.get(), payment.paymentId());
      }
      return Optional.empty();
    } catch (FaultToleranceException e) {
      throw unanswered(e);
    }
  }

  @Override
  public String webhookSecret() {
    return settings.webhookSecret();
  }

  @Override
  public Optional<ProviderEvent> lookup(PaymentReference payment) {
    try {
      // A Checkout Session first: after a declined saved card, the viewer pays on a session whose
      // PaymentIntent is not the declined one we know.
      Optional<String> sessionId = payment.providerPaymentId().filter(id -> id.startsWith("cs_"));
      if (sessionId.isPresent()) {
        Optional<ProviderEvent> bySession = sessionOutcome(sessionId.get());
        if (bySession.isPresent()) {
          return bySession;
        }
      }
      Optional<String> intentId =
          payment
              .providerIntentId()
              .or(() -> payment.providerPaymentId().filter(id -> id.startsWith("pi_")));
      if (intentId.isPresent()) {
        return outcomeOf("reconciler", stripe.intent(intentId.get()));
      }
      if (sessionId.isPresent()) {
        return Optional.empty();
      }
      // The checkout call got no answer: a saved card may have been charged all the same.
      return stripe
          .intentOf(payment.paymentId())
          .flatMap(intent -> outcomeOf("reconciler", intent));
    } catch (FaultToleranceException e) {
      throw unanswered(e);
    }
  }

  /** What a session says; empty while it is open, or when Stripe does not know it. */
  private Optional<ProviderEvent> sessionOutcome(String sessionId) {
    try {
      return outcomeOf("reconciler", stripe.session(sessionId));
    } catch (GatewayException e) {
      if (e.outcomeUnknown()) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private Optional<com.stripe.model.Refund> madeBefore(String intent, RefundRequest request) {
    try {
      return stripe.refundMadeFor(intent, request.refundId());
    } catch (GatewayException e) {
      if (e.outcomeUnknown()) {
        throw e;
      }
      LOG.warning(() -> "Could not list the refunds of " + intent + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static GatewayException unanswered(FaultToleranceException e) {
    return GatewayException.unknown("Stripe did not answer in time: " + e, e);
  }

  private String customerOf(UUID accountId, String email, String name, RequestPacing pacing) {
    Optional<String> known = customers.known(accountId);
    if (known.isPresent()) {
      return known.get();
    }
    pacing.beforeRequest();
    String customer =
        stripe
            .findCustomer(accountId)
            .orElseGet(
                () -> {
                  pacing.beforeRequest();
                  return stripe.createCustomer(accountId, email, name);
                })
            .getId();
    customers.remember(accountId, customer);
    return customer;
  }

  private String intentBehind(String providerPaymentId) {
    if (providerPaymentId.startsWith("pi_")) {
      return providerPaymentId;
    }
    String intent = stripe.session(providerPaymentId).getPaymentIntent();
    if (intent == null) {
      throw GatewayException.refused(
          "Checkout " + providerPaymentId + " has no payment to refund", null);
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

  private Optional<ProviderEvent> outcomeOf(String source, Session session) {
    String type = null;
    if ("complete".equals(session.getStatus()) && "paid".equals(session.getPaymentStatus())) {
      type = "checkout.session.completed";
    } else if ("expired".equals(session.getStatus())) {
      type = "checkout.session.expired";
    }
    return Optional.ofNullable(type).map(t -> read(source, t, session));
  }

  /** Reads the object as Stripe sent it (its raw JSON), as a webhook event's object is read. */
  private ProviderEvent read(String source, String type, StripeObject object) {
    String raw =
        object.getRawJsonObject() != null ? object.getRawJsonObject().toString() : object.toJson();
    try (JsonReader reader = Jsons.reader(new StringReader(raw))) {
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
        Optional.empty(),
        clock.instant());
  }
}
