package org.cinema.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinema.it.support.BillingClient;
import org.cinema.it.support.FreePorts;
import org.cinema.it.support.Http;
import org.cinema.it.support.RunCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the viewer and the operations chat are told, through the whole system as {@code make run}
 * starts it: e-mail to an SMTP server the test runs (GreenMail), in the viewer's language, and
 * Telegram messages to a stand-in for the Bot API (WireMock). Retries are seconds apart here.
 */
class NotificationChannelsIT {

  private static final UUID DEMO_PRODUCT = UUID.fromString("00000000-0000-4000-8000-000000000201");
  private static final String PRODUCT_NAME = "Feature films, monthly";
  private static final String BOT_TOKEN = "123456:bot-token-for-tests";
  private static final String CHAT_ID = "-1001234567";
  private static final String SEND_MESSAGE = "/bot" + BOT_TOKEN + "/sendMessage";
  private static final String ADMIN_LOGIN = "billing-admin";
  private static final String ADMIN_PASSWORD = "notification-test-admin";

  private static int smtpPort;
  private static GreenMail smtp;
  private static WireMockServer telegram;
  private static RunCommand system;
  private static BillingClient api;
  private static String admin;

  @BeforeAll
  static void startTheSystem() throws Exception {
    smtpPort = FreePorts.next();
    smtp = startSmtp();
    telegram = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    telegram.start();
    telegram.stubFor(
        post(urlPathEqualTo(SEND_MESSAGE))
            .atPriority(10)
            .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":1}}")));
    Path data = Path.of("target", "notification-channels-data");
    Files.createDirectories(data);
    system =
        RunCommand.start(
            Files.createTempDirectory(data, "run"),
            data.resolve("run.log"),
            Map.ofEntries(
                Map.entry("NOTIFY_VIEWER_CHANNEL", "email"),
                Map.entry("SMTP_HOST", "127.0.0.1"),
                Map.entry("SMTP_PORT", String.valueOf(smtpPort)),
                Map.entry("SMTP_TIMEOUT_SECONDS", "5"),
                Map.entry("MAIL_FROM", "Cinema billing <billing@localhost>"),
                Map.entry("TELEGRAM_BOT_TOKEN", BOT_TOKEN),
                Map.entry("TELEGRAM_CHAT_ID", CHAT_ID),
                Map.entry("TELEGRAM_API_URL", telegram.baseUrl()),
                Map.entry("NOTIFY_RETRY_BASE", "PT1S"),
                Map.entry("NOTIFY_RETRY_CAP", "PT2S"),
                Map.entry("NOTIFY_MAX_ATTEMPTS", "3"),
                Map.entry("BILLING_ADMIN_LOGIN", ADMIN_LOGIN),
                Map.entry("BILLING_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("ETL_INTERVAL_SECONDS", "2")));
    api = new BillingClient(system.baseUri().resolve("/"));
    admin = api.login(ADMIN_LOGIN, ADMIN_PASSWORD);
  }

  @AfterAll
  static void stopTheSystem() throws Exception {
    if (system != null) {
      system.close();
    }
    if (telegram != null) {
      telegram.stop();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aRussianViewerIsWrittenToInRussianAndAnEnglishOneInEnglishOnce() throws Exception {
    String russian = BillingClient.freshLogin();
    String russianToken =
        registered(
            BillingClient.registration(russian)
                .add("language", "ru")
                .add("fullname", "Анна <Кино> & Co")
                .build());
    String english = BillingClient.freshLogin();
    String englishToken = registered(BillingClient.registration(english).build());

    pay(russianToken);
    String englishPayment = pay(englishToken);

    List<Mail> toRussian = awaitMails(russian, 2);
    assertThat(toRussian)
        .extracting(Mail::subject)
        .containsExactlyInAnyOrder(
            "Оплата получена: " + PRODUCT_NAME, "Подписка оформлена: " + PRODUCT_NAME);
    for (Mail mail : toRussian) {
      assertThat(mail.from()).isEqualTo("Cinema billing <billing@localhost>");
      assertThat(mail.text())
          .contains("Здравствуйте, Анна <Кино> & Co!", "299,00 RUB", PRODUCT_NAME);
      assertThat(mail.html())
          .contains("<html lang=\"ru\">", "Анна &lt;Кино&gt; &amp; Co", "299,00 RUB", PRODUCT_NAME)
          .doesNotContain("<Кино>");
    }
    assertThat(paid(toRussian).text()).contains("Мы получили оплату");

    List<Mail> toEnglish = awaitMails(english, 2);
    assertThat(toEnglish)
        .extracting(Mail::subject)
        .containsExactlyInAnyOrder(
            "Payment received: " + PRODUCT_NAME, "Your subscription is active: " + PRODUCT_NAME);
    for (Mail mail : toEnglish) {
      assertThat(mail.text()).contains("Hello, Test Viewer,", "299.00 RUB", PRODUCT_NAME);
      assertThat(mail.html()).contains("<html lang=\"en\">", "299.00 RUB", PRODUCT_NAME);
    }
    assertThat(paid(toEnglish).text()).contains("We received your payment of 299.00 RUB");

    // Each delivery is recorded as sent, under the subject it went out with.
    for (String token : List.of(russianToken, englishToken)) {
      await("the e-mail deliveries recorded as sent")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(notifications(token, "email"))
                      .extracting(n -> n.getString("status"))
                      .containsExactly("SENT", "SENT"));
    }
    assertThat(notifications(englishToken, "email"))
        .extracting(n -> n.getString("event") + ": " + n.getString("subject"))
        .containsExactlyInAnyOrder(
            "payment.succeeded: Payment received: " + PRODUCT_NAME,
            "subscription.activated: Your subscription is active: " + PRODUCT_NAME);

    // A refund is written about too, with the amount back, and so is the subscription it ends.
    Http.Response refunded = api.cancelPayment(englishToken, englishPayment);
    assertThat(refunded.status()).as("refund: %s", refunded).isEqualTo(200);
    List<Mail> afterRefund = awaitMails(english, 4);
    assertThat(afterRefund)
        .extracting(Mail::subject)
        .contains("Refund: " + PRODUCT_NAME, "Subscription canceled: " + PRODUCT_NAME);
    assertThat(afterRefund)
        .filteredOn(mail -> mail.subject().startsWith("Refund"))
        .singleElement()
        .satisfies(mail -> assertThat(mail.text()).contains("299.00 RUB", PRODUCT_NAME));

    // Sent once: nothing more arrives for either of them (the only fixed wait: proving absence).
    int toEnglishNow = mailsTo(english).size();
    Thread.sleep(4000);
    assertThat(mailsTo(russian)).hasSize(2);
    assertThat(mailsTo(english)).hasSize(toEnglishNow);
  }

  @Test
  void mailThatCannotGoOutIsRetriedThenParkedAndAnAdministratorSendsItAgain() throws Exception {
    String login = BillingClient.freshLogin();
    String token = registered(BillingClient.registration(login).build());
    smtp.stop();
    try {
      pay(token);
      await("the first attempts fail")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(notifications(token, "email"))
                      .anySatisfy(
                          n -> {
                            assertThat(n.getString("status")).isEqualTo("FAILED");
                            assertThat(n.getInt("attempts")).isBetween(1, 2);
                            assertThat(n.getString("last_error")).contains("SMTP");
                          }));
      await("every e-mail delivery parked after its third attempt")
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(notifications(token, "email"))
                      .hasSize(2)
                      .allSatisfy(
                          n -> {
                            assertThat(n.getString("status")).isEqualTo("DEAD");
                            assertThat(n.getInt("attempts")).isEqualTo(3);
                          }));
    } finally {
      smtp = startSmtp();
    }
    assertThat(mailsTo(login)).isEmpty();

    for (JsonObject parked : notifications(token, "email")) {
      Http.Response retried =
          api.post("admin/notifications/" + parked.getString("id") + "/retry", admin, null);
      assertThat(retried.status()).as("retry: %s", retried).isEqualTo(200);
    }
    assertThat(awaitMails(login, 2))
        .extracting(Mail::subject)
        .containsExactlyInAnyOrder(
            "Payment received: " + PRODUCT_NAME, "Your subscription is active: " + PRODUCT_NAME);
    await("the retried deliveries recorded as sent")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(notifications(token, "email"))
                    .allSatisfy(n -> assertThat(n.getString("status")).isEqualTo("SENT")));
  }

  @Test
  void theOperationsChatIsToldOnceAfterTheBotApiFailedTwice() throws Exception {
    String token = registered(BillingClient.registration(BillingClient.freshLogin()).build());
    String account = BillingClient.accountOf(token).toString();
    String flaky = "flaky-" + account;
    telegram.stubFor(
        paymentOf(account, flaky, Scenario.STARTED)
            .willReturn(aResponse().withStatus(500).withBody("{\"ok\":false}"))
            .willSetStateTo("failed once"));
    telegram.stubFor(
        paymentOf(account, flaky, "failed once")
            .willReturn(aResponse().withStatus(500).withBody("{\"ok\":false}"))
            .willSetStateTo("failed twice"));
    telegram.stubFor(
        paymentOf(account, flaky, "failed twice")
            .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":2}}"))
            .willSetStateTo("sent"));

    pay(token);

    await("the payment told to the operations chat")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(notifications(token, "telegram"))
                    .filteredOn(n -> n.getString("event").equals("payment.succeeded"))
                    .singleElement()
                    .satisfies(
                        n -> {
                          assertThat(n.getString("status")).isEqualTo("SENT");
                          assertThat(n.getInt("attempts")).isEqualTo(3);
                        }));
    var asked =
        postRequestedFor(urlPathEqualTo(SEND_MESSAGE))
            .withRequestBody(containing(account))
            .withRequestBody(containing("payment.succeeded"));
    assertThat(telegram.findAll(asked)).hasSize(3);
    JsonObject body = json(telegram.findAll(asked).get(2).getBodyAsString());
    assertThat(body.getString("chat_id")).isEqualTo(CHAT_ID);
    assertThat(body.getString("text")).contains("payment.succeeded", account, "299.00 RUB");

    // Sent once: no fourth request for it (the only fixed wait: proving absence).
    Thread.sleep(4000);
    assertThat(telegram.findAll(asked)).hasSize(3);
    assertThat(system.output()).doesNotContain(BOT_TOKEN);
  }

  /** The Bot API's answer to the message about this viewer's payment, in a scenario's state. */
  private static ScenarioMappingBuilder paymentOf(String account, String scenario, String state) {
    return post(urlPathEqualTo(SEND_MESSAGE))
        .atPriority(1)
        .withRequestBody(containing(account))
        .withRequestBody(containing("payment.succeeded"))
        .inScenario(scenario)
        .whenScenarioStateIs(state);
  }

  private static String registered(JsonObject body) {
    Http.Response response = api.register(body);
    assertThat(response.status()).as("register: %s", response).isEqualTo(200);
    return response.json().getString("access_token");
  }

  /** Subscribes to the demo product and pays on the sandbox's page; the payment's id. */
  private static String pay(String token) {
    await("the demo catalog carried to billing by the ETL")
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("billing/products", token).body().contains(DEMO_PRODUCT.toString()));
    Http.Response added = api.addProduct(token, DEMO_PRODUCT);
    assertThat(added.status()).as("add-product: %s", added).isEqualTo(201);
    assertThat(api.payOnCheckout(added.json().getString("url"), "4242 4242 4242 4242").status())
        .isEqualTo(200);
    await("the payment confirmed by the sandbox's webhook")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.statement(token)
                    .json()
                    .getJsonArray("items")
                    .getJsonObject(0)
                    .getString("status")
                    .equals("SUCCEEDED"));
    return added.json().getString("payment_id");
  }

  /** The viewer's deliveries on one channel, as the admin API lists them. */
  private static List<JsonObject> notifications(String viewerToken, String channel) {
    Http.Response list =
        api.get(
            "admin/notifications?size=100&account_id=" + BillingClient.accountOf(viewerToken),
            admin);
    assertThat(list.status()).as("notifications: %s", list).isEqualTo(200);
    return list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(n -> n.getString("channel").equals(channel))
        .toList();
  }

  private static List<Mail> awaitMails(String login, int count) throws Exception {
    await(count + " e-mails to " + login)
        .atMost(Duration.ofSeconds(60))
        .until(() -> mailsTo(login).size() >= count);
    List<Mail> mails = mailsTo(login);
    assertThat(mails).hasSize(count);
    return mails;
  }

  private static Mail paid(List<Mail> mails) {
    return mails.stream()
        .filter(mail -> mail.subject().contains("Оплата") || mail.subject().contains("Payment"))
        .findFirst()
        .orElseThrow();
  }

  /** What the SMTP server received for {@code login@example.org}, oldest first. */
  private static List<Mail> mailsTo(String login) throws MessagingException, IOException {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      Address[] to = message.getAllRecipients();
      if (to != null
          && Arrays.stream(to).anyMatch(a -> a.toString().contains(login + "@example.org"))) {
        mails.add(Mail.of(message));
      }
    }
    return mails;
  }

  /** An e-mail as the viewer reads it: multipart/alternative, plain text then HTML. */
  private record Mail(String from, String subject, String text, String html) {

    static Mail of(MimeMessage message) throws MessagingException, IOException {
      assertThat(message.getContentType()).startsWith("multipart/alternative");
      MimeMultipart parts = (MimeMultipart) message.getContent();
      assertThat(parts.getCount()).isEqualTo(2);
      BodyPart text = parts.getBodyPart(0);
      BodyPart html = parts.getBodyPart(1);
      assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
      assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
      return new Mail(
          MimeUtility.decodeText(message.getHeader("From", null)),
          message.getSubject(),
          (String) text.getContent(),
          (String) html.getContent());
    }
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    server.start();
    return server;
  }
}
