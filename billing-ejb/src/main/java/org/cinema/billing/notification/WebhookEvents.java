package org.cinema.billing.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a webhook endpoint (or the operations chat) wants: {@code *} or names. */
public final class WebhookEvents {

  private WebhookEvents() {}

  /** Whether {@code wanted} ({@code *} or comma-separated names) takes events of {@code type}. */
  public static boolean matches(String wanted, String type) {
    return Arrays.stream(wanted.split(","))
        .map(String::strip)
        .anyMatch(name -> name.equals("*") || name.equals(type));
  }

  /**
   * Checks a list of wanted events as a caller gives it.
   *
   * @return the stored form; empty when a name is unknown or the list is empty
   */
  public static Optional<String> normalize(List<String> wanted) {
    if (wanted == null || wanted.isEmpty()) {
      return Optional.empty();
    }
    if (wanted.equals(List.of("*"))) {
      return Optional.of("*");
    }
    for (String name : wanted) {
      if (name == null || EventType.byWireName(name).isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(String.join(",", wanted.stream().distinct().toList()));
  }
}
