package org.cinema.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The application server the run command started: Payara Micro, or Payara Server Full. */
interface AppServer {

  URI baseUri();

  boolean isAlive();

  /** Waits until every readiness check is UP; false if the server died or time ran out. */
  boolean awaitReady(Duration timeout) throws InterruptedException;

  int waitFor() throws InterruptedException;

  void stop() throws IOException, InterruptedException;

  long pid();

  /**
   * Polls {@code base/health/ready} until it answers 200 naming every one of {@code checks}; false
   * once {@code alive} says the server is gone or {@code timeout} has passed.
   */
  static boolean awaitReady(URI base, List<String> checks, Duration timeout, BooleanSupplier alive)
      throws InterruptedException {
    Duration poll = Duration.ofMillis(500);
    HttpClient http = HttpClient.newBuilder().connectTimeout(poll).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/health/ready"))
            .timeout(Duration.ofSeconds(10))
            .build();
    while (System.nanoTime() < deadline && alive.getAsBoolean()) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && checks.stream().allMatch(response.body()::contains)) {
          return true;
        }
      } catch (IOException notYetListening) {
        // The HTTP listener opens only once the server has booted.
      }
      Thread.sleep(poll.toMillis());
    }
    return false;
  }
}
