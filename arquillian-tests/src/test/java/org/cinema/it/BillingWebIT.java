package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URL;
import java.sql.SQLException;
import java.util.UUID;
import org.cinema.it.support.Http;
import org.cinema.it.support.SharedMicro;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/** billing-web.war (with billing-ejb inside), which migrated its database when it started. */
class BillingWebIT {

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.BILLING));

  private final URL base = SharedMicro.SANDBOX.base();

  @Test
  void isReadyWithTheBillingSchemaMigrated() throws Exception {
    Http.Response health = Http.readiness(base.toURI());

    assertThat(health.status()).isEqualTo(200);
    assertThat(Http.check(health, "billing-database"))
        .hasValueSatisfying(
            check -> {
              assertThat(check.getString("status")).isEqualTo("UP");
              assertThat(check.getJsonObject("data").getString("version")).isEqualTo("12");
            });
  }

  @Test
  void servesTheApi() throws Exception {
    Http.Response ping = Http.get(URI.create(base + "api/v1/ping"));

    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.json().getString("status")).isEqualTo("ok");
  }

  @Test
  void migrationCreatesEveryBillingTable() throws Exception {
    assertThat(
            sql.column(
                "select table_name from information_schema.tables where table_schema = 'billing'"))
        .containsExactlyInAnyOrder(
            "flyway_schema_history",
            "renewal_run",
            "account",
            "movie",
            "product",
            "product_movie",
            "subscription",
            "invoice",
            "payment",
            "payment_transition",
            "refund",
            "webhook_event",
            "idempotency_record",
            "outbox_event",
            "notification",
            "webhook_endpoint",
            "etl_state",
            "login_throttle",
            "sandbox_saved_card",
            "sandbox_setup_session",
            "sandbox_checkout",
            "sandbox_intent",
            "sandbox_refund");
  }

  @Test
  void refusesASecondOpenSubscriptionToTheSameProduct() throws Exception {
    UUID account = newAccount();
    UUID product = newProduct();
    openSubscription(account, product);

    assertThatThrownBy(() -> openSubscription(account, product))
        .isInstanceOfSatisfying(
            PSQLException.class,
            e ->
                assertThat(e.getServerErrorMessage().getConstraint())
                    .isEqualTo("uq_subscription_open_per_account_product"));
    assertThat(
            sql.value(
                "select count(*) from billing.subscription where account_id = ? and product_id = ?",
                account,
                product))
        .isEqualTo(1L);
  }

  @Test
  void allowsANewSubscriptionOnceTheOldOneIsCanceled() throws Exception {
    UUID account = newAccount();
    UUID product = newProduct();
    UUID first = openSubscription(account, product);
    sql.update("update billing.subscription set status = 'CANCELED' where id = ?", first);

    openSubscription(account, product);

    assertThat(
            sql.column(
                "select status from billing.subscription where account_id = ? order by created_at",
                account))
        .containsExactlyInAnyOrder("CANCELED", "PENDING");
  }

  @Test
  void storesAProviderEventOnlyOnce() throws Exception {
    String eventId = "evt_" + UUID.randomUUID();
    String insert =
        "insert into billing.webhook_event (provider, event_id, event_type, payload)"
            + " values ('sandbox', ?, 'checkout.session.completed', '{}')";
    sql.update(insert, eventId);

    assertThatThrownBy(() -> sql.update(insert, eventId))
        .isInstanceOfSatisfying(
            PSQLException.class,
            e ->
                assertThat(e.getServerErrorMessage().getConstraint())
                    .isEqualTo("uq_webhook_event_provider_event"));
  }

  private UUID newAccount() throws SQLException {
    UUID id = UUID.randomUUID();
    sql.update(
        "insert into billing.account (id, login, password_hash, email) values (?, ?, 'x', ?)",
        id,
        "viewer-" + id,
        id + "@example.org");
    return id;
  }

  private UUID newProduct() throws SQLException {
    UUID id = UUID.randomUUID();
    sql.update(
        "insert into billing.product (id, name, price, currency, period)"
            + " values (?, 'Monthly films', 299.00, 'RUB', 'month')",
        id);
    return id;
  }

  private UUID openSubscription(UUID account, UUID product) throws SQLException {
    UUID id = UUID.randomUUID();
    sql.update(
        "insert into billing.subscription (id, account_id, product_id, price, currency, period)"
            + " values (?, ?, ?, 299.00, 'RUB', 'month')",
        id,
        account,
        product);
    return id;
  }
}
