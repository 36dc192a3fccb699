package org.cinema.billing.account;

import java.util.List;
import java.util.Locale;

/**
 * The language billing writes to a viewer in: {@code en} or {@code ru}. The one chosen at
 * registration, else the browser's first choice ({@code Accept-Language}) when it is Russian, else
 * English.
 */
public final class ViewerLanguage {

  public static final String ENGLISH = "en";
  public static final String RUSSIAN = "ru";

  /** What a registration may choose, as a regular expression (the request's constraint). */
  public static final String CHOICES = "en|ru";

  private ViewerLanguage() {}

  /**
   * @param chosen {@code en}, {@code ru} or null (already validated)
   * @param acceptLanguage the request's {@code Accept-Language}, or null
   */
  public static String pick(String chosen, String acceptLanguage) {
    if (chosen != null) {
      return chosen;
    }
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return ENGLISH;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException unreadable) {
      return ENGLISH;
    }
    if (ranges.isEmpty()) {
      return ENGLISH;
    }
    String first = ranges.get(0).getRange();
    return first.equals(RUSSIAN) || first.startsWith(RUSSIAN + "-") ? RUSSIAN : ENGLISH;
  }
}
