package dev.spirit.examples.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.examples.boot.DemoProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@DisplayName("The request limits")
class RequestLimitsFilterTest {
  private final AtomicLong now = new AtomicLong();
  private final RequestLimitsFilter filter =
      new RequestLimitsFilter(new DemoProperties(Map.of(), 5, 2, 300, false), now::get);

  private MockHttpServletResponse send(MockHttpServletRequest request, MockFilterChain chain)
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, chain);
    return response;
  }

  private static MockHttpServletRequest post(String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/c/x/submit");
    request.setRemoteAddr(address);
    return request;
  }

  @Test
  @DisplayName("a client over its POSTs per minute gets a 429 problem with Retry-After")
  void rateLimited() throws Exception {
    assertThat(send(post("10.0.0.1"), new MockFilterChain()).getStatus()).isEqualTo(200);
    assertThat(send(post("10.0.0.1"), new MockFilterChain()).getStatus()).isEqualTo(200);
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse refused = send(post("10.0.0.1"), chain);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString()).contains("\"status\":429");
    assertThat(chain.getRequest()).as("not passed on").isNull();

    assertThat(send(post("10.0.0.2"), new MockFilterChain()).getStatus())
        .as("another client has its own bucket")
        .isEqualTo(200);
    assertThat(send(new MockHttpServletRequest("GET", "/"), new MockFilterChain()).getStatus())
        .as("GETs are not counted")
        .isEqualTo(200);
    now.addAndGet(30_000_000_000L); // half a minute refills one of two tokens
    assertThat(send(post("10.0.0.1"), new MockFilterChain()).getStatus()).isEqualTo(200);
    assertThat(send(post("10.0.0.1"), new MockFilterChain()).getStatus()).isEqualTo(429);
  }

  @Test
  @DisplayName("a body declared larger than the limit gets a 413 problem")
  void declaredTooLarge() throws Exception {
    MockHttpServletRequest request = post("10.0.0.3");
    request.setContent(new byte[301]);
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response = send(request, chain);
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString()).contains("at most 300 bytes");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  @DisplayName("a body without a declared length stops with an error once past the limit")
  void undeclaredTooLarge() throws Exception {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/api/v1/campaigns/x/submissions") {
          @Override
          public long getContentLengthLong() {
            return -1; // chunked
          }
        };
    request.setContent(new byte[1000]);
    MockFilterChain chain = new MockFilterChain();
    send(request, chain);
    HttpServletRequest passedOn = (HttpServletRequest) chain.getRequest();
    assertThat(passedOn).isNotNull();
    InputStream body = passedOn.getInputStream();
    assertThat(body.readNBytes(300)).hasSize(300);
    assertThatThrownBy(body::read)
        .isInstanceOf(RequestLimitsFilter.BodyTooLargeException.class)
        .hasMessageContaining("300 bytes");
    assertThat(passedOn.getInputStream()).as("one stream per request").isSameAs(body);
  }
}
