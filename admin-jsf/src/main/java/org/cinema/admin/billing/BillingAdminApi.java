package org.cinema.admin.billing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
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
import org.cinema.admin.billing.BillingRecords.Token;
import org.cinema.admin.billing.BillingRecords.Transition;
import org.cinema.admin.billing.BillingRecords.UpcomingRenewals;
import org.cinema.admin.billing.BillingRecords.WebhookEndpoint;
import org.cinema.admin.billing.BillingRecords.WebhookEvent;

/** billing-web's API as the admin uses it (MicroProfile REST Client, built in BillingAdmin). */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
public interface BillingAdminApi {

  @POST
  @Path("content/login")
  @Consumes(MediaType.APPLICATION_JSON)
  Token login(Login credentials);

  @GET
  @Path("admin/customers")
  Page<Customer> customers(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("q") String query,
      @QueryParam("page") int page,
      @QueryParam("size") int size);

  @GET
  @Path("admin/subscriptions")
  Page<Subscription> subscriptions(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("customer") UUID customer,
      @QueryParam("status") String status,
      @QueryParam("page") int page,
      @QueryParam("size") int size);

  @GET
  @Path("admin/invoices")
  Page<Invoice> invoices(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("customer") UUID customer,
      @QueryParam("status") String status,
      @QueryParam("page") int page,
      @QueryParam("size") int size);

  @GET
  @Path("admin/payments")
  Page<Payment> payments(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("customer") UUID customer,
      @QueryParam("status") String status,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("review") Boolean review,
      @QueryParam("page") int page,
      @QueryParam("size") int size);

  @GET
  @Path("admin/payments/{id}/refunds")
  List<Refund> refunds(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

  @GET
  @Path("admin/webhook-events")
  Page<WebhookEvent> webhookEvents(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("state") String state,
      @QueryParam("page") int page,
      @QueryParam("size") int size);

  @POST
  @Path("admin/webhook-events/{id}/retry")
  WebhookEvent retryWebhookEvent(
      @HeaderParam("Authorization") String bearer, @PathParam("id") long id);

  @GET
  @Path("admin/payments/{id}/history")
  List<Transition> history(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

  @POST
  @Path("admin/payments/{id}/refunds")
  @Consumes(MediaType.APPLICATION_JSON)
  Payment refund(
      @HeaderParam("Authorization") String bearer,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @PathParam("id") UUID id,
      RefundBody body);

  @GET
  @Path("admin/stats")
  Stats stats(@HeaderParam("Authorization") String bearer, @QueryParam("days") int days);

  /** Starts a renewal pass: 202 with the run at once; 409 while a pass runs. */
  @POST
  @Path("admin/renewals/runs")
  RenewalRun startRenewals(@HeaderParam("Authorization") String bearer);

  @GET
  @Path("admin/renewals/runs")
  Page<RenewalRun> renewalRuns(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("page") int page,
      @QueryParam("size") int size);

  @GET
  @Path("admin/renewals/upcoming")
  UpcomingRenewals upcomingRenewals(
      @HeaderParam("Authorization") String bearer, @QueryParam("days") int days);

  /** Deliveries of events, newest first; status PENDING, SENT, FAILED or DEAD. */
  @GET
  @Path("admin/notifications")
  Page<Notification> notifications(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("account_id") UUID account,
      @QueryParam("status") String status,
      @QueryParam("page") int page,
      @QueryParam("size") int size);

  /** A failed or parked delivery sent again: it is PENDING again (409 for any other). */
  @POST
  @Path("admin/notifications/{id}/retry")
  Notification retryNotification(
      @HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

  @GET
  @Path("admin/webhook-endpoints")
  Page<WebhookEndpoint> webhookEndpoints(
      @HeaderParam("Authorization") String bearer,
      @QueryParam("page") int page,
      @QueryParam("size") int size);

  /** 201 with the endpoint and, this once, its signing secret; 400 on a bad url or events. */
  @POST
  @Path("admin/webhook-endpoints")
  @Consumes(MediaType.APPLICATION_JSON)
  WebhookEndpoint createWebhookEndpoint(
      @HeaderParam("Authorization") String bearer, NewWebhookEndpoint endpoint);

  @POST
  @Path("admin/webhook-endpoints/{id}/disable")
  WebhookEndpoint disableWebhookEndpoint(
      @HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

  @POST
  @Path("admin/webhook-endpoints/{id}/enable")
  WebhookEndpoint enableWebhookEndpoint(
      @HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

  @DELETE
  @Path("admin/webhook-endpoints/{id}")
  void deleteWebhookEndpoint(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

  @GET
  @Path("admin/webhook-endpoints/{id}/deliveries")
  Page<Notification> webhookDeliveries(
      @HeaderParam("Authorization") String bearer,
      @PathParam("id") UUID id,
      @QueryParam("status") String status,
      @QueryParam("page") int page,
      @QueryParam("size") int size);
}
