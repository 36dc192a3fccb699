package org.cinema.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 POST written by hand on a plain socket, for what the JDK's client will not send: a
 * {@code Host} header of the caller's choosing, or a connection from another loopback address
 * (127.0.0.2 and on), as another client would come from.
 */
public final class RawHttp {

  private RawHttp() {}

  /**
   * POSTs {@code body} to {@code target} from {@code from} (a local address; null for any) with
   * these headers (a {@code Host} among them replaces the target's).
   */
  public static Http.Response post(
      String from, URI target, Map<String, String> headers, String body) throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> sent = new LinkedHashMap<>();
    sent.put("Host", target.getHost() + ":" + target.getPort());
    sent.putAll(headers);
    sent.put("Content-Length", String.valueOf(content.length));
    sent.put("Connection", "close");
    StringBuilder head = new StringBuilder("POST " + target.getRawPath() + " HTTP/1.1\r\n");
    sent.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    try (Socket socket = new Socket()) {
      if (from != null) {
        socket.bind(new InetSocketAddress(from, 0));
      }
      socket.connect(
          new InetSocketAddress(from != null ? from : target.getHost(), target.getPort()), 5000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parsed(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static Http.Response parsed(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    String[] lines = answer.substring(0, end < 0 ? answer.length() : end).split("\r\n");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
              name -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    String body = end < 0 ? "" : answer.substring(end + 4);
    boolean chunked =
        headers.getOrDefault("transfer-encoding", List.of()).stream()
            .anyMatch(value -> value.equalsIgnoreCase("chunked"));
    return new Http.Response(
        Integer.parseInt(lines[0].split(" ")[1]),
        chunked ? unchunked(body) : body,
        HttpHeaders.of(headers, (name, value) -> true));
  }

  private static String unchunked(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int line = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, line).trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, line + 2, line + 2 + size);
      at = line + 2 + size + 2;
    }
  }
}
