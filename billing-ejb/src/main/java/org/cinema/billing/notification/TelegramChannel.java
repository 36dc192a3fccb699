package org.cinema.billing.notification;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.common.json.Jsons;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operations chat: a short English summary of each event it wants, posted to the Telegram Bot
 * API's {@code sendMessage} ({@code TELEGRAM_API_URL}, default {@code https://api.telegram.org}, as
 * the bot {@code TELEGRAM_BOT_TOKEN} to {@code TELEGRAM_CHAT_ID}; {@code TELEGRAM_TIMEOUT_SECONDS},
 * 10, to connect and to answer). Anything but a 2xx answer is a failure, tried again.
 *
 * <p>The JDK's {@link HttpClient}, not a MicroProfile REST Client: the bot token is part of the
 * path, so a typed client would carry the secret in its configured base URL or in every call's
 * parameters, and one POST with explicit timeouts needs no interface. The token never appears in a
 * log line or in a recorded error (it is blanked out of anything an exception says).
 */
@ApplicationScoped
public class TelegramChannel implements NotificationChannel {

  public static final String NAME = "telegram";

  @Inject
  @ConfigProperty(name = "telegram.api-url", defaultValue = "https://api.telegram.org")
  private String apiUrl;

  @Inject
  @ConfigProperty(name = "telegram.timeout-seconds", defaultValue = "10")
  private int timeoutSeconds;

  @Inject private NotificationSettings settings;

  @Inject private ProductNames products;

  private HttpClient client;

  @PostConstruct
  void start() {
    client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(timeoutSeconds))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String send(Outgoing message) throws ChannelFailure {
    String token =
        settings
            .telegramToken()
            .orElseThrow(() -> new ChannelFailure("TELEGRAM_BOT_TOKEN is not set"));
    String chat =
        settings
            .telegramChat()
            .orElseThrow(() -> new ChannelFailure("TELEGRAM_CHAT_ID is not set"));
    List<String> lines = summary(message, products.of(message.data()));
    String body =
        Jsons.object()
            .add("chat_id", chat)
            .add("text", String.join("\n", lines))
            .add("disable_web_page_preview", true)
            .build()
            .toString();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(apiUrl.replaceAll("/+$", "") + "/bot" + token + "/sendMessage"))
            .timeout(Duration.ofSeconds(timeoutSeconds))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new ChannelFailure("Telegram did not answer within " + timeoutSeconds + " s");
    } catch (IOException e) {
      throw new ChannelFailure("Telegram could not be reached: " + blank(String.valueOf(e), token));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelFailure("Interrupted while sending to Telegram");
    }
    if (response.statusCode() / 100 != 2) {
      throw new ChannelFailure(
          "Telegram answered HTTP "
              + response.statusCode()
              + description(response.body()).map(d -> ": " + blank(d, token)).orElse(""));
    }
    return lines.get(0);
  }

  /** The message: the event and its amount first, then what it is about, one fact a line. */
  static List<String> summary(Outgoing message, Optional<String> product) {
    JsonObject data = message.data();
    List<String> lines = new ArrayList<>();
    String amount =
        money(data, "amount").or(() -> money(data, "price")).map(a -> ": " + a).orElse("");
    lines.add(message.type().wireName() + amount);
    money(data, "refunded_amount").ifPresent(refunded -> lines.add("Refunded: " + refunded));
    product.ifPresent(name -> lines.add("Product: " + name));
    message
        .viewer()
        .map(Outgoing.Viewer::accountId)
        .map(UUID::toString)
        .or(() -> text(data, "account_id"))
        .ifPresent(account -> lines.add("Account: " + account));
    text(data, "subscription_id").ifPresent(id -> lines.add("Subscription: " + id));
    text(data, "status").ifPresent(status -> lines.add("Status: " + status));
    text(data, "failure_message").ifPresent(failure -> lines.add("Failure: " + failure));
    text(data, "renews_at").ifPresent(at -> lines.add("Renews at: " + at));
    text(data, "next_retry_at").ifPresent(at -> lines.add("Next retry: " + at));
    text(data, "pay_again_url").ifPresent(url -> lines.add("Pay again: " + url));
    lines.add("Event: " + message.eventId());
    return lines;
  }

  private static Optional<String> money(JsonObject data, String name) {
    if (!(data.get(name) instanceof JsonNumber number)) {
      return Optional.empty();
    }
    String amount = number.bigDecimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    return Optional.of(text(data, "currency").map(c -> amount + " " + c).orElse(amount));
  }

  private static Optional<String> text(JsonObject data, String name) {
    return data.get(name) instanceof JsonString value
        ? Optional.of(value.getString())
        : Optional.empty();
  }

  /** The Bot API's own words for a refusal ({@code {"ok": false, "description": ...}}). */
  private static Optional<String> description(String body) {
    try (var reader = Jsons.reader(new StringReader(body))) {
      return text(reader.readObject(), "description")
          .map(d -> d.length() > 200 ? d.substring(0, 200) : d);
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }

  private static String blank(String text, String token) {
    return text.replace(token, "<bot token>");
  }
}
