package org.cinema.billing.web;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a provider's hosted checkout sends the viewer back (Stripe's success and cancel URLs,
 * unless {@code STRIPE_SUCCESS_URL}/{@code STRIPE_CANCEL_URL} name a page of the cinema's own
 * site), and its card page in setup mode (always these pages). A page only says what to expect: the
 * payment itself, or the card saved, is settled by the provider's webhook.
 */
@Path("v1/checkout")
@ApplicationScoped
@PermitAll
@Tag(name = "checkout", description = "Pages a hosted checkout returns the viewer to")
public class CheckoutReturnResource {

  @GET
  @Path("complete")
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "After paying on the provider's page")
  public String complete() {
    return page(
        "Thank you",
        "Your payment was sent. Access opens as soon as the payment provider confirms it,"
            + " usually within seconds.");
  }

  @GET
  @Path("canceled")
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "After leaving the provider's page without paying")
  public String canceled() {
    return page(
        "Not paid", "Nothing was charged. Subscribe again to get back to the payment page.");
  }

  @GET
  @Path("card-saved")
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "After saving a card on the provider's page")
  public String cardSaved() {
    return page(
        "Card saved",
        "Your next renewal is charged to the card you saved, as soon as the payment provider"
            + " confirms it (usually within seconds). Nothing was charged now.");
  }

  @GET
  @Path("card-not-saved")
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "After leaving the provider's page without saving a card")
  public String cardNotSaved() {
    return page(
        "No card saved", "Nothing changed: renewals are charged to the card you saved before.");
  }

  private static String page(String title, String text) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>"
        + title
        + "</title></head><body><h1>"
        + title
        + "</h1><p>"
        + text
        + "</p></body></html>";
  }
}
