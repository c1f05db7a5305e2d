package io.notejam.flask.csrf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Token expiry and binding, on a clock the test moves (the HTTP side is in CsrfTest). */
class CsrfTokensTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
  private static final String SESSION = "4f1c2e0d9b8a7f6e5d4c3b2a1908f7e6d5c4b3a2";
  private static final Instant T0 = Instant.parse("2026-11-28T22:27:55Z");

  private static CsrfTokens at(Instant now) {
    return new CsrfTokens(true, Duration.ofMinutes(30), SECRET, Clock.fixed(now, ZoneId.of("UTC")));
  }

  @Test
  void aTokenHasTheFlaskWtfShape() {
    String token = at(T0).issue(SESSION);
    assertTrue(token.matches("20261128225755##[0-9a-f]{40}"), token);
  }

  @Test
  void aTokenLivesThirtyMinutes() {
    String token = at(T0).issue(SESSION);
    assertTrue(at(T0.plusSeconds(29 * 60)).accepts(SESSION, token));
    assertTrue(at(T0.plusSeconds(30 * 60)).accepts(SESSION, token));
    assertFalse(at(T0.plusSeconds(30 * 60 + 1)).accepts(SESSION, token));
  }

  @Test
  void aTokenBelongsToItsSessionAndSecret() {
    String token = at(T0).issue(SESSION);
    assertFalse(at(T0).accepts("another-session-value", token));
    CsrfTokens otherSecret =
        new CsrfTokens(
            true,
            Duration.ofMinutes(30),
            "another secret of at least thirty-two chars",
            Clock.fixed(T0, ZoneId.of("UTC")));
    assertFalse(otherSecret.accepts(SESSION, token));
    assertFalse(at(T0).accepts(null, token));
  }

  @Test
  void forgedTokensFail() {
    String token = at(T0).issue(SESSION);
    String mac = token.substring(token.indexOf("##") + 2);
    assertFalse(at(T0).accepts(SESSION, "29991231235959##" + mac), "a moved expiry");
    assertFalse(at(T0).accepts(SESSION, token.replace("##", "#")));
    assertFalse(at(T0).accepts(SESSION, ""));
    assertFalse(at(T0).accepts(SESSION, "None"));
    assertFalse(at(T0).accepts(SESSION, token + "0"));
  }

  @Test
  void withoutAConfiguredSecretEachProcessHasItsOwnKey() {
    Clock clock = Clock.fixed(T0, ZoneId.of("UTC"));
    String token = new CsrfTokens(true, Duration.ofMinutes(30), null, clock).issue(SESSION);
    assertFalse(new CsrfTokens(true, Duration.ofMinutes(30), null, clock).accepts(SESSION, token));
    assertNotEquals(token, at(T0).issue(SESSION));
  }
}
