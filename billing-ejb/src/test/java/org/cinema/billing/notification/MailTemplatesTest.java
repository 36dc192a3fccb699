package org.cinema.billing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.cinema.common.json.Jsons;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private static final String PRODUCT = "Feature films, monthly";

  private final MailTemplates templates = new MailTemplates();

  private static JsonObject payment() {
    return Jsons.object()
        .add("amount", new java.math.BigDecimal("1299.5"))
        .add("currency", "RUB")
        .add("subscription_id", "00000000-0000-4000-8000-000000000999")
        .build();
  }

  private static JsonObject subscription() {
    return Jsons.object()
        .add("price", new java.math.BigDecimal("299.00"))
        .add("currency", "RUB")
        .add("period", "month")
        .add("current_period_start", "2025-05-12T10:00:00Z")
        .add("current_period_end", "2025-06-12T10:00:00Z")
        .build();
  }

  @Test
  void aRussianViewerGetsRussianWithRussianNumbersAndDates() {
    MailTemplates.Mail paid =
        templates.render(
            EventType.PAYMENT_SUCCEEDED, "ru", Optional.of("Анна"), PRODUCT, payment());
    assertThat(paid.subject()).isEqualTo("Оплата получена: " + PRODUCT);
    assertThat(paid.text())
        .startsWith("Здравствуйте, Анна!")
        .contains("Мы получили оплату 1\u00a0299,50 RUB за «" + PRODUCT + "».")
        .doesNotContain("{");
    assertThat(paid.html())
        .contains("<html lang=\"ru\">", "1\u00a0299,50 RUB", "Здравствуйте, Анна!");

    MailTemplates.Mail active =
        templates.render(
            EventType.SUBSCRIPTION_ACTIVATED, "ru", Optional.of("Анна"), PRODUCT, subscription());
    assertThat(active.subject()).isEqualTo("Подписка оформлена: " + PRODUCT);
    assertThat(active.text()).contains("12 июня 2025", "299,00 RUB", "месяц");
  }

  @Test
  void anEnglishViewerGetsEnglish() {
    MailTemplates.Mail active =
        templates.render(
            EventType.SUBSCRIPTION_ACTIVATED, "en", Optional.empty(), PRODUCT, subscription());
    assertThat(active.subject()).isEqualTo("Your subscription is active: " + PRODUCT);
    assertThat(active.text())
        .startsWith("Hello,")
        .contains("until 12 June 2025", "299.00 RUB a month")
        .doesNotContain("{");
    assertThat(active.html()).contains("<html lang=\"en\">", "12 June 2025");
  }

  @Test
  void anUnknownLanguageIsEnglish() {
    assertThat(
            templates
                .render(EventType.PAYMENT_SUCCEEDED, "de", Optional.empty(), PRODUCT, payment())
                .subject())
        .isEqualTo("Payment received: " + PRODUCT);
  }

  @Test
  void htmlEscapesEveryValueAndTheTextKeepsThemAsTheyAre() {
    MailTemplates.Mail mail =
        templates.render(
            EventType.PAYMENT_SUCCEEDED,
            "en",
            Optional.of("Tom \"<script>\" & Jerry"),
            "<b>Kids & Co</b>",
            payment());
    assertThat(mail.html())
        .contains("Tom &quot;&lt;script&gt;&quot; &amp; Jerry", "&lt;b&gt;Kids &amp; Co&lt;/b&gt;")
        .doesNotContain("<script>", "<b>Kids");
    assertThat(mail.text()).contains("Tom \"<script>\" & Jerry", "<b>Kids & Co</b>");
    assertThat(mail.subject()).isEqualTo("Payment received: <b>Kids & Co</b>");
  }

  @Test
  void aDeclinedPaymentLinksToThePageToPayAgainOn() {
    JsonObject declined =
        Jsons.object()
            .add("amount", new java.math.BigDecimal("299.00"))
            .add("currency", "RUB")
            .add("pay_again_url", "https://pay.example.org/checkout?id=1&s=2")
            .build();
    MailTemplates.Mail mail =
        templates.render(EventType.PAYMENT_FAILED, "en", Optional.empty(), PRODUCT, declined);
    assertThat(mail.text()).contains("Pay again: https://pay.example.org/checkout?id=1&s=2");
    assertThat(mail.html())
        .contains("<a href=\"https://pay.example.org/checkout?id=1&amp;s=2\">Pay again</a>");

    MailTemplates.Mail russian =
        templates.render(EventType.PAYMENT_FAILED, "ru", Optional.empty(), PRODUCT, declined);
    assertThat(russian.html()).contains(">Оплатить снова</a>");
  }

  @Test
  void aLinkThatIsNotHttpIsNeverALink() {
    JsonObject declined =
        Jsons.object()
            .add("amount", new java.math.BigDecimal("299.00"))
            .add("currency", "RUB")
            .add("pay_again_url", "javascript:alert(1)")
            .build();
    MailTemplates.Mail mail =
        templates.render(EventType.PAYMENT_FAILED, "en", Optional.empty(), PRODUCT, declined);
    assertThat(mail.html()).doesNotContain("javascript", "<a ");
    assertThat(mail.text()).doesNotContain("javascript");
  }

  @Test
  void aParagraphWhoseValuesAreMissingIsLeftOut() {
    JsonObject pastDue =
        Jsons.object()
            .add("price", new java.math.BigDecimal("299.00"))
            .add("currency", "RUB")
            .add("period", "month")
            .build();
    MailTemplates.Mail mail =
        templates.render(EventType.SUBSCRIPTION_PAST_DUE, "en", Optional.empty(), PRODUCT, pastDue);
    assertThat(mail.text()).contains("299.00 RUB").doesNotContain("{", "try again on");
  }

  @Test
  void everyEventHasASubjectAndABodyInBothLanguages() {
    JsonObject everything =
        Jsons.object()
            .add("amount", new java.math.BigDecimal("299.00"))
            .add("refunded_amount", new java.math.BigDecimal("100.00"))
            .add("price", new java.math.BigDecimal("299.00"))
            .add("currency", "RUB")
            .add("period", "year")
            .add("current_period_end", "2025-06-12T10:00:00Z")
            .add("renews_at", "2025-06-12T10:00:00Z")
            .add("next_retry_at", "2025-06-13T10:00:00Z")
            .add("pay_again_url", "https://pay.example.org/x")
            .build();
    for (EventType type : EventType.values()) {
      for (String language : new String[] {"en", "ru"}) {
        MailTemplates.Mail mail =
            templates.render(type, language, Optional.of("Ann"), PRODUCT, everything);
        assertThat(mail.subject()).as("%s %s", type, language).contains(PRODUCT);
        assertThat(mail.text()).as("%s %s", type, language).contains(PRODUCT).doesNotContain("{");
        assertThat(mail.html()).as("%s %s", type, language).contains(PRODUCT).doesNotContain("{");
      }
    }
  }
}
