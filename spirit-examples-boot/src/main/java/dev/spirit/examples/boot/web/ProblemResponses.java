package dev.spirit.examples.boot.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Writes a problem detail straight into a servlet response, for the answers given before Spring MVC
 * (and so {@link ApiProblems}) sees the request: the request limits' 413 and 429, and the API
 * chain's 401 and 403.
 */
final class ProblemResponses {
  private ProblemResponses() {}

  /**
   * Writes the problem.
   *
   * @param detail a fixed text of this app: it holds no user input, so it needs no JSON escaping
   */
  static void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + status.getReasonPhrase()
                + "\",\"status\":"
                + status.value()
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}
