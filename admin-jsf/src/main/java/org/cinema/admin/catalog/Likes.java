package org.cinema.admin.catalog;

/** What a user types into a search box, made safe for a SQL {@code LIKE} pattern. */
final class Likes {

  static final char ESCAPE = '\\';

  private Likes() {}

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
