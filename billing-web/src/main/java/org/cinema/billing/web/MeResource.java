package org.cinema.billing.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.cinema.billing.invoice.InvoiceQueries;
import org.cinema.billing.subscription.SubscriptionQueries;
import org.cinema.billing.web.dto.InvoiceResponse;
import org.cinema.billing.web.dto.PageResponse;
import org.cinema.billing.web.dto.SubscriptionResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own subscriptions and invoices. */
@Path("v1/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
@SecurityRequirement(name = "bearer")
@Tag(name = "me", description = "The caller's subscriptions and invoices")
public class MeResource {

  @Inject private SubscriptionQueries subscriptions;

  @Inject private InvoiceQueries invoices;

  @Inject private Caller caller;

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
