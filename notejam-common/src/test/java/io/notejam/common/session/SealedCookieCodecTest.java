package io.notejam.common.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealedCookieCodecTest {
  private final SealedCookieCodec codec =
      new SealedCookieCodec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private final SealedCookieCodec.Contents contents =
      new SealedCookieCodec.Contents(Map.of("user_id", "42", "flash", "Hé ✓ <b>"), 1_700_000_000L);

  @Test
  void sealedContentsOpenUnchanged() {
    String sealed = codec.seal("session", contents);
    assertFalse(sealed.contains("42"), "the value must not be readable");
    assertEquals(contents, codec.open("session", sealed).orElseThrow());
  }

  @Test
  void everyAlteredOrForeignValueIsRejected() {
    String sealed = codec.seal("session", contents);
    char flipped = sealed.charAt(20) == 'A' ? 'B' : 'A';
    String tampered = sealed.substring(0, 20) + flipped + sealed.substring(21);
    SealedCookieCodec otherSecret =
        new SealedCookieCodec("another secret of enough length!".getBytes(StandardCharsets.UTF_8));

    assertTrue(codec.open("session", tampered).isEmpty());
    assertTrue(codec.open("connect.sid", sealed).isEmpty(), "bound to its cookie name");
    assertTrue(otherSecret.open("session", sealed).isEmpty());
    assertTrue(codec.open("session", sealed.substring(0, 10)).isEmpty());
    assertTrue(codec.open("session", "not base64 at all!").isEmpty());
    assertTrue(codec.open("session", "").isEmpty());
  }

  @Test
  void twoSealsOfTheSameContentsDiffer() {
    assertFalse(codec.seal("session", contents).equals(codec.seal("session", contents)));
  }
}
