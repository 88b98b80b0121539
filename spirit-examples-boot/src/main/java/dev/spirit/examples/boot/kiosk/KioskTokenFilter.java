package dev.spirit.examples.boot.kiosk;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a kiosk from its {@code Authorization: Bearer} token, asking the {@link
 * KioskTokenVerifier}. A request without a known token stays anonymous, and the API's security
 * rules answer it with 401.
 */
public class KioskTokenFilter extends OncePerRequestFilter {
  /** The authority of an authenticated kiosk. */
  public static final String KIOSK = "ROLE_KIOSK";

  private static final String BEARER = "Bearer ";

  private final KioskTokenVerifier verifier;

  /**
   * Creates the filter.
   *
   * @param verifier what tells kiosk tokens
   */
  public KioskTokenFilter(KioskTokenVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    @Nullable String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      Optional<String> kiosk = verifier.verify(header.substring(BEARER.length()).trim());
      kiosk.ifPresent(
          name ->
              SecurityContextHolder.getContext()
                  .setAuthentication(
                      UsernamePasswordAuthenticationToken.authenticated(
                          name, null, List.of(new SimpleGrantedAuthority(KIOSK)))));
    }
    chain.doFilter(request, response);
  }
}
