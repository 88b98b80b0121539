package dev.spirit.examples.boot.web;

import dev.spirit.examples.boot.DemoProperties;
import dev.spirit.examples.web.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits every request before security and the controllers see it: a body over {@code
 * spirit.demo.max-body-bytes} gets 413, and a client address over {@code
 * spirit.demo.posts-per-minute} POSTs (sign-in attempts included) gets 429 with {@code
 * Retry-After}. Both answers are problem details.
 */
public class RequestLimitsFilter extends OncePerRequestFilter {
  private final int maxBodyBytes;
  private final RateLimiter posts;
  private final LongSupplier nanoTime;

  /**
   * Creates the filter.
   *
   * @param settings the limits
   */
  public RequestLimitsFilter(DemoProperties settings) {
    this(settings, System::nanoTime);
  }

  RequestLimitsFilter(DemoProperties settings, LongSupplier nanoTime) {
    this.maxBodyBytes = settings.maxBodyBytes();
    this.posts = new RateLimiter(settings.postsPerMinute());
    this.nanoTime = nanoTime;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("POST".equals(request.getMethod())
        && !posts.tryAcquire(request.getRemoteAddr(), nanoTime.getAsLong())) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "60");
      ProblemResponses.write(
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many requests from this address; wait a minute and try again.");
      return;
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
      return;
    }
    chain.doFilter(new Limited(request), response);
  }

  private String tooLarge() {
    return "The request body may hold at most " + maxBodyBytes + " bytes.";
  }

  /** A body without a declared length that turns out too long, found while it is read. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
      super(message);
    }
  }

  /** The request, with a body stream that stops at the limit. */
  private final class Limited extends HttpServletRequestWrapper {
    private @Nullable ServletInputStream limited;

    Limited(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream current = limited;
      if (current == null) {
        ServletInputStream in = super.getInputStream();
        current =
            new ServletInputStream() {
              private long read;

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

              private void count(int n) throws BodyTooLargeException {
                read += n;
                if (read > maxBodyBytes) {
                  throw new BodyTooLargeException(tooLarge());
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
            };
        limited = current;
      }
      return current;
    }
  }
}
