package org.cinema.billing.notification;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The e-mail to a viewer about an event, in their language ({@code en}, else {@code ru}): a
 * subject, a plain-text body and the same as HTML. The words are in {@code mail_en.properties} and
 * {@code mail_ru.properties} beside this class; this class fills in the event's values (amounts,
 * dates in UTC, the product's name, the page to pay on) and lays the paragraphs out. Every value is
 * escaped in the HTML, and a link is only ever an {@code http(s)} one.
 */
public final class MailTemplates {

  private static final String BUNDLE = "org.cinema.billing.notification.mail";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  /** The data field holding the page on which a declined payment can be made again. */
  private static final String PAY_AGAIN_URL = "pay_again_url";

  private final Map<String, ResourceBundle> bundles = new HashMap<>();

  public MailTemplates() {
    for (String language : new String[] {"en", "ru"}) {
      bundles.put(
          language,
          ResourceBundle.getBundle(
              BUNDLE,
              Locale.forLanguageTag(language),
              MailTemplates.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
  }

  /** An e-mail ready to send. */
  public record Mail(String subject, String text, String html) {}

  /**
   * @param language the viewer's, {@code en} or {@code ru} (anything else: English)
   * @param name the viewer's name, when they gave one
   * @param product the product's name, empty when it is not known any more
   * @param data the event's {@code data}
   */
  public Mail render(
      EventType type, String language, Optional<String> name, String product, JsonObject data) {
    String lang = bundles.containsKey(language) ? language : "en";
    ResourceBundle words = bundles.get(lang);
    Map<String, String> values = values(words, Locale.forLanguageTag(lang), product, data);
    name.filter(n -> !n.isBlank()).ifPresent(n -> values.put("name", n.strip()));

    String event = type.wireName();
    String subject =
        fill(words.getString(event + ".subject"), values, UnaryOperator.identity())
            .orElseThrow(
                () -> new IllegalStateException("The subject of " + event + " lacks values"));
    Optional<String> link =
        Optional.ofNullable(values.get(PAY_AGAIN_URL))
            .filter(url -> words.containsKey(event + ".action"));

    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(lang)
        .append("\">\n<head><meta charset=\"utf-8\"><title>")
        .append(escape(subject))
        .append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5\">\n");
    for (String paragraph : paragraphs(words, event, values)) {
      text.append(fill(paragraph, values, UnaryOperator.identity()).orElseThrow()).append("\n\n");
      html.append("<p>")
          .append(fill(paragraph, values, MailTemplates::escape).orElseThrow())
          .append("</p>\n");
    }
    link.ifPresent(
        url -> {
          String label = words.getString(event + ".action");
          text.append(label).append(": ").append(url).append("\n\n");
          html.append("<p><a href=\"")
              .append(escape(url))
              .append("\">")
              .append(escape(label))
              .append("</a></p>\n");
        });
    String signature = words.getString("signature");
    text.append("-- \n").append(signature).append('\n');
    html.append("<p>").append(escape(signature)).append("</p>\n</body>\n</html>\n");
    return new Mail(subject, text.toString(), html.toString());
  }

  /** The greeting and the event's paragraphs whose values are all there, in order. */
  private static List<String> paragraphs(
      ResourceBundle words, String event, Map<String, String> values) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(words.getString(values.containsKey("name") ? "greeting" : "greeting.nameless"));
    for (int i = 1; words.containsKey(event + "." + i); i++) {
      String paragraph = words.getString(event + "." + i);
      if (fill(paragraph, values, UnaryOperator.identity()).isPresent()) {
        paragraphs.add(paragraph);
      }
    }
    return paragraphs;
  }

  /** What the templates can say, from the event's data. */
  private static Map<String, String> values(
      ResourceBundle words, Locale locale, String product, JsonObject data) {
    Map<String, String> values = new HashMap<>();
    values.put(
        "product",
        product == null || product.isBlank() ? words.getString("product.unknown") : product);
    DecimalFormat amounts =
        new DecimalFormat(
            words.getString("format.amount"), DecimalFormatSymbols.getInstance(locale));
    DateTimeFormatter dates =
        DateTimeFormatter.ofPattern(words.getString("format.date"), locale)
            .withZone(ZoneOffset.UTC);
    Optional<String> currency = string(data, "currency");
    number(data, "amount")
        .or(() -> number(data, "price"))
        .ifPresent(amount -> values.put("amount", money(amounts, amount, currency)));
    number(data, "refunded_amount")
        .ifPresent(amount -> values.put("refunded", money(amounts, amount, currency)));
    string(data, "period")
        .filter(code -> words.containsKey("period." + code))
        .ifPresent(code -> values.put("period", words.getString("period." + code)));
    date(data, "current_period_end", dates).ifPresent(date -> values.put("period_end", date));
    date(data, "renews_at", dates).ifPresent(date -> values.put("renews_at", date));
    date(data, "next_retry_at", dates).ifPresent(date -> values.put("next_retry", date));
    string(data, "failure_message").ifPresent(message -> values.put("failure", message));
    string(data, PAY_AGAIN_URL)
        .filter(MailTemplates::isWebLink)
        .ifPresent(url -> values.put(PAY_AGAIN_URL, url));
    return values;
  }

  private static String money(DecimalFormat format, BigDecimal amount, Optional<String> currency) {
    String formatted = format.format(amount.setScale(2, RoundingMode.HALF_UP));
    return currency.map(code -> formatted + " " + code).orElse(formatted);
  }

  /**
   * The template with its placeholders replaced by {@code escape}d values (the template's own text
   * escaped too); empty when a value is missing.
   */
  private static Optional<String> fill(
      String template, Map<String, String> values, UnaryOperator<String> escape) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    int from = 0;
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        return Optional.empty();
      }
      filled.append(escape.apply(template.substring(from, placeholder.start())));
      filled.append(escape.apply(value));
      from = placeholder.end();
    }
    filled.append(escape.apply(template.substring(from)));
    return Optional.of(filled.toString());
  }

  /** Text as HTML element content or a quoted attribute value. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static boolean isWebLink(String url) {
    try {
      String scheme = URI.create(url).getScheme();
      return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<BigDecimal> number(JsonObject data, String name) {
    JsonValue value = data.get(name);
    return value instanceof JsonNumber number
        ? Optional.of(number.bigDecimalValue())
        : Optional.empty();
  }

  private static Optional<String> string(JsonObject data, String name) {
    JsonValue value = data.get(name);
    return value instanceof JsonString string && !string.getString().isBlank()
        ? Optional.of(string.getString())
        : Optional.empty();
  }

  private static Optional<String> date(JsonObject data, String name, DateTimeFormatter format) {
    return string(data, name).map(Instant::parse).map(format::format);
  }
}
