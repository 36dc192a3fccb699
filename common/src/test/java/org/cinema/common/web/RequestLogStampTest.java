package org.cinema.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLogStampTest {

  private final List<String> lines = new ArrayList<>();

  private final Handler captured =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (isLoggable(record)) {
            lines.add(record.getLoggerName() + ": " + record.getMessage());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private final RequestIds filter = new RequestIds();

  @BeforeEach
  void installed() {
    Logger.getLogger("").addHandler(captured);
    filter.init();
  }

  @AfterEach
  void removed() {
    filter.destroy();
    Logger.getLogger("").removeHandler(captured);
  }

  @Test
  void theApplicationsLinesWrittenWhileARequestIsServedNameIt() throws Exception {
    FilterChain chain =
        (request, response) -> {
          Logger.getLogger("org.cinema.billing.Example").warning("Payment 42 refused");
          Logger.getLogger("org.cinema.billing.Example").warning("Incident 7 [request caller-1]");
          Logger.getLogger("fish.payara.Other").warning("the server's own line");
        };

    filter.doFilter(request("caller-1"), response(), chain);
    Logger.getLogger("org.cinema.billing.Example").warning("After the request");

    assertThat(lines)
        .containsExactly(
            "org.cinema.billing.Example: Payment 42 refused [request caller-1]",
            "org.cinema.billing.Example: Incident 7 [request caller-1]",
            "fish.payara.Other: the server's own line",
            "org.cinema.billing.Example: After the request");
  }

  @Test
  void onceTheModuleIsGoneItsStampIsToo() throws Exception {
    filter.destroy();
    FilterChain chain =
        (request, response) -> Logger.getLogger("org.cinema.Example").warning("line");

    filter.doFilter(request("caller-2"), response(), chain);

    assertThat(lines).containsExactly("org.cinema.Example: line");
    assertThat(captured.getFilter()).isNull();
  }

  private static HttpServletRequest request(String id) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RequestLogStampTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeader" -> RequestIds.HEADER.equals(args[0]) ? id : null;
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  default -> null;
                });
  }

  private static HttpServletResponse response() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            RequestLogStampTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> null);
  }
}
