package org.cinema.billing.web;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.cinema.billing.payment.sandbox.CardDetails;
import org.cinema.billing.payment.sandbox.CheckoutPage;
import org.cinema.billing.payment.sandbox.SandboxCardSetup;
import org.cinema.billing.payment.sandbox.SandboxCheckout;
import org.cinema.billing.payment.sandbox.SetupPage;
import org.cinema.billing.payment.sandbox.SetupSessions;
import org.cinema.billing.platform.PublicApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The sandbox's hosted checkout page, for a payment or, in setup mode, for saving the card renewals
 * charge ({@code POST /api/v1/me/payment-method} hands it out). {@code GET} shows an HTML form;
 * {@code POST} (form-encoded {@code card_number}, {@code exp_month}, {@code exp_year}, {@code cvc})
 * tries the card: it pays, or on the setup page it is saved and nothing is charged. Test cards:
 * 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has insufficient
 * funds, 4000 0000 0000 0341 is declined (it is the card that saves but cannot be charged).
 */
@Path("v1/sandbox/checkout/{session}")
@RequestScoped
@PermitAll
@Tag(name = "sandbox", description = "The offline payment provider's checkout page")
public class SandboxCheckoutResource {

  private static final String SESSION = "cs_sandbox_(setup_)?[0-9a-f]{32}";

  @Inject private SandboxCheckout checkout;

  @Inject private SandboxCardSetup cardSetup;

  @Inject private PublicApi publicApi;

  @Inject private RequestBodies bodies;

  @Context private HttpServletRequest servletRequest;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The checkout form")
  public String page(
      @PathParam("session") @Pattern(regexp = SESSION, message = "no such checkout")
          String session) {
    return SetupSessions.isSetup(session)
        ? html(cardSetup.page(session))
        : html(checkout.page(session));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(
      summary = "Pay with a test card, or save it on the setup page",
      description =
          "Form fields card_number, exp_month, exp_year, cvc. A card the setup page refuses is"
              + " answered 402 with the page.")
  public Response pay(
      @PathParam("session") @Pattern(regexp = SESSION, message = "no such checkout") String session,
      MultivaluedMap<String, String> form) {
    CardForm card =
        bodies.valid(
            new CardForm(
                form.getFirst("card_number"),
                form.getFirst("exp_month"),
                form.getFirst("exp_year"),
                form.getFirst("cvc")));
    URI apiBase = publicApi.of(OwnListener.of(servletRequest));
    if (SetupSessions.isSetup(session)) {
      // 402 for a card not saved, as Stripe's API answers card errors. The payment page answers a
      // decline with 200 and the page, as its clients have always read it.
      SetupPage page = cardSetup.save(session, card.details(), apiBase);
      return Response.status(page.refused() ? 402 : 200).entity(html(page)).build();
    }
    return Response.ok(html(checkout.pay(session, card.details(), apiBase))).build();
  }

  /** The card form's fields and their shapes. */
  public static final class CardForm {

    @NotNull(message = "is required")
    @Pattern(regexp = "[0-9 ]{12,23}", message = "must be a card number")
    private final String cardNumber;

    @NotNull(message = "is required")
    @Pattern(regexp = "(0?[1-9]|1[0-2])", message = "must be a month, 1 to 12")
    private final String expMonth;

    @NotNull(message = "is required")
    @Pattern(regexp = "([0-9]{2}|20[0-9]{2})", message = "must be a year")
    private final String expYear;

    @NotNull(message = "is required")
    @Pattern(regexp = "[0-9]{3,4}", message = "must be 3 or 4 digits")
    private final String cvc;

    CardForm(String cardNumber, String expMonth, String expYear, String cvc) {
      this.cardNumber = cardNumber;
      this.expMonth = expMonth;
      this.expYear = expYear;
      this.cvc = cvc;
    }

    CardDetails details() {
      return new CardDetails(
          cardNumber, Integer.parseInt(expMonth), Integer.parseInt(expYear), cvc);
    }
  }

  private static String html(CheckoutPage page) {
    StringBuilder body = new StringBuilder();
    body.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">")
        .append("<title>Sandbox checkout</title></head><body>")
        .append("<h1>Cinema: sandbox checkout</h1>")
        .append("<p id=\"description\">")
        .append(escape(page.description()))
        .append("</p><p id=\"amount\">")
        .append(page.amount().toPlainString())
        .append(' ')
        .append(escape(page.currency()))
        .append("</p><p id=\"status\">Payment status: ")
        .append(page.status())
        .append("</p>");
    page.outcome()
        .ifPresent(
            outcome -> body.append("<p id=\"outcome\">").append(escape(outcome)).append("</p>"));
    if (page.open()) {
      body.append("<form method=\"post\">")
          .append("<label>Card number <input name=\"card_number\" value=\"4242 4242 4242 4242\">")
          .append("</label><br><label>Expiry month <input name=\"exp_month\" value=\"12\">")
          .append("</label><br><label>Expiry year <input name=\"exp_year\" value=\"2034\">")
          .append("</label><br><label>CVC <input name=\"cvc\" value=\"123\"></label><br>")
          .append("<button type=\"submit\">Pay</button></form>")
          .append("<p>Test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined;")
          .append(" 4000 0000 0000 9995 has insufficient funds;")
          .append(" 4000 0000 0000 0341 is declined.</p>");
    }
    return body.append("</body></html>").toString();
  }

  private static String html(SetupPage page) {
    StringBuilder body = new StringBuilder();
    body.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">")
        .append("<title>Sandbox: save a card</title></head><body>")
        .append("<h1>Cinema: sandbox checkout</h1>")
        .append("<p id=\"mode\">Save a card, nothing is charged. Your renewals are charged to")
        .append(" the card you save here.</p><p id=\"status\">Setup status: ")
        .append(page.status())
        .append("</p>");
    page.outcome()
        .ifPresent(
            outcome -> body.append("<p id=\"outcome\">").append(escape(outcome)).append("</p>"));
    if (page.open()) {
      body.append("<form method=\"post\">")
          .append("<label>Card number <input name=\"card_number\" value=\"4242 4242 4242 4242\">")
          .append("</label><br><label>Expiry month <input name=\"exp_month\" value=\"12\">")
          .append("</label><br><label>Expiry year <input name=\"exp_year\" value=\"2034\">")
          .append("</label><br><label>CVC <input name=\"cvc\" value=\"123\"></label><br>")
          .append("<button type=\"submit\">Save card</button></form>")
          .append("<p>Test cards: 4242 4242 4242 4242 is saved; 4000 0000 0000 0341 is saved,")
          .append(" and every charge on it is declined; 4000 0000 0000 0002 and")
          .append(" 4000 0000 0000 9995 are declined.</p>");
    }
    return body.append("</body></html>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
