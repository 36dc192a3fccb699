// Closed-loop load client for benchmarks/journey.sh: WORKERS viewers, each looping the original
// scenario's paying journey as a person would go through it, one request after another:
//
//   1. POST /api/v1/billing/add-product/{product}        -> 201 with the checkout url and payment id
//   2. POST the checkout page's form with card 4242      -> 200 (the sandbox took the payment; its
//                                                           webhook reaches billing on its own)
//   3. POST /api/v1/content/check-rights/{movie}, every POLL_MS, until "allow": true
//      (paid -> access latency: from the form's answer to the first allowed answer)
//   4. DELETE /api/v1/billing/cancel-payment/{payment}   -> 200 (refunded)
//   5. POST /api/v1/content/check-rights/{movie}         -> must be false ("allow": true here is a
//                                                           stale answer: access after a refund)
//
// JDK only; run as a single source file:
//
//   java benchmarks/journey-load.java BASE_URL PRODUCT MOVIE TOKENS_FILE WARMUP_S DURATION_S
//        [POLL_MS]
//
// TOKENS_FILE: one viewer's access token per line, one worker per line. Journeys that start during
// the warm-up are not counted; "measuring" goes to stderr when the counted part starts and
// "measured" when it ends (journeys under way then are finished but not counted). Prints key=value
// lines: journeys, journeys_per_s, errors (by step), stale answers, paid->access percentiles, and
// the requests sent per endpoint with their client-side latency.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class JourneyLoad {

  private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern PAYMENT = Pattern.compile("\"payment_id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ALLOW = Pattern.compile("\"allow\"\\s*:\\s*(true|false)");
  /** add-product: 201 subscribed; 200 when an unpaid subscription (a failed journey's) is reused. */
  private static final int ADDED = -1;

  private static final String CARD = "card_number=4242+4242+4242+4242&exp_month=12&exp_year=2034&cvc=123";

  /** Thrown when a step's answer is not the one a working system gives. */
  static final class StepFailed extends Exception {
    final String step;

    StepFailed(String step, String message) {
      super(message, null, false, false);
      this.step = step;
    }
  }

  /** Requests and their client-side latencies, by endpoint, counted in the measured part. */
  static final class Endpoint {
    final AtomicLong count = new AtomicLong();
    final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String product;
  private final String movie;
  private final long pollMillis;
  private volatile boolean measuring;
  private volatile boolean stopping;
  private final AtomicLong journeys = new AtomicLong();
  private final AtomicLong stale = new AtomicLong();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Long> paidToAccessMicros = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

  JourneyLoad(String base, String product, String movie, long pollMillis) {
    this.base = base;
    this.product = product;
    this.movie = movie;
    this.pollMillis = pollMillis;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println("usage: BASE_URL PRODUCT MOVIE TOKENS_FILE WARMUP_S DURATION_S [POLL_MS]");
      System.exit(2);
    }
    List<String> tokens =
        Files.readAllLines(Path.of(args[3])).stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    double warmup = Double.parseDouble(args[4]);
    double duration = Double.parseDouble(args[5]);
    JourneyLoad load =
        new JourneyLoad(args[0], args[1], args[2], args.length > 6 ? Long.parseLong(args[6]) : 5);
    List<Thread> workers = new ArrayList<>();
    for (String token : tokens) {
      Thread worker = new Thread(() -> load.loop(token));
      worker.start();
      workers.add(worker);
    }
    Thread.sleep((long) (warmup * 1000));
    load.measuring = true;
    long started = System.nanoTime();
    System.err.println("measuring");
    Thread.sleep((long) (duration * 1000));
    load.measuring = false;
    double seconds = (System.nanoTime() - started) / 1e9;
    System.err.println("measured");
    load.stopping = true;
    for (Thread worker : workers) {
      worker.join(30_000);
    }
    load.report(tokens.size(), seconds);
  }

  private void loop(String token) {
    while (!stopping) {
      boolean counted = measuring;
      try {
        journey(token, counted);
        if (counted && measuring) {
          journeys.incrementAndGet();
        }
      } catch (StepFailed e) {
        if (counted) {
          errors.computeIfAbsent(e.step, s -> new AtomicLong()).incrementAndGet();
          if (firstErrors.size() < 5) {
            firstErrors.add(e.step + ": " + e.getMessage());
          }
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void journey(String token, boolean counted) throws StepFailed, InterruptedException {
    String[] added = call("add-product", counted, post("/api/v1/billing/add-product/" + product, token), ADDED);
    String checkout = find(URL, added[1], "add-product", "no url");
    String payment = find(PAYMENT, added[1], "add-product", "no payment_id");
    call(
        "checkout-form",
        counted,
        HttpRequest.newBuilder(URI.create(checkout))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(CARD)),
        200);
    long paid = System.nanoTime();
    long deadline = paid + 10_000_000_000L;
    while (!allowed(token, "check-rights (paid)", counted)) {
      if (System.nanoTime() > deadline) {
        throw new StepFailed("access", "no access 10 s after paying " + payment);
      }
      Thread.sleep(pollMillis);
    }
    if (counted) {
      paidToAccessMicros.add((System.nanoTime() - paid) / 1000);
    }
    call(
        "cancel-payment",
        counted,
        HttpRequest.newBuilder(URI.create(base + "/api/v1/billing/cancel-payment/" + payment))
            .header("Authorization", "Bearer " + token)
            .DELETE(),
        200);
    if (allowed(token, "check-rights (refunded)", counted) && counted) {
      stale.incrementAndGet();
    }
  }

  private boolean allowed(String token, String endpoint, boolean counted) throws StepFailed {
    String[] answer = call(endpoint, counted, post("/api/v1/content/check-rights/" + movie, token), 200);
    return Boolean.parseBoolean(find(ALLOW, answer[1], endpoint, "no allow"));
  }

  private HttpRequest.Builder post(String path, String token) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .POST(BodyPublishers.noBody());
  }

  /** Sends; returns {status, body}; any other status than {@code expected} fails the step. */
  private String[] call(String endpoint, boolean counted, HttpRequest.Builder request, int expected)
      throws StepFailed {
    long started = System.nanoTime();
    int status;
    String body;
    try {
      var response = http.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
      status = response.statusCode();
      body = response.body();
    } catch (Exception e) {
      throw new StepFailed(endpoint, e.toString());
    }
    if (counted) {
      Endpoint figures = endpoints.computeIfAbsent(endpoint, e -> new Endpoint());
      figures.count.incrementAndGet();
      figures.micros.add((System.nanoTime() - started) / 1000);
    }
    if (expected == ADDED ? status != 201 && status != 200 : status != expected) {
      throw new StepFailed(
          endpoint, "HTTP " + status + " " + body.substring(0, Math.min(body.length(), 200)));
    }
    return new String[] {String.valueOf(status), body};
  }

  private static String find(Pattern pattern, String body, String step, String what)
      throws StepFailed {
    Matcher matcher = pattern.matcher(body);
    if (!matcher.find()) {
      throw new StepFailed(step, what + " in " + body.substring(0, Math.min(body.length(), 200)));
    }
    return matcher.group(1);
  }

  private void report(int workers, double seconds) {
    long done = journeys.get();
    long requests = endpoints.values().stream().mapToLong(e -> e.count.get()).sum();
    System.out.printf("workers=%d seconds=%.1f%n", workers, seconds);
    System.out.printf("journeys=%d journeys_per_s=%.1f requests_per_s=%.0f%n", done, done / seconds, requests / seconds);
    System.out.printf("errors=%d stale=%d%n", errors.values().stream().mapToLong(AtomicLong::get).sum(), stale.get());
    new TreeMap<>(errors).forEach((step, n) -> System.out.printf("error_%s=%d%n", step.replace(' ', '_'), n.get()));
    firstErrors.forEach(e -> System.out.println("first_error=" + e));
    System.out.println("paid_to_access_ms " + percentiles(paidToAccessMicros));
    new TreeMap<>(endpoints)
        .forEach(
            (name, e) ->
                System.out.printf(
                    "endpoint=%s count=%d per_journey=%.2f latency_ms %s%n",
                    name.replace(' ', '_'),
                    e.count.get(),
                    done == 0 ? 0.0 : (double) e.count.get() / done,
                    percentiles(e.micros)));
  }

  private static String percentiles(ConcurrentLinkedQueue<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    if (sorted.isEmpty()) {
      return "p50=- p90=- p99=- max=-";
    }
    Collections.sort(sorted);
    return String.format(
        "p50=%.1f p90=%.1f p99=%.1f max=%.1f",
        at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
  }

  private static double at(List<Long> sorted, double fraction) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(fraction * sorted.size()) - 1)) / 1000.0;
  }
}
