package org.cinema.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.cinema.common.error.ErrorCode;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bounds request bodies before anything reads them. A request that declares a longer body ({@code
 * Content-Length}) is answered 413 in the JSON error shape at once, its body unread and the
 * connection closed; one sent without a length (chunked) is counted as it is read and stops with a
 * {@link BodyTooLargeException} at the limit, which the API's mappers answer with the same 413.
 *
 * <p>The limit is the MicroProfile Config property named by the init parameter {@code property}
 * (e.g. {@code http.max-body-bytes} ← {@code HTTP_MAX_BODY_BYTES}), else the init parameter {@code
 * default-bytes}. Declared once per path in {@code web.xml}, so a path can have a smaller limit.
 */
public class BodyLimitFilter extends HttpFilter {

  private long limit;

  @Override
  public void init(FilterConfig config) {
    long byDefault = Long.parseLong(config.getInitParameter("default-bytes"));
    limit =
        ConfigProvider.getConfig()
            .getOptionalValue(config.getInitParameter("property"), Long.class)
            .orElse(byDefault);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getContentLengthLong() > limit) {
      response.setHeader("Connection", "close");
      ErrorJson.send(
          response,
          ErrorCode.BODY_TOO_LARGE,
          "The request body may be at most " + limit + " bytes");
      return;
    }
    if (request.getContentLengthLong() == 0) {
      // A declared empty body (check-rights, the hot path) has nothing to count.
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(new Bounded(request, limit), response);
  }

  /** The request with its body counted as it is read. */
  private static final class Bounded extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Bounded(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  /** Fails once more than {@code limit} bytes have been read. */
  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int bytes) throws BodyTooLargeException {
      read += bytes;
      if (read > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
