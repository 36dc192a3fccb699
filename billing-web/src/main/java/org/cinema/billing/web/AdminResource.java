package org.cinema.billing.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.cinema.billing.account.AccountQueries;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.invoice.InvoiceQueries;
import org.cinema.billing.invoice.InvoiceStatus;
import org.cinema.billing.payment.PaymentLedger;
import org.cinema.billing.payment.PaymentQueries;
import org.cinema.billing.payment.PaymentStatus;
import org.cinema.billing.payment.RefundService;
import org.cinema.billing.platform.PublicApi;
import org.cinema.billing.reporting.StatsQueries;
import org.cinema.billing.subscription.SubscriptionQueries;
import org.cinema.billing.subscription.SubscriptionStatus;
import org.cinema.billing.web.dto.AdminRefundRequest;
import org.cinema.billing.web.dto.CustomerResponse;
import org.cinema.billing.web.dto.InvoiceResponse;
import org.cinema.billing.web.dto.PageResponse;
import org.cinema.billing.web.dto.PaymentItem;
import org.cinema.billing.web.dto.PaymentResponse;
import org.cinema.billing.web.dto.RefundResponse;
import org.cinema.billing.web.dto.StatsResponse;
import org.cinema.billing.web.dto.SubscriptionResponse;
import org.cinema.billing.web.dto.TransitionResponse;
import org.cinema.billing.web.dto.WebhookEventResponse;
import org.cinema.billing.web.idempotency.IdempotencyFilter;
import org.cinema.billing.web.idempotency.Idempotent;
import org.cinema.billing.webhook.WebhookEventQueries;
import org.cinema.billing.webhook.WebhookEventView;
import org.cinema.billing.webhook.WebhookProcessor;
import org.cinema.common.error.ErrorCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For the admin panel: customers, subscriptions, invoices and payments; refunds. */
@Path("v1/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "admin", description = "Billing data for administrators (role admin)")
public class AdminResource {

  @Inject private AccountQueries accounts;

  @Inject private SubscriptionQueries subscriptions;

  @Inject private InvoiceQueries invoices;

  @Inject private PaymentQueries payments;

  @Inject private PaymentLedger ledger;

  @Inject private StatsQueries stats;

  @Inject private RefundService refunds;

  @Inject private PublicApi publicApi;

  @Inject private RequestBodies bodies;

  @Inject private WebhookEventQueries webhookEvents;

  @Inject private WebhookProcessor webhookProcessor;

  @Context private HttpServletRequest servletRequest;

  @GET
  @Path("customers")
  @Operation(summary = "Customers whose login, e-mail or name contains q")
  @APIResponse(
      responseCode = "200",
      description = "A page of customers (items: CustomerResponse)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public PageResponse<CustomerResponse> customers(
      @QueryParam("q") String query,
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    return PageResponse.of(
        accounts.customers(
            Params.present(query).map(AdminResource::searchText),
            Params.page("page", page),
            Params.size(size)),
        CustomerResponse::of);
  }

  @GET
  @Path("subscriptions")
  @Operation(summary = "Subscriptions, by customer and status")
  @APIResponse(
      responseCode = "200",
      description = "A page of subscriptions (items: SubscriptionResponse)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public PageResponse<SubscriptionResponse> subscriptions(
      @QueryParam("customer") String customer,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    return PageResponse.of(
        subscriptions.search(
            Params.optionalUuid("customer", customer),
            status(SubscriptionStatus.class, status),
            Params.page("page", page),
            Params.size(size)),
        SubscriptionResponse::of);
  }

  @GET
  @Path("invoices")
  @Operation(summary = "Invoices, by customer and status")
  @APIResponse(
      responseCode = "200",
      description = "A page of invoices (items: InvoiceResponse)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public PageResponse<InvoiceResponse> invoices(
      @QueryParam("customer") String customer,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    return PageResponse.of(
        invoices.search(
            Params.optionalUuid("customer", customer),
            status(InvoiceStatus.class, status),
            Params.page("page", page),
            Params.size(size)),
        InvoiceResponse::of);
  }

  @GET
  @Path("payments")
  @Operation(summary = "Payments, by customer, status and creation dates (inclusive)")
  @APIResponse(
      responseCode = "200",
      description = "A page of payments (items: PaymentItem)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public PageResponse<PaymentItem> payments(
      @QueryParam("customer") String customer,
      @QueryParam("status") String status,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("review")
          @Parameter(description = "true: only payments flagged for review (review_reason)")
          String review,
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    return PageResponse.of(
        payments.search(
            Params.optionalUuid("customer", customer),
            status(PaymentStatus.class, status),
            Params.optionalDate("from", from),
            Params.optionalDate("to", to),
            Params.flag("review", review),
            Params.page("page", page),
            Params.size(size)),
        PaymentItem::of);
  }

  @GET
  @Path("payments/{payment_id}/refunds")
  @Operation(summary = "Every refund of a payment, oldest first, with its reason and outcome")
  @APIResponse(
      responseCode = "200",
      description = "The refunds",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = RefundResponse.class)))
  @APIResponse(responseCode = "404", ref = "NoSuchPayment")
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public List<RefundResponse> refundsOf(
      @PathParam("payment_id") @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String paymentId) {
    ledger.get(Params.uuid(paymentId));
    return ledger.refunds(Params.uuid(paymentId)).stream().map(RefundResponse::of).toList();
  }

  @GET
  @Path("webhook-events")
  @Operation(
      summary = "Provider events received, newest first, by state",
      description =
          "state: processed, parked (given up after WEBHOOK_MAX_ATTEMPTS; retry by hand), waiting"
              + " (names no payment of ours yet), failing, pending.")
  @APIResponse(
      responseCode = "200",
      description = "A page of events (items: WebhookEventResponse)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public PageResponse<WebhookEventResponse> webhookEvents(
      @QueryParam("state") String state,
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    Optional<String> known =
        Params.present(state)
            .map(
                value ->
                    Optional.of(value.toLowerCase())
                        .filter(WebhookEventQueries.STATES::containsKey)
                        .orElseThrow(
                            () ->
                                new BillingException(
                                    ErrorCode.INVALID_INPUT,
                                    "state: one of "
                                        + new TreeSet<>(WebhookEventQueries.STATES.keySet()))));
    return PageResponse.of(
        webhookEvents.search(known, Params.page("page", page), Params.size(size)),
        WebhookEventResponse::of);
  }

  @POST
  @Path("webhook-events/{event_id}/retry")
  @Operation(
      summary = "Process a stored provider event again now (a parked one, or one still failing)",
      description = "Answers with the event after the attempt: processed, or why not.")
  @APIResponse(
      responseCode = "200",
      description = "The event after the attempt",
      content = @Content(schema = @Schema(implementation = WebhookEventResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such event",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(
      responseCode = "409",
      description = "The event was processed already",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public WebhookEventResponse retryWebhookEvent(
      @PathParam("event_id") @Pattern(regexp = "[0-9]{1,18}", message = "must be an event number")
          String eventId) {
    long id = Long.parseLong(eventId);
    WebhookEventView event =
        webhookEvents
            .find(id)
            .orElseThrow(
                () ->
                    new BillingException(
                        ErrorCode.WEBHOOK_EVENT_NOT_FOUND, "No such webhook event: " + id));
    if (!webhookProcessor.retry(event.id())) {
      throw new BillingException(
          ErrorCode.WEBHOOK_EVENT_PROCESSED, "Webhook event " + id + " was processed already");
    }
    return WebhookEventResponse.of(webhookEvents.find(id).orElseThrow());
  }

  @GET
  @Path("payments/{payment_id}/history")
  @Operation(summary = "Every transition of a payment, with its cause, oldest first")
  @APIResponse(
      responseCode = "200",
      description = "The transitions",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = TransitionResponse.class)))
  @APIResponse(responseCode = "404", ref = "NoSuchPayment")
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public List<TransitionResponse> history(
      @PathParam("payment_id") @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String paymentId) {
    ledger.get(Params.uuid(paymentId));
    return ledger.history(Params.uuid(paymentId)).stream().map(TransitionResponse::of).toList();
  }

  @POST
  @Path("payments/{payment_id}/refunds")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(summary = "Refund a paid payment, whole (no amount) or in part")
  @APIResponse(
      responseCode = "200",
      description = "The payment after the refund",
      content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
  @APIResponse(responseCode = "404", ref = "NoSuchPayment")
  @APIResponse(
      responseCode = "409",
      description =
          "The payment was not made or is refunded, or another refund of it is waiting for the"
              + " provider (REFUND_IN_PROGRESS)",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "502", ref = "RefundNotConfirmed")
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
  public PaymentResponse refund(
      @PathParam("payment_id") @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String paymentId,
      AdminRefundRequest body,
      @HeaderParam(IdempotencyFilter.HEADER)
          @Parameter(
              description = Idempotent.KEY_DESCRIPTION,
              schema = @Schema(type = SchemaType.STRING, maxLength = 255))
          String idempotencyKey) {
    AdminRefundRequest request = bodies.valid(body);
    return PaymentResponse.of(
        refunds.refundAsAdministrator(
            Params.uuid(paymentId),
            Optional.ofNullable(request.getAmount()),
            request.getReason(),
            publicApi.of(OwnListener.of(servletRequest))));
  }

  @GET
  @Path("stats")
  @Operation(
      summary = "Dashboard figures",
      description =
          "Active subscriptions, payments by status, and revenue (paid less refunded) per UTC day"
              + " and currency over the last `days` days (1-366, default 30).")
  @APIResponse(
      responseCode = "200",
      description = "The figures",
      content = @Content(schema = @Schema(implementation = StatsResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadListQuery")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "NotAdmin")
  public StatsResponse stats(@QueryParam("days") @DefaultValue("30") String days) {
    int span = Params.page("days", days);
    if (span > 366) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "days: a whole number from 1 to 366");
    }
    return StatsResponse.of(stats.stats(span));
  }

  private static String searchText(String query) {
    if (query.length() > 255) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "q: at most 255 characters");
    }
    return query;
  }

  private static <E extends Enum<E>> Optional<E> status(Class<E> type, String value) {
    return Params.present(value)
        .map(
            v ->
                Arrays.stream(type.getEnumConstants())
                    .filter(constant -> constant.name().equalsIgnoreCase(v))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new BillingException(
                                ErrorCode.INVALID_INPUT,
                                "status: one of " + Arrays.toString(type.getEnumConstants()))));
  }
}
