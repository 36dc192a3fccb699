package org.cinema.billing.notification;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How notifications go out, from the configuration:
 *
 * <ul>
 *   <li>{@code NOTIFY_VIEWER_CHANNEL}: {@code log} (default) or {@code email};
 *   <li>{@code TELEGRAM_BOT_TOKEN} and {@code TELEGRAM_CHAT_ID}: the operations chat, told of
 *       {@code TELEGRAM_EVENTS} ({@code *} by default) when both are set;
 *   <li>{@code NOTIFY_RETRY_BASE} (PT1M), {@code NOTIFY_RETRY_CAP} (PT6H), {@code
 *       NOTIFY_MAX_ATTEMPTS} (13): the retry schedule ({@link Retries});
 *   <li>{@code NOTIFY_LEASE} (PT2M): how long a claimed delivery is another instance's to send.
 * </ul>
 */
@ApplicationScoped
public class NotificationSettings {

  private static final Set<String> VIEWER_CHANNELS = Set.of(LogChannel.NAME, "email");

  @Inject
  @ConfigProperty(name = "notify.viewer-channel", defaultValue = "log")
  private String viewerChannel;

  @Inject
  @ConfigProperty(name = "telegram.bot-token")
  private Optional<String> telegramToken;

  @Inject
  @ConfigProperty(name = "telegram.chat-id")
  private Optional<String> telegramChat;

  @Inject
  @ConfigProperty(name = "telegram.events", defaultValue = "*")
  private String telegramEvents;

  @Inject
  @ConfigProperty(name = "notify.retry-base", defaultValue = "PT1M")
  private Duration retryBase;

  @Inject
  @ConfigProperty(name = "notify.retry-cap", defaultValue = "PT6H")
  private Duration retryCap;

  @Inject
  @ConfigProperty(name = "notify.max-attempts", defaultValue = "13")
  private int maxAttempts;

  @Inject
  @ConfigProperty(name = "notify.lease", defaultValue = "PT2M")
  private Duration lease;

  private Retries retries;

  @PostConstruct
  void check() {
    if (!VIEWER_CHANNELS.contains(viewerChannel)) {
      throw new IllegalStateException(
          "NOTIFY_VIEWER_CHANNEL must be log or email, not " + viewerChannel);
    }
    retries = new Retries(retryBase, retryCap, maxAttempts);
  }

  /** The channel of what is sent to the viewer. */
  public String viewerChannel() {
    return viewerChannel;
  }

  /** Whether the operations chat is configured and wants events of {@code type}. */
  public boolean operationsWants(String type) {
    return telegramToken.filter(t -> !t.isBlank()).isPresent()
        && telegramChat.filter(c -> !c.isBlank()).isPresent()
        && WebhookEvents.matches(telegramEvents, type);
  }

  public Optional<String> telegramToken() {
    return telegramToken.filter(t -> !t.isBlank());
  }

  public Optional<String> telegramChat() {
    return telegramChat.filter(c -> !c.isBlank());
  }

  public Retries retries() {
    return retries;
  }

  public Duration lease() {
    return lease;
  }
}
