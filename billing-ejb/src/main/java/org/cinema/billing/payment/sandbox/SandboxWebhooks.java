package org.cinema.billing.payment.sandbox;

import com.stripe.net.Webhook;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the sandbox's events the way Stripe does: JSON in Stripe's event format, signed with {@code
 * Stripe-Signature: t=..,v1=HMAC-SHA256(secret, t.payload)}, POSTed to the billing webhook from
 * another thread, retried a few times if the webhook does not answer 2xx.
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

  @Resource private ManagedExecutorService executor;

  @Inject private Clock clock;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private String secret;

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

  /** Sends an event of {@code type} about {@code object} to the webhook behind {@code apiBase}. */
  public void send(String type, JsonObject object, URI apiBase) {
    String payload =
        Json.createObjectBuilder()
            .add("id", "evt_sandbox_" + UUID.randomUUID().toString().replace("-", ""))
            .add("object", "event")
            .add("api_version", "2024-06-20")
            .add("created", clock.instant().getEpochSecond())
            .add("livemode", false)
            .add("type", type)
            .add("data", Json.createObjectBuilder().add("object", object))
            .build()
            .toString();
    URI target =
        configuredTarget
            .filter(value -> !value.isBlank())
            .map(URI::create)
            .orElseGet(() -> apiBase.resolve("v1/billing/webhook"));
    executor.submit(() -> deliver(target, payload));
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
