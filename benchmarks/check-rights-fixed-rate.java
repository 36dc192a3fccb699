// Fixed-rate (open-loop) load client for benchmarks/check-rights.sh: wrk only measures at full
// speed, this holds a given request rate and measures latency from each request's *scheduled*
// send time, so a request that waits for a free connection counts its wait (no coordinated
// omission). JDK only; run as a single source file:
//
//   java benchmarks/check-rights-fixed-rate.java HOST PORT RATE SECONDS WARMUP_SECONDS \
//        CONNECTIONS TOKENS_FILE PAIRS_FILE [LATENCY_FILE]
//
// TOKENS_FILE: one access token per line (line n = user n, from 1). PAIRS_FILE: "n movie-uuid"
// per line. Every request is POST /api/v1/content/check-rights/{movie} for a random pair, with
// that user's token, over CONNECTIONS persistent HTTP/1.1 connections. Prints one line of
// key=value figures for the measured part (the warm-up is sent at the same rate, then dropped),
// and "measuring" on stderr when that part starts. LATENCY_FILE, if given, gets one line per
// measured request: its scheduled time (epoch ms) and its latency (ms), to see when slow ones
// happened (e.g. against the server's GC log).

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

public class CheckRightsFixedRate {

  static final class Connection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Connection(String host, int port) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(10_000);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** Sends one request and reads the whole response; returns status and body. */
    Object[] exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String status = line();
      if (status == null) {
        throw new IOException("connection closed");
      }
      int code = Integer.parseInt(status.split(" ", 3)[1]);
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String header = line(); header != null && !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase();
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        }
      }
      StringBuilder body = new StringBuilder();
      if (chunked) {
        for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
            size > 0;
            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
          body.append(read(size));
          line();
        }
        for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
          // trailers ignored
        }
      } else if (length >= 0) {
        body.append(read(length));
      }
      return new Object[] {code, body.toString(), close};
    }

    private String read(long size) throws IOException {
      byte[] bytes = in.readNBytes((int) size);
      if (bytes.length < size) {
        throw new IOException("short body");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1; c = in.read()) {
        if (c == '\n') {
          int end = line.length();
          return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
        }
        line.append((char) c);
      }
      return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 8 && args.length != 9) {
      System.err.println(
          "usage: HOST PORT RATE SECONDS WARMUP_SECONDS CONNECTIONS TOKENS_FILE PAIRS_FILE"
              + " [LATENCY_FILE]");
      System.exit(2);
    }
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    double rate = Double.parseDouble(args[2]);
    double seconds = Double.parseDouble(args[3]);
    double warmupSeconds = Double.parseDouble(args[4]);
    int connections = Integer.parseInt(args[5]);
    List<String> tokens = Files.readAllLines(Path.of(args[6]));
    List<byte[]> requests = new ArrayList<>();
    for (String pair : Files.readAllLines(Path.of(args[7]))) {
      if (pair.isBlank()) {
        continue;
      }
      String[] fields = pair.trim().split("\\s+");
      String token = tokens.get(Integer.parseInt(fields[0]) - 1).trim();
      requests.add(
          ("POST /api/v1/content/check-rights/" + fields[1] + " HTTP/1.1\r\n"
                  + "Host: " + host + ":" + port + "\r\n"
                  + "Authorization: Bearer " + token + "\r\n"
                  + "Content-Length: 0\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
    }

    long periodNanos = (long) (1e9 / rate);
    long warmupCount = (long) (warmupSeconds * rate);
    long total = warmupCount + (long) (seconds * rate);
    long measured = total - warmupCount;
    long[] latencies = new long[(int) measured];
    AtomicLong next = new AtomicLong();
    AtomicLongArray counts = new AtomicLongArray(5); // ok, allow, deny, other status, errors
    Map<Integer, AtomicLong> statuses = new TreeMap<>();
    long start = System.nanoTime() + 200_000_000L; // let every thread park before the first send

    Thread[] workers = new Thread[connections];
    for (int w = 0; w < connections; w++) {
      workers[w] =
          new Thread(
              () -> {
                Connection connection = null;
                while (true) {
                  long i = next.getAndIncrement();
                  if (i >= total) {
                    break;
                  }
                  long scheduled = start + i * periodNanos;
                  for (long wait = scheduled - System.nanoTime();
                      wait > 0;
                      wait = scheduled - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                  }
                  byte[] request =
                      requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
                  try {
                    if (connection == null) {
                      connection = new Connection(host, port);
                    }
                    Object[] response = connection.exchange(request);
                    long latency = System.nanoTime() - scheduled;
                    int code = (Integer) response[0];
                    if (i >= warmupCount) {
                      latencies[(int) (i - warmupCount)] = latency;
                      if (code == 200) {
                        counts.incrementAndGet(0);
                        String body = (String) response[1];
                        counts.incrementAndGet(body.contains("\"allow\":true") ? 1 : 2);
                      } else {
                        counts.incrementAndGet(3);
                        synchronized (statuses) {
                          statuses.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
                        }
                      }
                    }
                    if ((Boolean) response[2]) {
                      connection.close();
                      connection = null;
                    }
                  } catch (IOException | RuntimeException e) {
                    if (i >= warmupCount) {
                      latencies[(int) (i - warmupCount)] = System.nanoTime() - scheduled;
                      counts.incrementAndGet(4);
                    }
                    try {
                      if (connection != null) {
                        connection.close();
                      }
                    } catch (IOException ignored) {
                      // closing a broken connection
                    }
                    connection = null;
                  }
                }
                try {
                  if (connection != null) {
                    connection.close();
                  }
                } catch (IOException ignored) {
                  // done anyway
                }
              },
              "load-" + w);
      workers[w].start();
    }
    long measureStart = start + warmupCount * periodNanos;
    for (long wait = measureStart - System.nanoTime();
        wait > 0;
        wait = measureStart - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    System.err.println("measuring"); // the script samples the server's CPU from here
    for (Thread worker : workers) {
      worker.join();
    }
    long measureEnd = System.nanoTime();
    long cpuEnd = os.getProcessCpuTime();

    if (args.length == 9) {
      // nanoTime -> wall clock: the offset measured now serves for the whole run
      long epochOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < latencies.length; i++) {
        long scheduled = start + (warmupCount + i) * periodNanos;
        lines.append(String.format(
            "%d %.3f%n", (scheduled + epochOffsetNanos) / 1_000_000L, latencies[i] / 1e6));
      }
      Files.writeString(Path.of(args[8]), lines);
    }
    Arrays.sort(latencies);
    double elapsed = (measureEnd - measureStart) / 1e9;
    System.out.printf(
        "target_rps=%.0f achieved_rps=%.0f requests=%d ok=%d allow_true=%d allow_false=%d"
            + " other_status=%d%s errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f"
            + " max_ms=%.2f client_cpu_s=%.2f%n",
        rate,
        measured / elapsed,
        measured,
        counts.get(0),
        counts.get(1),
        counts.get(2),
        counts.get(3),
        statuses.isEmpty() ? "" : statuses.toString().replace(" ", ""),
        counts.get(4),
        percentile(latencies, 0.50),
        percentile(latencies, 0.90),
        percentile(latencies, 0.99),
        percentile(latencies, 0.999),
        latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
        (cpuEnd - cpuStart) / 1e9);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }
}
