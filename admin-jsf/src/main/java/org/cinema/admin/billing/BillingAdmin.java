package org.cinema.admin.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.cinema.admin.billing.BillingRecords.Customer;
import org.cinema.admin.billing.BillingRecords.Invoice;
import org.cinema.admin.billing.BillingRecords.Login;
import org.cinema.admin.billing.BillingRecords.NewWebhookEndpoint;
import org.cinema.admin.billing.BillingRecords.Notification;
import org.cinema.admin.billing.BillingRecords.Page;
import org.cinema.admin.billing.BillingRecords.Payment;
import org.cinema.admin.billing.BillingRecords.Refund;
import org.cinema.admin.billing.BillingRecords.RefundBody;
import org.cinema.admin.billing.BillingRecords.RenewalRun;
import org.cinema.admin.billing.BillingRecords.Stats;
import org.cinema.admin.billing.BillingRecords.Subscription;
import org.cinema.admin.billing.BillingRecords.Transition;
import org.cinema.admin.billing.BillingRecords.UpcomingDay;
import org.cinema.admin.billing.BillingRecords.WebhookEndpoint;
import org.cinema.admin.billing.BillingRecords.WebhookEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin panel's door to billing data: billing-web's admin API at {@code BILLING_API_URL}, as
 * the billing administrator ({@code BILLING_ADMIN_LOGIN}/{@code BILLING_ADMIN_PASSWORD}, the
 * account billing-web creates on start). The token is kept until shortly before it expires and
 * fetched again on a 401. Every failure becomes a {@link BillingUnavailable} with a readable
 * message.
 */
@ApplicationScoped
public class BillingAdmin {

  /** Fetch a new token this long before the old one would do (tokens live 10 min by default). */
  private static final Duration TOKEN_REUSE = Duration.ofMinutes(4);

  @Inject
  @ConfigProperty(name = "billing.api.url", defaultValue = "http://localhost:8080/api/")
  private String apiUrl;

  @Inject
  @ConfigProperty(name = "billing.admin.login")
  private Optional<String> login;

  @Inject
  @ConfigProperty(name = "billing.admin.password")
  private Optional<String> password;

  @Inject private Clock clock;

  private volatile BillingAdminApi api;
  private volatile String token;
  private volatile Instant tokenTakenAt = Instant.EPOCH;

  public Page<Customer> customers(String query, int page, int size) {
    return call(bearer -> api().customers(bearer, blankToNull(query), page, size));
  }

  public Page<Subscription> subscriptions(UUID customer, String status, int page, int size) {
    return call(bearer -> api().subscriptions(bearer, customer, blankToNull(status), page, size));
  }

  public Page<Invoice> invoices(UUID customer, String status, int page, int size) {
    return call(bearer -> api().invoices(bearer, customer, blankToNull(status), page, size));
  }

  /**
   * @param review only payments flagged for review
   */
  public Page<Payment> payments(
      UUID customer,
      String status,
      LocalDate from,
      LocalDate to,
      boolean review,
      int page,
      int size) {
    return call(
        bearer ->
            api()
                .payments(
                    bearer,
                    customer,
                    blankToNull(status),
                    from == null ? null : from.toString(),
                    to == null ? null : to.toString(),
                    review ? Boolean.TRUE : null,
                    page,
                    size));
  }

  public List<Refund> refunds(UUID payment) {
    return call(bearer -> api().refunds(bearer, payment));
  }

  /** Provider events in the inbox; {@code state} empty for all. */
  public Page<WebhookEvent> webhookEvents(String state, int page, int size) {
    return call(bearer -> api().webhookEvents(bearer, blankToNull(state), page, size));
  }

  /** Processes a stored provider event again now; the event as it is after the attempt. */
  public WebhookEvent retryWebhookEvent(long id) {
    return call(bearer -> api().retryWebhookEvent(bearer, id));
  }

  public List<Transition> history(UUID payment) {
    return call(bearer -> api().history(bearer, payment));
  }

  /**
   * Refunds all that is left of a payment ({@code amount} null) or part of it.
   *
   * @param requestId the same for a repeated click, so the refund happens once
   */
  public Payment refund(UUID payment, BigDecimal amount, String reason, String requestId) {
    return call(bearer -> api().refund(bearer, requestId, payment, new RefundBody(amount, reason)));
  }

  public Stats stats(int days) {
    return call(bearer -> api().stats(bearer, days));
  }

