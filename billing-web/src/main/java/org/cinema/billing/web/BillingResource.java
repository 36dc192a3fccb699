package org.cinema.billing.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.catalog.CatalogService;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.payment.PaymentQueries;
import org.cinema.billing.payment.RefundService;
import org.cinema.billing.platform.PublicApi;
import org.cinema.billing.subscription.SubscribeResult;
import org.cinema.billing.subscription.SubscriptionLedger;
import org.cinema.billing.subscription.SubscriptionService;
import org.cinema.billing.web.dto.AddProductResponse;
import org.cinema.billing.web.dto.DelProductRequest;
import org.cinema.billing.web.dto.PageResponse;
import org.cinema.billing.web.dto.PaymentItem;
import org.cinema.billing.web.dto.PaymentResponse;
import org.cinema.billing.web.dto.ProductResponse;
import org.cinema.billing.web.dto.SubscriptionResponse;
import org.cinema.billing.web.idempotency.IdempotencyFilter;
import org.cinema.billing.web.idempotency.Idempotent;
import org.cinema.billing.webhook.WebhookInbox;
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

/** The original "billing" endpoints: products, subscribing, the statement, refunds, webhooks. */
@Path("v1/billing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "billing", description = "Products, subscriptions and payments")
public class BillingResource {

  @Inject private CatalogService catalog;

  @Inject private SubscriptionService subscribing;

  @Inject private SubscriptionLedger subscriptions;

  @Inject private PaymentQueries paymentQueries;

  @Inject private RefundService refunds;

  @Inject private WebhookInbox inbox;

  @Inject private WebhookProcessor processor;

  @Inject private Caller caller;

  @Inject private RequestBodies bodies;

  @Inject private PublicApi publicApi;

  @Context private HttpServletRequest servletRequest;

  @GET
  @Path("products")
  @RolesAllowed(Roles.USER)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Products on sale, each with the movies it contains")
  @APIResponse(
      responseCode = "200",
      description = "The products",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = ProductResponse.class)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  public List<ProductResponse> products() {
    return catalog.productsOnSale().stream().map(ProductResponse::of).toList();
  }

  @POST
  @Path("add-product/{product_id}")
  @RolesAllowed(Roles.USER)
  @Idempotent
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Subscribe to a product and get the page to pay on",
      description =
          "Creates the subscription, its first invoice and a payment (201). If an unpaid"
              + " subscription to the product exists, returns its checkout again (200).")
  @APIResponse(
      responseCode = "201",
      description = "Subscribed; pay at url",
      content = @Content(schema = @Schema(implementation = AddProductResponse.class)))
  @APIResponse(
      responseCode = "200",
      description = "Already subscribed, unpaid; pay at url",
      content = @Content(schema = @Schema(implementation = AddProductResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "product_id is not a UUID",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(
      responseCode = "404",
      description = "No such product on sale",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(
      responseCode = "409",
      description = "Already subscribed and paid",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
  public Response addProduct(
      @PathParam("product_id") @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String productId,
      @HeaderParam(IdempotencyFilter.HEADER)
          @Parameter(
              description = Idempotent.KEY_DESCRIPTION,
              schema = @Schema(type = SchemaType.STRING, maxLength = 255))
          String idempotencyKey) {
    UUID product = Params.uuid(productId);
    SubscribeResult result =
        subscribing.subscribe(
            caller.accountId(), product, publicApi.of(OwnListener.of(servletRequest)));
    return Response.status(result.ticket().created() ? 201 : 200)
        .entity(AddProductResponse.of(product, result))
        .build();
  }

  @DELETE
  @Path("del-product")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.USER)
  @Idempotent
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Cancel the subscription to a product",
      description =
          "A paid subscription runs to the end of its period and does not renew; an unpaid one"
              + " ends now.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription as it is now",
      content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "No body, or id is not a UUID",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(
      responseCode = "404",
      description = "No open subscription to that product",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
  public SubscriptionResponse delProduct(
      DelProductRequest body,
      @HeaderParam(IdempotencyFilter.HEADER)
          @Parameter(
              description = Idempotent.KEY_DESCRIPTION,
              schema = @Schema(type = SchemaType.STRING, maxLength = 255))
          String idempotencyKey) {
    DelProductRequest request = bodies.valid(body);
    return SubscriptionResponse.of(
        subscriptions.cancel(caller.accountId(), Params.uuid(request.getId())));
  }

  @GET
  @Path("payments/{from}/{to}")
  @RolesAllowed(Roles.USER)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "The caller's payments made between two dates (inclusive), newest first")
  @APIResponse(
      responseCode = "200",
      description = "A page of payments (items: PaymentItem)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not dates, to before from, or a bad page or size",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  public PageResponse<PaymentItem> payments(
      @PathParam("from") @Pattern(regexp = Params.DATE_PATTERN, message = Params.DATE_MESSAGE)
          String from,
      @PathParam("to") @Pattern(regexp = Params.DATE_PATTERN, message = Params.DATE_MESSAGE)
          String to,
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    LocalDate start = Params.date("from", from);
    LocalDate end = Params.date("to", to);
    if (end.isBefore(start)) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "to is before from");
    }
    return PageResponse.of(
        paymentQueries.statement(
            caller.accountId(), start, end, Params.page("page", page), Params.size(size)),
        PaymentItem::of);
  }

  @DELETE
  @Path("cancel-payment/{payment_id}")
  @RolesAllowed(Roles.USER)
  @Idempotent
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Refund a payment",
      description = "Refunds all that is left of it; the subscription it paid for ends now.")
  @APIResponse(
      responseCode = "200",
      description = "Refunded",
      content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "payment_id is not a UUID",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(
      responseCode = "404",
      description = "No such payment of the caller",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(
      responseCode = "409",
      description =
          "The payment was not made or is refunded (PAYMENT_NOT_REFUNDABLE), was paid longer ago"
              + " than VIEWER_REFUND_WINDOW (REFUND_WINDOW_CLOSED), or another refund of it is"
              + " waiting for the provider (REFUND_IN_PROGRESS)",
      content = @Content(schema = @Schema(ref = "Error")))
  @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
  @APIResponse(responseCode = "502", ref = "RefundNotConfirmed")
  public PaymentResponse cancelPayment(
      @PathParam("payment_id") @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
          String paymentId,
      @HeaderParam(IdempotencyFilter.HEADER)
          @Parameter(
              description = Idempotent.KEY_DESCRIPTION,
              schema = @Schema(type = SchemaType.STRING, maxLength = 255))
          String idempotencyKey) {
    return PaymentResponse.of(
        refunds.refundOwn(
            caller.accountId(),
            Params.uuid(paymentId),
            publicApi.of(OwnListener.of(servletRequest))));
  }

  @POST
  @Path("webhook")
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Payment provider events (Stripe format, Stripe-Signature header)",
      description = "Stored once per event id and processed asynchronously.")
  @APIResponse(
      responseCode = "200",
      description = "Received (or received before)",
      content = @Content(schema = @Schema(implementation = WebhookReceipt.class)))
  @APIResponse(
      responseCode = "400",
      description = "Bad signature or not an event; nothing kept",
      content = @Content(schema = @Schema(ref = "Error")))
  public WebhookReceipt webhook(byte[] body, @HeaderParam("Stripe-Signature") String signature) {
    if (signature == null || signature.isBlank()) {
      throw new BillingException(
          ErrorCode.INVALID_SIGNATURE, "The Stripe-Signature header is missing");
    }
    Optional<Long> stored = inbox.receive(new String(body, StandardCharsets.UTF_8), signature);
    stored.ifPresent(processor::processLater);
    return new WebhookReceipt(true, stored.isEmpty());
  }

  /** The webhook's answer to the provider. */
  public record WebhookReceipt(boolean received, boolean duplicate) {}
}
