package org.cinema.billing.notification;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers events to the cinema's webhook endpoints: POSTs the event's payload exactly as stored,
 * signed ({@link WebhookSignature}) and carrying its id in {@code Billing-Event-Id}, and counts any
 * 2xx as delivered. Anything else, no answer within {@code WEBHOOK_READ_TIMEOUT} or no connection
 * within {@code WEBHOOK_CONNECT_TIMEOUT} fails this attempt (retried on the notifications'
 * schedule). Redirects are not followed. Before each send it checks again that the endpoint takes
 * deliveries and that its host resolves to no address inside the network (unless allowed).
 */
@ApplicationScoped
public class WebhookChannel implements NotificationChannel {

  public static final String NAME = "webhook";

  public static final String EVENT_ID_HEADER = "Billing-Event-Id";

  @Inject private WebhookSettings settings;

  @Inject private WebhookEndpoints endpoints;

  @Inject private Clock clock;

  private HttpClient client;

  @PostConstruct
  void open() {
    client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String send(Outgoing message) throws ChannelFailure {
    Outgoing.Endpoint endpoint =
        message.endpoint().orElseThrow(() -> new ChannelFailure("endpoint deleted"));
    Optional<String> closed = endpoints.closedReason(endpoint.id());
    if (closed.isPresent()) {
      throw new ChannelFailure(closed.get());
    }
    URI target;
    try {
      target =
          WebhookTarget.check(
              endpoint.url(), settings.allowPrivateTargets(), InetAddress::getAllByName);
    } catch (WebhookTarget.Refused e) {
      throw new ChannelFailure("refused " + endpoint.url() + ": " + e.getMessage());
    }
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(settings.readTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "cinema-billing-webhooks/1")
            .header(EVENT_ID_HEADER, message.eventId().toString())
            .header(
                WebhookSignature.HEADER,
                WebhookSignature.header(
                    endpoint.secret(), clock.instant().getEpochSecond(), message.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(message.payload(), StandardCharsets.UTF_8))
            .build();
    int status = exchange(request, endpoint.url());
    if (status < 200 || status > 299) {
      throw new ChannelFailure("HTTP " + status + " from " + endpoint.url());
    }
    return "POST " + endpoint.url() + " → " + status;
  }

  /** The answer's status, within the read timeout for the whole exchange (body included). */
  private int exchange(HttpRequest request, String url) throws ChannelFailure {
    CompletableFuture<HttpResponse<Void>> answer =
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    try {
      return answer.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new ChannelFailure(timedOut(url));
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new ChannelFailure("interrupted while sending to " + url);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpConnectTimeoutException) {
        throw new ChannelFailure(
            "could not connect to " + url + " within " + seconds(settings.connectTimeout()));
      }
      if (cause instanceof HttpTimeoutException) {
        throw new ChannelFailure(timedOut(url));
      }
      if (cause instanceof ConnectException) {
        throw new ChannelFailure("could not connect to " + url + ": connection refused", cause);
      }
      throw new ChannelFailure("could not send to " + url + ": " + cause, cause);
    }
  }

  private String timedOut(String url) {
    return "timed out: no answer from " + url + " within " + seconds(settings.readTimeout());
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }
}