  /**
   * Starts a renewal pass now; it goes on in billing's background.
   *
   * @return the pass as it starts, or empty when one is running already (billing's 409)
   */
  public Optional<RenewalRun> startRenewals() {
    return call(
        bearer -> {
          try {
            return Optional.of(api().startRenewals(bearer));
          } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
              return Optional.empty();
            }
            throw e;
          }
        });
  }

  /** Renewal passes, newest first. */
  public Page<RenewalRun> renewalRuns(int page, int size) {
    return call(bearer -> api().renewalRuns(bearer, page, size));
  }

  /** Renewals due per UTC day and currency over the next {@code days} days. */
  public List<UpcomingDay> upcomingRenewals(int days) {
    return call(bearer -> api().upcomingRenewals(bearer, days)).days();
  }

  /** Deliveries of events, newest first; {@code account} null and {@code status} empty for all. */
  public Page<Notification> notifications(UUID account, String status, int page, int size) {
    return call(bearer -> api().notifications(bearer, account, blankToNull(status), page, size));
  }

  /** Sends a failed or parked delivery again now; billing's answer (PENDING again). */
  public Notification retryNotification(UUID id) {
    return call(bearer -> api().retryNotification(bearer, id));
  }

  public Page<WebhookEndpoint> webhookEndpoints(int page, int size) {
    return call(bearer -> api().webhookEndpoints(bearer, page, size));
  }

  /** The endpoint as created, with the secret that signs its deliveries (never sent again). */
  public WebhookEndpoint createWebhookEndpoint(
      String url, List<String> events, String description) {
    return call(
        bearer ->
            api()
                .createWebhookEndpoint(
                    bearer,
                    new NewWebhookEndpoint(
                        url == null ? null : url.strip(), events, blankToNull(description))));
  }

  public WebhookEndpoint disableWebhookEndpoint(UUID id) {
    return call(bearer -> api().disableWebhookEndpoint(bearer, id));
  }

  public WebhookEndpoint enableWebhookEndpoint(UUID id) {
    return call(bearer -> api().enableWebhookEndpoint(bearer, id));
  }

  public void deleteWebhookEndpoint(UUID id) {
    call(
        bearer -> {
          api().deleteWebhookEndpoint(bearer, id);
          return null;
        });
  }

  /** What billing sent (or tries to send) to one endpoint, newest first. */
  public Page<Notification> webhookDeliveries(UUID endpoint, String status, int page, int size) {
    return call(
        bearer -> api().webhookDeliveries(bearer, endpoint, blankToNull(status), page, size));
  }

  /**
   * Sends {@code request} with the billing administrator's {@code Authorization} header value, and
   * once more with a fresh token if it is refused with a 401 (the token expired or the key
   * changed). For the other modules' APIs that accept billing's administrator tokens (the ETL);
   * their errors are theirs to describe.
   *
   * @throws BillingUnavailable when no token can be had
   */
  public <T> T withToken(Function<String, T> request) {
    try {
      return request.apply("Bearer " + token());
    } catch (WebApplicationException e) {
      if (e.getResponse().getStatus() != 401) {
        throw e;
      }
      token = null;
      return request.apply("Bearer " + token());
    }
  }

  private <T> T call(Function<String, T> request) {
    try {
      return withToken(request);
    } catch (WebApplicationException e) {
      throw new BillingUnavailable(describe(e), e);
    } catch (ProcessingException e) {
      throw new BillingUnavailable("Billing API not reachable at " + apiUrl, e);
    }
  }

  private String token() {
    try {
      return currentToken();
    } catch (WebApplicationException e) {
      throw new BillingUnavailable("Billing refused the administrator's login: " + describe(e), e);
    } catch (ProcessingException e) {
      throw new BillingUnavailable("Billing API not reachable at " + apiUrl, e);
    }
  }

  private String currentToken() {
    if (token == null || tokenTakenAt.plus(TOKEN_REUSE).isBefore(clock.instant())) {
      if (login.isEmpty() || password.isEmpty()) {
        throw new BillingUnavailable(
            "BILLING_ADMIN_LOGIN and BILLING_ADMIN_PASSWORD are not set: billing data unavailable",
            null);
      }
      token = api().login(new Login(login.get(), password.get())).accessToken();
      tokenTakenAt = clock.instant();
    }
    return token;
  }

  private BillingAdminApi api() {
    BillingAdminApi current = api;
    if (current == null) {
      current = RestClients.build(BillingAdminApi.class, apiUrl, 30);
      api = current;
    }
    return current;
  }

  /** The billing API's own error message when it sent one ({"error", "message"}). */
  private static String describe(WebApplicationException e) {
    try {
      String body = e.getResponse().readEntity(String.class);
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        JsonObject error = reader.readObject();
        return error.getString("message", body);
      }
    } catch (RuntimeException unreadable) {
      return "Billing API answered " + e.getResponse().getStatus();
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
