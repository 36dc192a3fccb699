package org.cinema.billing.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerPaymentMethodListParams;
import com.stripe.param.CustomerRetrieveParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionExpireParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.payment.gateway.CardSetupRequest;
import org.cinema.billing.payment.gateway.CheckoutRequest;
import org.cinema.billing.payment.gateway.GatewayException;
import org.cinema.billing.platform.Money;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The Stripe calls we make, each behind one fault-tolerance policy: a timeout, retries (with the
 * same idempotency key, so Stripe answers a repeated create with the first result) on network
 * errors, 5xx, 429 and 409, and a circuit breaker that stops calling a Stripe that keeps failing.
 * stripe-java's own retries are off so that this policy is the only one. Card declines and other
 * 4xx answers are not retried: asking again would get the same answer.
 */
@ApplicationScoped
@Timeout(30_000)
@Retry(
    retryOn = {StripeUnavailable.class, TimeoutException.class},
    maxRetries = 2,
    delay = 300,
    jitter = 200)
@CircuitBreaker(
    failOn = {StripeUnavailable.class, TimeoutException.class},
    requestVolumeThreshold = 10,
    failureRatio = 0.75,
    delay = 10_000)
public class StripeApi {

  @Inject private StripeSettings settings;

  private volatile StripeClient client;

  /** The customer whose metadata names our account, if Stripe has one. */
  public Optional<Customer> findCustomer(UUID accountId) {
    CustomerSearchParams params =
        CustomerSearchParams.builder()
            .setQuery("metadata['user_id']:'" + accountId + "'")
            .setLimit(1L)
            .build();
    return call(() -> client().customers().search(params).getData().stream().findFirst());
  }

  /**
   * @param name the viewer's full name, or null
   */
  public Customer createCustomer(UUID accountId, String email, String name) {
    CustomerCreateParams.Builder params =
        CustomerCreateParams.builder().setEmail(email).putMetadata("user_id", accountId.toString());
    if (name != null) {
      params.setName(name);
    }
    return call(
        () -> client().customers().create(params.build(), idempotent("customer-" + accountId)));
  }

  /** The card most recently attached to the customer, if any (Stripe lists the newest first). */
  public Optional<PaymentMethod> newestCard(String customerId) {
    CustomerPaymentMethodListParams params =
        CustomerPaymentMethodListParams.builder()
            .setType(CustomerPaymentMethodListParams.Type.CARD)
            .setLimit(1L)
            .build();
    return call(
        () ->
            client().customers().paymentMethods().list(customerId, params).getData().stream()
                .findFirst());
  }

  /** The customer's default payment method ({@code invoice_settings}), if it has one. */
  public Optional<PaymentMethod> defaultPaymentMethod(String customerId) {
    CustomerRetrieveParams params =
        CustomerRetrieveParams.builder()
            .addExpand("invoice_settings.default_payment_method")
            .build();
    return call(
        () -> {
          Customer.InvoiceSettings settings =
              client().customers().retrieve(customerId, params).getInvoiceSettings();
          if (settings == null || settings.getDefaultPaymentMethod() == null) {
            return Optional.empty();
          }
          if (settings.getDefaultPaymentMethodObject() != null) {
            return Optional.of(settings.getDefaultPaymentMethodObject());
          }
          PaymentMethod named = new PaymentMethod();
          named.setId(settings.getDefaultPaymentMethod());
          return Optional.of(named);
        });
  }

  public SetupIntent setupIntent(String setupIntentId) {
    return call(() -> client().setupIntents().retrieve(setupIntentId));
  }

