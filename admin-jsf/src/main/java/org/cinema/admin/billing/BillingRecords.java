package org.cinema.admin.billing;

import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** billing-web's admin API payloads, as this module reads them. */
public final class BillingRecords {

  private BillingRecords() {}

  public record Page<T>(List<T> items, long total, int page, int size, long pages)
      implements Serializable {}

  public record Customer(
      UUID id,
      String login,
      String email,
      String fullname,
      String phone,
      String roles,
      @JsonbProperty("created_at") Instant createdAt)
      implements Serializable {}

  public record Subscription(
      UUID id,
      @JsonbProperty("account_id") UUID accountId,
      @JsonbProperty("product_id") UUID productId,
      @JsonbProperty("product_name") String productName,
      String status,
      BigDecimal price,
      String currency,
      String duration,
      @JsonbProperty("current_period_start") Instant currentPeriodStart,
      @JsonbProperty("current_period_end") Instant currentPeriodEnd,
      @JsonbProperty("cancel_at_period_end") boolean cancelAtPeriodEnd,
      @JsonbProperty("created_at") Instant createdAt)
      implements Serializable {}

  public record Invoice(
      UUID id,
      @JsonbProperty("account_id") UUID accountId,
      @JsonbProperty("subscription_id") UUID subscriptionId,
      @JsonbProperty("product_name") String productName,
      BigDecimal amount,
      String currency,
      @JsonbProperty("period_start") Instant periodStart,
      @JsonbProperty("period_end") Instant periodEnd,
      String status,
      @JsonbProperty("paid_at") Instant paidAt,
      @JsonbProperty("created_at") Instant createdAt)
      implements Serializable {}

  public record Payment(
      UUID id,
      String description,
      BigDecimal amount,
      String currency,
      @JsonbProperty("pay_date") Instant payDate,
      String status,
      @JsonbProperty("refunded_amount") BigDecimal refundedAmount,
      @JsonbProperty("created_at") Instant createdAt,
      @JsonbProperty("account_id") UUID accountId,
      @JsonbProperty("failure_code") String failureCode,
      @JsonbProperty("failure_message") String failureMessage,
      @JsonbProperty("review_reason") String reviewReason)
      implements Serializable {

    /** Money taken and not given back: what a refund may still return. */
    public BigDecimal refundable() {
      return refundedAmount == null ? amount : amount.subtract(refundedAmount);
    }

    public boolean isRefundable() {
      return ("SUCCEEDED".equals(status) || "PARTIALLY_REFUNDED".equals(status))
          && refundable().signum() > 0;
    }
  }

  public record Transition(
      String from, String to, String cause, @JsonbProperty("occurred_at") Instant occurredAt)
      implements Serializable {}

  public record Refund(
      UUID id,
      BigDecimal amount,
      String currency,
      String status,
      String reason,
      int attempts,
      @JsonbProperty("provider_refund_id") String providerRefundId,
      @JsonbProperty("failure_reason") String failureReason,
      @JsonbProperty("created_at") Instant createdAt)
      implements Serializable {}

  public record WebhookEvent(
      long id,
      String provider,
      @JsonbProperty("event_id") String eventId,
      String type,
      String state,
      int attempts,
      @JsonbProperty("received_at") Instant receivedAt,
      @JsonbProperty("next_attempt_at") Instant nextAttemptAt,
      @JsonbProperty("processed_at") Instant processedAt,
      @JsonbProperty("parked_at") Instant parkedAt,
      @JsonbProperty("last_error") String lastError)
      implements Serializable {

    /** Not processed yet: a person may ask for it to be tried now. */
    public boolean isRetriable() {
      return !"processed".equals(state);
    }
  }

  public record RefundBody(BigDecimal amount, String reason) implements Serializable {}

  public record Login(String login, String password) implements Serializable {}

  public record Token(@JsonbProperty("access_token") String accessToken) implements Serializable {}

  public record Stats(
      @JsonbProperty("active_subscriptions") long activeSubscriptions,
      @JsonbProperty("payments_by_status") Map<String, Long> paymentsByStatus,
      @JsonbProperty("revenue_by_day") List<DayRevenue> revenueByDay)
      implements Serializable {}

  public record DayRevenue(LocalDate day, String currency, BigDecimal amount)
      implements Serializable {}

  /** A renewal pass and its counts; {@code trigger} is schedule or administrator. */
  public record RenewalRun(
      UUID id,
      String trigger,
      String status,
      @JsonbProperty("started_at") Instant startedAt,
      @JsonbProperty("finished_at") Instant finishedAt,
      @JsonbProperty("duration_ms") long durationMillis,
      int renewed,
      int failed,
      @JsonbProperty("past_due") int pastDue,
      int expired,
      int canceled,
      int awaiting,
      int errors,
      @JsonbProperty("last_error") String lastError)
      implements Serializable {}

  public record UpcomingRenewals(List<UpcomingDay> days) implements Serializable {}

  /** Renewals due on one UTC day in one currency. */
  public record UpcomingDay(LocalDate day, String currency, long count, BigDecimal amount)
      implements Serializable {}

  /** One delivery of a billing event on one channel (log, email, telegram, webhook). */
  public record Notification(
      UUID id,
      @JsonbProperty("account_id") UUID accountId,
      @JsonbProperty("subscription_id") UUID subscriptionId,
      @JsonbProperty("event_id") UUID eventId,
      String event,
      String channel,
      @JsonbProperty("endpoint_id") UUID endpointId,
      String status,
      int attempts,
      @JsonbProperty("created_at") Instant createdAt,
      @JsonbProperty("sent_at") Instant sentAt,
      @JsonbProperty("next_attempt_at") Instant nextAttemptAt,
      String subject,
      @JsonbProperty("last_error") String lastError)
      implements Serializable {

    /** Failed (tried again later) or parked: billing sends it again when asked. */
    public boolean isRetryable() {
      return "FAILED".equals(status) || "DEAD".equals(status);
    }
  }

  /**
   * A system billing tells of events; {@code events} is {@code ["*"]} for all of them. The {@code
   * secret} that signs deliveries comes only in the answer to its creation.
   */
  public record WebhookEndpoint(
      UUID id,
      String url,
      List<String> events,
      String description,
      boolean enabled,
      @JsonbProperty("created_at") Instant createdAt,
      String secret)
      implements Serializable {

    public static final String ALL_EVENTS = "*";

    public boolean isAllEvents() {
      return events != null && events.contains(ALL_EVENTS);
    }
  }

  public record NewWebhookEndpoint(String url, List<String> events, String description)
      implements Serializable {}
}
