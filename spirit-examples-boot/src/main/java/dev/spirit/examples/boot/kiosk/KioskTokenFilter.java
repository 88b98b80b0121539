package dev.spirit.examples.boot.kiosk;

import dev.spirit.Kiosks;
import dev.spirit.kiosk.KioskAuthenticationException;
import dev.spirit.kiosk.KioskCredential;
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
 * Authenticates a kiosk from its {@code Authorization: Bearer} token against the tokens staff
 * issued in the store ({@link Kiosks}: the moderators' kiosk page or {@code spirit kiosk issue}),
 * so every instance on one database accepts and refuses the same tokens, and a revocation holds
 * everywhere at once. A refused token leaves the request anonymous with the {@link
 * KioskAuthenticationException.Reason} in {@link #REFUSAL}; the API's entry point answers 401 with
 * it.
 */
public class KioskTokenFilter extends OncePerRequestFilter {
  /** The authority of an authenticated kiosk. */
  public static final String KIOSK = "ROLE_KIOSK";

  /** The request attribute holding why a bearer token was refused. */
  public static final String REFUSAL = KioskTokenFilter.class.getName() + ".refusal";

  private static final String BEARER = "Bearer ";

  private final Kiosks kiosks;

  /**
   * Creates the filter.
   *
   * @param kiosks the instance's kiosk tokens
   */
  public KioskTokenFilter(Kiosks kiosks) {
    this.kiosks = kiosks;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    @Nullable String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      try {
        KioskCredential kiosk = kiosks.authenticate(header.substring(BEARER.length()).trim());
        SecurityContextHolder.getContext()
            .setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(
                    kiosk.name(), null, List.of(new SimpleGrantedAuthority(KIOSK))));
      } catch (KioskAuthenticationException refused) {
        request.setAttribute(REFUSAL, refused.reason());
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * What to tell a client whose request reached the API without a kiosk's authentication.
   *
   * @param request the request
   * @return a fixed text: why its token was refused, or how to send one
   */
  public static String detail(HttpServletRequest request) {
    Optional<KioskAuthenticationException.Reason> reason =
        Optional.ofNullable(request.getAttribute(REFUSAL))
            .filter(KioskAuthenticationException.Reason.class::isInstance)
            .map(KioskAuthenticationException.Reason.class::cast);
    if (reason.isEmpty()) {
      return "Send the kiosk's token as Authorization: Bearer <token>.";
    }
    return switch (reason.get()) {
      case MALFORMED -> "The bearer token is not a kiosk token (spk_<id>_<secret>).";
      case UNKNOWN -> "The kiosk token is unknown.";
      case REVOKED -> "The kiosk token was revoked; ask staff for a new one.";
      case EXPIRED -> "The kiosk token has expired; ask staff for a new one.";
    };
  }
}
