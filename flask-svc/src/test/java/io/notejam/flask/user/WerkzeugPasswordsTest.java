package io.notejam.flask.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Werkzeug hash formats (spec 3): the original's worked examples, and what we write. */
class WerkzeugPasswordsTest {
  private final WerkzeugPasswords passwords = new WerkzeugPasswords(1000);

  @Test
  void verifiesTheOriginalsHashes() {
    assertTrue(passwords.verify("sha1$m62QypQL$f0e29a9fb1a2c117e521c70703c04b29cb25a39e", "pw"));
    assertTrue(
        passwords.verify(
            "sha1$Xy7Qa9Zb$bb49bd12784d22156c1076b7f399ae3132320a83", "secure_password"));
    assertTrue(
        passwords.verify("sha1$Xy7Qa9Zb$398a302b53ffe47851497d893885761f1f5c33b5", "pässwörd"));
    assertFalse(passwords.verify("sha1$m62QypQL$f0e29a9fb1a2c117e521c70703c04b29cb25a39e", "PW"));
    assertFalse(
        passwords.verify("sha1$m62QypQL$F0E29A9FB1A2C117E521C70703C04B29CB25A39E", "pw"),
        "case-sensitive");
  }

  @Test
  void acceptsTheOtherFormsWerkzeugAccepted() {
    assertTrue(passwords.verify("plain$$pw", "pw"));
    assertTrue(passwords.verify("sha1$$" + "1a91d62f7ca67399625a4368a6ab5d4a3baa6073", "pw"));
    assertTrue(passwords.verify("md5$$" + "8fe4c11451281c094a6578e6ddbf5eed", "pw"));
  }

  @Test
  void rejectsMalformedAndUnknownFormats() {
    assertFalse(passwords.verify("nodollar", "pw"));
    assertFalse(passwords.verify("sha1$onlyone", "pw"));
    assertFalse(passwords.verify("bcrypt$salt$hash", "pw"));
    assertFalse(passwords.verify("pbkdf2:sha256:x$salt$hash", "pw"));
    assertFalse(passwords.verify(null, "pw"));
  }

  @Test
  void writesSaltedPbkdf2ThatVerifies() {
    String hash = passwords.hash("pässwörd");
    assertTrue(hash.matches("pbkdf2:sha256:1000\\$[A-Za-z0-9]{16}\\$[0-9a-f]{64}"), hash);
    assertTrue(passwords.verify(hash, "pässwörd"));
    assertFalse(passwords.verify(hash, "passwörd"));
    assertNotEquals(hash, passwords.hash("pässwörd"), "fresh salt each time");
    assertFalse(passwords.needsRehash(hash));
    assertTrue(new WerkzeugPasswords(2000).needsRehash(hash), "weaker than configured");
    assertTrue(passwords.needsRehash("sha1$m62QypQL$f0e29a9fb1a2c117e521c70703c04b29cb25a39e"));
  }

  @Test
  void matchesWerkzeugsPbkdf2() {
    // Python: hashlib.pbkdf2_hmac("sha256", b"pw", b"saltsaltsaltsalt", 1000).hex(), which is
    // what Werkzeug's generate_password_hash("pw", "pbkdf2:sha256:1000") stores after the salt.
    String known =
        "pbkdf2:sha256:1000$saltsaltsaltsalt$"
            + "4fb7a959fc411e229040694d277fbd08cd7b750b8a55e5aefbe6a7b8801feaf8";
    assertTrue(passwords.verify(known, "pw"));
    assertFalse(passwords.verify(known, "pw "));
  }
}
