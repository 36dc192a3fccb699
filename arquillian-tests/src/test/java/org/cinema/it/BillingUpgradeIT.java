package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import javax.sql.DataSource;
import org.cinema.common.db.SchemaMigrator;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A billing database that has sandbox payments from before the sandbox kept its own records
 * (migration V5) is upgraded so that those payments' pages, lookups and refunds keep working.
 */
class BillingUpgradeIT {

  @Test
  void sandboxPaymentsMadeBeforeTheUpgradeGetTheRecordsTheSandboxWouldHaveKept() throws Exception {
    String database = "upgrade_it_" + UUID.randomUUID().toString().substring(0, 8);
    new Sql(TestDatabase.dataSource("postgres")).update("create database " + database);
    DataSource dataSource = TestDatabase.dataSource(database);
    Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .schemas("billing")
        .createSchemas(true)
        .locations("classpath:db/migration/billing")
        .target("4")
        .load()
        .migrate();
    Sql sql = new Sql(dataSource);
    UUID account = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    sql.update(
        "insert into billing.account (id, login, password_hash, email) values (?, 'old', 'x', 'o@e')",
        account);
    sql.update(
        "insert into billing.product (id, name, price, currency, period)"
            + " values (?, 'Old films', 299.00, 'RUB', 'month')",
        product);
    UUID open = payment(sql, account, product, "PENDING", "cs_sandbox_", "299.00", "RUB");
    UUID paid =
        payment(sql, account, product, "PARTIALLY_REFUNDED", "cs_sandbox_", "299.00", "RUB");
    UUID yen = payment(sql, account, product, "SUCCEEDED", "pi_sandbox_", "1500.00", "JPY");
    UUID canceled = payment(sql, account, product, "CANCELED", "cs_sandbox_", "299.00", "RUB");
    UUID refund = UUID.randomUUID();
    sql.update(
        "insert into billing.refund (id, payment_id, amount, currency, status)"
            + " values (?, ?, 100.00, 'RUB', 'SUCCEEDED')",
        refund,
        paid);

    SchemaMigrator.migrate(
        dataSource, "billing", getClass().getClassLoader(), "classpath:db/migration/billing");

    assertThat(
            sql.column(
                "select status || ' ' || amount_minor || ' ' || description from"
                    + " billing.sandbox_checkout where payment_ref in (?, ?, ?) order by status",
                open,
                paid,
                canceled))
        .containsExactly(
            "complete 29900 Old films, month",
            "expired 29900 Old films, month",
            "open 29900 Old films, month");
    assertThat(
            sql.column(
                "select status || ' ' || amount_minor || ' ' || currency from billing.sandbox_intent"
                    + " order by amount_minor"))
        .as("the charges that paid, in minor units of their currency")
        .containsExactly("succeeded 1500 JPY", "succeeded 29900 RUB");
    assertThat(sql.value("select id from billing.sandbox_intent where payment_ref = ?", yen))
        .isEqualTo("pi_sandbox_" + yen.toString().replace("-", ""));
    assertThat(
            sql.value(
                "select amount_minor from billing.sandbox_refund where idempotency_key = ?",
                "refund-" + refund))
        .isEqualTo(10_000L);
    assertThat(
            sql.value(
                "select checkout_closed_at is not null from billing.payment where id = ?",
                canceled))
        .isEqualTo(true);
  }

  private static UUID payment(
      Sql sql,
      UUID account,
      UUID product,
      String status,
      String providerPrefix,
      String amount,
      String currency)
      throws Exception {
    UUID subscription = UUID.randomUUID();
    UUID invoice = UUID.randomUUID();
    UUID payment = UUID.randomUUID();
    sql.update(
        "insert into billing.subscription (id, account_id, product_id, status, price, currency,"
            + " period) values (?, ?, ?, 'EXPIRED', ?, ?, 'month')",
        subscription,
        account,
        product,
        new BigDecimal(amount),
        currency);
    sql.update(
        "insert into billing.invoice (id, subscription_id, account_id, amount, currency,"
            + " period_start, period_end) values (?, ?, ?, ?, ?, now(), now() + interval '1 month')",
        invoice,
        subscription,
        account,
        new BigDecimal(amount),
        currency);
    sql.update(
        "insert into billing.payment (id, invoice_id, account_id, amount, currency, status,"
            + " provider, provider_payment_id, refunded_amount)"
            + " values (?, ?, ?, ?, ?, ?, 'sandbox', ?, ?)",
        payment,
        invoice,
        account,
        new BigDecimal(amount),
        currency,
        status,
        providerPrefix + payment.toString().replace("-", ""),
        status.equals("PARTIALLY_REFUNDED") ? new BigDecimal("100.00") : BigDecimal.ZERO);
    return payment;
  }
}
