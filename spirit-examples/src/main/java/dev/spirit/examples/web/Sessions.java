package dev.spirit.examples.web;

import dev.spirit.submission.SubmissionId;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Browser sessions in memory, each with its CSRF token, flash message and moderator sign-in. (The
 * visitor's participant id is not here: it is the signed pseudonym cookie, {@link Pseudonyms},
 * which every instance accepts.)
 */
final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final int capacity;
  private final Map<String, Session> sessions;

  /** One browser session. */
  static final class Session {
    final String id;
    final String csrf;

    /** The moderator's name in the audit log and on leases, once signed in; null otherwise. */
    volatile @Nullable String moderatorName;

    /** Submissions this moderator claimed on the queue page and has not decided. */
    final Set<SubmissionId> held = ConcurrentHashMap.newKeySet();

    volatile @Nullable String flash;

    Session(String id, String csrf) {
      this.id = id;
      this.csrf = csrf;
    }

    /** Signs the session in as a moderator with a name of its own (leases are per name). */
    void signInModerator() {
      if (moderatorName == null) {
        moderatorName = "web-moderator-" + token().substring(0, 8);
      }
    }

    boolean csrfMatches(@Nullable String token) {
      return token != null
          && MessageDigest.isEqual(
              csrf.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
              token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Nullable String takeFlash() {
      String f = flash;
      flash = null;
      return f;
    }
  }

  Sessions(int capacity) {
    this.capacity = capacity;
    this.sessions =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > Sessions.this.capacity;
          }
        };
  }

  synchronized Optional<Session> find(@Nullable String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
  }

  synchronized Session create() {
    Session s = new Session(token(), token());
    sessions.put(s.id, s);
    return s;
  }

  private static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
