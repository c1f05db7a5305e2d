package io.notejam.flask.csrf;

import io.micronaut.context.annotation.Value;
import io.notejam.common.session.CookieSession;
import io.notejam.common.session.SessionSettings;
import io.notejam.flask.web.FormData;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Flask-WTF 0.8.3's CSRF tokens (spec 4.2): {@code <expiry>##<mac>}, where expiry is local time
 * plus the time limit as {@code yyyyMMddHHmmss} and mac is HMAC-SHA1 over the session's {@code
 * csrf} value and the expiry. Unlike the original's public SECRET_KEY (B20), the key derives from
 * the configured session secret, so every instance sharing it accepts every other's tokens.
 *
 * <p>{@code csrf.enabled} (env {@code CSRF_ENABLED}, default true) is Flask's switch; off, forms
 * render the literal token {@code None} and nothing is checked, as the original test suite ran.
 */
@Singleton
public final class CsrfTokens {
  static final String SESSION_KEY = "csrf";
  static final String FIELD = "csrf_token";
  private static final String DISABLED_TOKEN = "None";
  private static final int MIN_SECRET_LENGTH = 32;
  private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final HexFormat HEX = HexFormat.of();

  private final boolean enabled;
  private final Duration timeLimit;

  /** Keyed once; each token clones it (Mac.getInstance and init cost more than the MAC itself). */
  private final Mac keyedMac;

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public CsrfTokens(
      @Value("${csrf.enabled:true}") boolean enabled,
      @Value("${csrf.time-limit:30m}") Duration timeLimit,
      SessionSettings sessionSettings) {
    this(enabled, timeLimit, sessionSettings.getSecret(), Clock.systemDefaultZone());
  }

  CsrfTokens(boolean enabled, Duration timeLimit, String secret, Clock clock) {
    this.enabled = enabled;
    this.timeLimit = timeLimit;
    this.clock = clock;
    this.keyedMac = newMac(deriveKey(secret));
  }

  /** A token for the session's forms, creating the session's {@code csrf} value on first use. */
  public String issue(CookieSession session) {
    return enabled ? issue(sessionValue(session)) : DISABLED_TOKEN;
  }

  String issue(String sessionValue) {
    String expiry = LocalDateTime.now(clock).plus(timeLimit).format(EXPIRY);
    return expiry + "##" + mac(sessionValue + expiry);
  }

  /**
   * Whether the posted {@code csrf_token} is this session's and not expired. Failures are silent,
   * as in the original (B10): the caller simply re-renders the form.
   */
  public boolean accepts(CookieSession session, FormData form) {
    return !enabled || accepts(session.get(SESSION_KEY).orElse(null), form.value(FIELD));
  }

  boolean accepts(String sessionValue, String token) {
    int split = token.indexOf("##");
    if (split < 0 || sessionValue == null) {
      return false;
    }
    String expiry = token.substring(0, split);
    byte[] expected = mac(sessionValue + expiry).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(split + 2).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given)
        && LocalDateTime.now(clock).format(EXPIRY).compareTo(expiry) <= 0;
  }

  private String sessionValue(CookieSession session) {
    return session
        .get(SESSION_KEY)
        .orElseGet(
            () -> {
              byte[] bytes = new byte[20];
              random.nextBytes(bytes);
              String value = HEX.formatHex(bytes);
              session.put(SESSION_KEY, value);
              return value;
            });
  }

  private String mac(String message) {
    Mac mac;
    try {
      mac = (Mac) keyedMac.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's HmacSHA1 can be cloned", e);
    }
    return HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  /**
   * A key of its own for CSRF, derived from the session secret (the same rule as the session: a
   * secret shorter than 32 characters is ignored and a per-process random key is used instead).
   */
  private byte[] deriveKey(String secret) {
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      byte[] randomKey = new byte[32];
      random.nextBytes(randomKey);
      return randomKey;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal("notejam flask-svc csrf".getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