  /**
   * Makes the card the customer's default payment method, which off-session charges use. The key
   * derives from the SetupIntent that saved it: the same saving asked again is one change, and
   * going back to a card saved earlier, by a new saving, is another.
   */
  public Customer makeDefault(String customerId, String paymentMethodId, String setupIntentId) {
    CustomerUpdateParams params =
        CustomerUpdateParams.builder()
            .setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder()
                    .setDefaultPaymentMethod(paymentMethodId)
                    .build())
            .build();
    return call(
        () ->
            client()
                .customers()
                .update(customerId, params, idempotent(setupIntentId + "-default")));
  }

  /**
   * Charges a saved card now, the viewer not present.
   *
   * @throws CardDeclined when the card was refused
   */
  public PaymentIntent chargeOffSession(
      CheckoutRequest request, String customerId, String paymentMethodId) {
    PaymentIntentCreateParams params =
        PaymentIntentCreateParams.builder()
            .setAmount(minorUnits(request))
            .setCurrency(request.currency().toLowerCase())
            .setCustomer(customerId)
            .setPaymentMethod(paymentMethodId)
            .setOffSession(true)
            .setConfirm(true)
            .setDescription(request.description())
            .putMetadata("payment_id", request.paymentId().toString())
            .putMetadata("user_id", request.accountId().toString())
            .build();
    return call(
        () ->
            client()
                .paymentIntents()
                .create(params, idempotent("payment-" + request.paymentId() + "-off-session")));
  }

  /** A hosted Checkout Session that also saves the card for later off-session charges. */
  public Session openSession(
      CheckoutRequest request, String customerId, String successUrl, String cancelUrl) {
    String paymentId = request.paymentId().toString();
    String accountId = request.accountId().toString();
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.PAYMENT)
            .setCustomer(customerId)
            .setClientReferenceId(paymentId)
            .setSuccessUrl(successUrl)
            .setCancelUrl(cancelUrl)
            .addLineItem(
                SessionCreateParams.LineItem.builder()
                    .setQuantity(1L)
                    .setPriceData(
                        SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(request.currency().toLowerCase())
                            .setUnitAmount(minorUnits(request))
                            .setProductData(
                                SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(request.description())
                                    .build())
                            .build())
                    .build())
            .setPaymentIntentData(
                SessionCreateParams.PaymentIntentData.builder()
                    .setSetupFutureUsage(
                        SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION)
                    .putMetadata("payment_id", paymentId)
                    .putMetadata("user_id", accountId)
                    .build())
            .putMetadata("payment_id", paymentId)
            .putMetadata("user_id", accountId)
            .build();
    return call(
        () ->
            client()
                .checkout()
                .sessions()
                .create(params, idempotent("payment-" + paymentId + "-checkout")));
  }

  /**
   * A hosted Checkout Session in setup mode: the customer saves a card for off-session charges and
   * nothing is charged. Card only, so that {@code currency} may be left out when it is not known.
   */
  public Session openSetupSession(
      CardSetupRequest request, String customerId, String successUrl, String cancelUrl) {
    String accountId = request.accountId().toString();
    SessionCreateParams.Builder params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.SETUP)
            .setCustomer(customerId)
            .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
            .setClientReferenceId(accountId)
            .setSuccessUrl(successUrl)
            .setCancelUrl(cancelUrl)
            .setSetupIntentData(
                SessionCreateParams.SetupIntentData.builder()
                    .putMetadata("user_id", accountId)
                    .build())
            .putMetadata("user_id", accountId);
    request.currency().map(String::toLowerCase).ifPresent(params::setCurrency);
    return call(
        () ->
            client()
                .checkout()
                .sessions()
                .create(params.build(), idempotent("card-setup-" + request.setupId())));
  }

  public Refund refund(UUID refundId, UUID paymentId, String paymentIntentId, long amountMinor) {
    RefundCreateParams params =
        RefundCreateParams.builder()
            .setPaymentIntent(paymentIntentId)
            .setAmount(amountMinor)
            .putMetadata("payment_id", paymentId.toString())
            .putMetadata("refund_id", refundId.toString())
            .build();
    return call(() -> client().refunds().create(params, idempotent("refund-" + refundId)));
  }

  /**
   * The refund Stripe made under our refund id, if it made one (looked for before asking again).
   */
  public Optional<Refund> refundMadeFor(String paymentIntentId, UUID refundId) {
    RefundListParams params =
        RefundListParams.builder().setPaymentIntent(paymentIntentId).setLimit(100L).build();
    return call(
        () ->
            client().refunds().list(params).getData().stream()
                .filter(
                    refund ->
                        refund.getMetadata() != null
                            && refundId.toString().equals(refund.getMetadata().get("refund_id")))
                .findFirst());
  }

  /** Expires an open Checkout Session, so that it takes no payment any more. */
  public Session expireSession(String sessionId, UUID paymentId) {
    return call(
        () ->
            client()
                .checkout()
                .sessions()
                .expire(
                    sessionId,
                    SessionExpireParams.builder().build(),
                    idempotent("payment-" + paymentId + "-expire")));
  }

  /** Cancels a PaymentIntent that has not succeeded. */
  public PaymentIntent cancelIntent(String intentId, UUID paymentId) {
    return call(
        () ->
            client()
                .paymentIntents()
                .cancel(
                    intentId,
                    PaymentIntentCancelParams.builder().build(),
                    idempotent("payment-" + paymentId + "-cancel")));
  }

  public Session session(String sessionId) {
    return call(() -> client().checkout().sessions().retrieve(sessionId));
  }

  public PaymentIntent intent(String intentId) {
    return call(() -> client().paymentIntents().retrieve(intentId));
  }

  /** The PaymentIntent whose metadata names our payment, if Stripe has one. */
  public Optional<PaymentIntent> intentOf(UUID paymentId) {
    PaymentIntentSearchParams params =
        PaymentIntentSearchParams.builder()
            .setQuery("metadata['payment_id']:'" + paymentId + "'")
            .setLimit(1L)
            .build();
    return call(() -> client().paymentIntents().search(params).getData().stream().findFirst());
  }

  private StripeClient client() {
    StripeClient current = client;
    if (current == null) {
      StripeClient.StripeClientBuilder builder =
          StripeClient.builder()
              .setApiKey(settings.apiKey())
              .setConnectTimeout(settings.connectTimeoutMs())
              .setReadTimeout(settings.readTimeoutMs())
              .setMaxNetworkRetries(0);
      settings.apiBase().ifPresent(builder::setApiBase);
      current = builder.build();
      client = current;
    }
    return current;
  }

  private static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  private static long minorUnits(CheckoutRequest request) {
    return Money.toMinorUnits(request.amount(), request.currency());
  }

  /** Sorts Stripe's exceptions into: card declined, worth retrying, refused for good. */
  private static <T> T call(StripeCall<T> call) {
    try {
      return call.run();
    } catch (CardException e) {
      throw new CardDeclined(e);
    } catch (ApiConnectionException e) {
      throw new StripeUnavailable("Stripe could not be reached: " + e.getMessage(), e);
    } catch (StripeException e) {
      Integer status = e.getStatusCode();
      // 409: a request with the same idempotency key is still in flight at Stripe.
      if (status != null && (status >= 500 || status == 429 || status == 409)) {
        throw new StripeUnavailable("Stripe answered " + status + ": " + e.getMessage(), e);
      }
      throw GatewayException.refused("Stripe refused the request: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface StripeCall<T> {
    T run() throws StripeException;
  }
}
