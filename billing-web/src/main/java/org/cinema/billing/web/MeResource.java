package org.cinema.billing.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.cinema.billing.invoice.InvoiceQueries;
import org.cinema.billing.platform.PublicApi;
import org.cinema.billing.subscription.PaymentMethodService;
import org.cinema.billing.subscription.SubscriptionQueries;
import org.cinema.billing.web.dto.InvoiceResponse;
import org.cinema.billing.web.dto.PageResponse;
import org.cinema.billing.web.dto.PaymentMethodResponse;
import org.cinema.billing.web.dto.SubscriptionResponse;
import org.cinema.billing.web.idempotency.IdempotencyFilter;
import org.cinema.billing.web.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own subscriptions and invoices, and the card their renewals charge. */
@Path("v1/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
@SecurityRequirement(name = "bearer")
@Tag(name = "me", description = "The caller's subscriptions, invoices and saved card")
public class MeResource {

  @Inject private SubscriptionQueries subscriptions;

  @Inject private InvoiceQueries invoices;

  @Inject private PaymentMethodService paymentMethods;

  @Inject private Caller caller;

  @Inject private PublicApi publicApi;

  @Context private HttpServletRequest servletRequest;

  @GET
  @Path("subscriptions")
  @Operation(summary = "The caller's subscriptions, newest first")
  @APIResponse(
      responseCode = "200",
      description = "A page of subscriptions (items: SubscriptionResponse)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadPage")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  public PageResponse<SubscriptionResponse> subscriptions(
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    return PageResponse.of(
        subscriptions.search(
            Optional.of(caller.accountId()),
            Optional.empty(),
            Params.page("page", page),
            Params.size(size)),
        SubscriptionResponse::of);
  }

  @POST
  @Path("payment-method")
  @Idempotent
  @Operation(
      summary = "Get a page to save the card renewals charge",
      description =
          "Opens the payment provider's page in setup mode (Stripe Checkout, or the sandbox's):"
              + " the card saved there replaces the one saved before, and the next renewal charges"
              + " it. Nothing is charged. The request body, if any, is ignored.")
  @APIResponse(
      responseCode = "201",
      description = "A new page; save the card at url",
      content = @Content(schema = @Schema(implementation = PaymentMethodResponse.class)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
  @APIResponse(
      responseCode = "502",
      description = "The payment provider did not open a page (PROVIDER_UNAVAILABLE); try again",
      content = @Content(schema = @Schema(ref = "Error")))
  public Response replaceCard(
      @HeaderParam(IdempotencyFilter.HEADER)
          @Parameter(
              description = Idempotent.KEY_DESCRIPTION,
              schema = @Schema(type = SchemaType.STRING, maxLength = 255))
          String idempotencyKey) {
    String page =
        paymentMethods.openCardPage(
            caller.accountId(), publicApi.of(OwnListener.of(servletRequest)));
    return Response.status(Response.Status.CREATED).entity(new PaymentMethodResponse(page)).build();
  }

  @GET
  @Path("invoices")
  @Operation(summary = "The caller's invoices, newest first")
  @APIResponse(
      responseCode = "200",
      description = "A page of invoices (items: InvoiceResponse)",
      content = @Content(schema = @Schema(implementation = PageResponse.class)))
  @APIResponse(responseCode = "400", ref = "BadPage")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  public PageResponse<InvoiceResponse> invoices(
      @QueryParam("page") @DefaultValue("1") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    return PageResponse.of(
        invoices.search(
            Optional.of(caller.accountId()),
            Optional.empty(),
            Params.page("page", page),
            Params.size(size)),
        InvoiceResponse::of);
  }
}
