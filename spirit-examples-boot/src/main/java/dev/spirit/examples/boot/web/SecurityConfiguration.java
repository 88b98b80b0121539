package dev.spirit.examples.boot.web;

import dev.spirit.Spirit;
import dev.spirit.examples.boot.DemoProperties;
import dev.spirit.examples.boot.kiosk.KioskTokenFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two security chains. The API ({@code /api/**}): stateless, no cookies and so no CSRF, each
 * request authenticated by its kiosk bearer token, errors as problem details. Everything else: the
 * public board open to all with CSRF-protected forms, the moderator queue behind form sign-in with
 * the users of {@code spirit.demo.moderators}, and a strict Content-Security-Policy (no inline
 * script or style, so a submitted text can never run).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
  private static final String MODERATOR = "MODERATOR";
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  /** Created by Spring. */
  public SecurityConfiguration() {}

  /**
   * The kiosk API's chain.
   *
   * @param http Spring Security's builder
   * @param spirit the instance, whose store holds the kiosk tokens
   * @return the chain
   * @throws Exception if Spring Security cannot build it
   */
  @Bean
  @Order(1)
  public SecurityFilterChain apiChain(HttpSecurity http, Spirit spirit) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.GET, "/api/v1/openapi.json")
                    .permitAll()
                    .anyRequest()
                    .hasAuthority(KioskTokenFilter.KIOSK))
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .formLogin(f -> f.disable())
        .httpBasic(b -> b.disable())
        .logout(l -> l.disable())
        .addFilterBefore(new KioskTokenFilter(spirit.kiosks()), AnonymousAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, failure) -> {
                          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                          ProblemResponses.write(
                              response, HttpStatus.UNAUTHORIZED, KioskTokenFilter.detail(request));
                        })
                    .accessDeniedHandler(
                        (request, response, denied) ->
                            ProblemResponses.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                "This token may not use this endpoint.")))
        .build();
  }

  /**
   * The board's and the moderators' chain.
   *
   * @param http Spring Security's builder
   * @return the chain
   * @throws Exception if Spring Security cannot build it
   */
  @Bean
  @Order(2)
  public SecurityFilterChain webChain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            a ->
                a.requestMatchers("/moderate/**", "/kiosks", "/kiosks/**")
                    .hasRole(MODERATOR)
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(MODERATOR)
                    .anyRequest()
                    .permitAll())
        .formLogin(f -> f.loginPage("/login").permitAll())
        .logout(l -> l.logoutSuccessUrl("/"))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)))
        .build();
  }

  /**
   * The moderators, from {@code spirit.demo.moderators}.
   *
   * @param settings the app's settings
   * @return the users
   */
  @Bean
  public UserDetailsService moderators(DemoProperties settings) {
    if (settings.moderators().isEmpty()) {
      LOG.warn("spirit.demo.moderators is empty: no one can sign in to the review queue");
    }
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    settings
        .moderators()
        .forEach(
            (name, password) ->
                users.createUser(
                    User.withUsername(name).password(password).roles(MODERATOR).build()));
    return users;
  }

  /**
   * Passwords in Spring Security's {@code {id}encoded} form ({@code {bcrypt}...}).
   *
   * @return the encoder
   */
  @Bean
  public PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * The request limits, before Spring Security so that sign-in attempts count too.
   *
   * @param settings the limits
   * @return the registration
   */
  @Bean
  public FilterRegistrationBean<RequestLimitsFilter> requestLimits(DemoProperties settings) {
    FilterRegistrationBean<RequestLimitsFilter> registration =
        new FilterRegistrationBean<>(new RequestLimitsFilter(settings));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
