package org.cinema.billing.payment.sandbox;

import com.stripe.net.Webhook;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.cinema.billing.platform.PublicApi;
import org.cinema.common.json.Jsons;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the sandbox's events the way Stripe does: JSON in Stripe's event format, signed with {@code
 * Stripe-Signature: t=..,v1=HMAC-SHA256(secret, t.payload)}, POSTed to the billing webhook from
 * another thread once what they report is committed, retried a few times if the webhook does not
 * answer 2xx. An event lost (the process died before it went out) is not a payment lost: the
 * reconciler asks the sandbox's records.
 *
 * <p>With {@code SANDBOX_REFUND_EVENTS_FIRST=true}, a refund's {@code charge.refunded} is delivered
 * before the refund call returns, and the call waits a moment for it to be processed: the order
 * Stripe sometimes has, which the money rules must survive.
 */
@ApplicationScoped
public class SandboxWebhooks {

  private static final Logger LOG = Logger.getLogger(SandboxWebhooks.class.getName());
  private static final int ATTEMPTS = 5;

  @Inject
  @ConfigProperty(name = "sandbox.webhook-secret")
  private Optional<String> configuredSecret;

  @Inject
  @ConfigProperty(name = "sandbox.webhook-url")
  private Optional<String> configuredTarget;

  @Inject
  @ConfigProperty(name = "sandbox.refund-events-first", defaultValue = "false")
  private boolean refundEventsFirst;

  @Inject
  @ConfigProperty(name = "sandbox.refund-events-first-wait-ms", defaultValue = "500")
  private long refundEventsFirstWaitMs;

  @Resource private ManagedExecutorService executor;

  @Inject private Clock clock;

  @Inject private PublicApi publicApi;

  @Inject private Event<Outgoing> outgoing;

  /**
   * HTTP/1.1, as Stripe's deliveries are: with the default, an {@code http://} target is asked to
   * upgrade to HTTP/2, and Payara's listener then carries every delivery on one connection, one
   * frame at a time.
   */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private String secret;

  /** An event to deliver once the transaction that produced it committed. */
  public record Outgoing(URI target, String payload) {}

  @PostConstruct
  void chooseSecret() {
    secret =
        configuredSecret
            .filter(value -> !value.isBlank())
            .orElseGet(
                () -> {
                  LOG.warning(
                      "SANDBOX_WEBHOOK_SECRET is not set: using a random secret, good for"
                          + " this one instance only");
                  byte[] random = new byte[24];
                  new SecureRandom().nextBytes(random);
                  return "whsec_" + HexFormat.of().formatHex(random);
                });
  }

  public String secret() {
    return secret;
  }

  /**
   * Sends an event of {@code type} about {@code object} to the webhook behind {@code apiBase} (or
   * the configured one), after the current transaction commits (at once without one).
   */
  public void send(String type, JsonObject object, URI apiBase) {
    target(apiBase).ifPresent(target -> outgoing.fire(new Outgoing(target, event(type, object))));
  }

  /** A refund's confirmation: sent later as usual, or first, before the refund call returns. */
  void sendRefundConfirmation(JsonObject charge, URI apiBase) {
    if (!refundEventsFirst) {
      send("charge.refunded", charge, apiBase);
      return;
    }
    target(apiBase)
        .ifPresent(
            target -> {
              deliver(target, event("charge.refunded", charge));
              try {
                Thread.sleep(refundEventsFirstWaitMs);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outgoing event) {
    executor.submit(() -> deliver(event.target(), event.payload()));
  }

  private Optional<URI> target(URI apiBase) {
    Optional<URI> target =
        configuredTarget
            .filter(value -> !value.isBlank())
            .map(URI::create)
            .or(() -> Optional.ofNullable(apiBase).or(publicApi::known).map(this::webhookOf));
    if (target.isEmpty()) {
      LOG.warning("No webhook to send a sandbox event to yet: set PUBLIC_API_URL");
    }
    return target;
  }

  private URI webhookOf(URI apiBase) {
    return apiBase.resolve("v1/billing/webhook");
  }

  private String event(String type, JsonObject object) {
    return Jsons.object()
        .add("id", "evt_sandbox_" + UUID.randomUUID().toString().replace("-", ""))
        .add("object", "event")
        .add("api_version", "2024-06-20")
        .add("created", clock.instant().getEpochSecond())
        .add("livemode", false)
        .add("type", type)
        .add("data", Jsons.object().add("object", object))
        .build()
        .toString();
  }

  private void deliver(URI target, String payload) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpRequest request =
            HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", sign(payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          return;
        }
        LOG.warning("Sandbox webhook " + target + " answered " + status);
      } catch (IOException e) {
        LOG.warning("Sandbox webhook " + target + " unreachable: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(500L << attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.severe("Sandbox webhook " + target + " gave up after " + ATTEMPTS + " attempts");
  }

  private String sign(String payload) {
    long timestamp = clock.instant().getEpochSecond();
    try {
      String signature = Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
      return "t=" + timestamp + ",v1=" + signature;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
