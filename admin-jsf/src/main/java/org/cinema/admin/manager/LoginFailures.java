package org.cinema.admin.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed logins of one subject, a username or a client address, in a fixed window that starts with
 * the first failure. Once {@code max} failures fall in the window, logins for that subject are
 * refused until the window ends; the next failure after it starts a new window.
 */
@Entity
@Table(name = "login_failure", schema = "content")
public class LoginFailures {

  @Id private String subject;

  @Column(nullable = false)
  private int failures;

  @Column(name = "window_start", nullable = false)
  private OffsetDateTime windowStart;

  protected LoginFailures() {}

  LoginFailures(String subject, Instant now) {
    this.subject = subject;
    this.failures = 0;
    this.windowStart = now.atOffset(ZoneOffset.UTC);
  }

  /** Longest part of a typed username counted (usernames have at most 64; anything is typed). */
  static final int USERNAME_COUNTED = 256;

  static String ofUsername(String username) {
    String name = username.strip().toLowerCase(Locale.ROOT);
    return "user:"
        + (name.length() > USERNAME_COUNTED ? name.substring(0, USERNAME_COUNTED) : name);
  }

  static String ofAddress(String address) {
    return "address:" + address;
  }

  /** Counts a failure: in the window, or as the first of a new one once it has passed. */
  void failed(Instant now, Duration window) {
    if (!now.isBefore(windowStart.toInstant().plus(window))) {
      windowStart = now.atOffset(ZoneOffset.UTC);
      failures = 0;
    }
    failures++;
  }

  /** Gives back one attempt (a success counted first); true when none is left. */
  boolean forgiveOne() {
    failures--;
    return failures <= 0;
  }

  /** How long logins stay refused: empty when fewer than {@code max} failures are in the window. */
  Optional<Duration> lockedFor(Instant now, Duration window, int max) {
    Instant end = windowStart.toInstant().plus(window);
    if (failures < max || !now.isBefore(end)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, end));
  }

  int failures() {
    return failures;
  }
}
