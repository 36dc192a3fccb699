package org.cinema.common.web;

import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the id of the request being served ({@link RequestIds#current()}) into every line the
 * application logs while serving it, so that ops find all of a request's lines by the id its caller
 * got in {@code X-Request-Id} and in the error body: {@code "... [request <id>]"}.
 *
 * <p>Payara's logging has no per-thread context (no MDC), so this is a {@link Filter} on the root
 * logger's handlers, which is asked about every record on the thread that logs it, before the
 * record is formatted (Payara's own handlers may format it later on another thread). It touches
 * only the application's records ({@code org.cinema.*}) and only while a request is served; a line
 * that names the request already is left as it is. Installed and removed with the {@link
 * RequestIds} filter of each web module, which each have their own request ids.
 */
final class RequestLogStamp implements Filter {

  private final Filter previous;

  private volatile boolean active = true;

  private RequestLogStamp(Filter previous) {
    this.previous = previous;
  }

  /** Puts a stamp in front of each root handler's filter; handed back to {@link #uninstall}. */
  static RequestLogStamp[] install() {
    Handler[] handlers = Logger.getLogger("").getHandlers();
    RequestLogStamp[] stamps = new RequestLogStamp[handlers.length];
    for (int i = 0; i < handlers.length; i++) {
      stamps[i] = new RequestLogStamp(handlers[i].getFilter());
      handlers[i].setFilter(stamps[i]);
    }
    return stamps;
  }

  /** Takes the stamps out again (or, where another was put in front since, turns them off). */
  static void uninstall(RequestLogStamp[] stamps) {
    for (RequestLogStamp stamp : stamps) {
      stamp.active = false;
      for (Handler handler : Logger.getLogger("").getHandlers()) {
        if (handler.getFilter() == stamp) {
          handler.setFilter(stamp.previous);
        }
      }
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (previous != null && !previous.isLoggable(record)) {
      return false;
    }
    String logger = record.getLoggerName();
    String message = record.getMessage();
    if (active && message != null && logger != null && logger.startsWith("org.cinema.")) {
      String suffix = RequestIds.inLog();
      if (!suffix.isEmpty() && !message.contains(suffix.strip())) {
        record.setMessage(message + suffix);
      }
    }
    return true;
  }
}
