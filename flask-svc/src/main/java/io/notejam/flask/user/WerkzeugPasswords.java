package io.notejam.flask.user;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;

/**
 * Password hashes in Werkzeug's {@code method$salt$hash} format.
 *
 * <p>Reads what the original (Werkzeug 0.8.3) stored: {@code sha1$<salt>$<HMAC-SHA1 hex>}, and the
 * other forms that library accepted (md5, unsalted, plain; spec 3.2). Writes {@code
 * pbkdf2:sha256:<iterations>$<salt>$<hex>}, the format later Werkzeug releases write and read, so
 * that a newer Flask app could still verify our hashes.
 */
@Singleton
public final class WerkzeugPasswords {
  private static final String SALT_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final int SALT_LENGTH = 16;
  private static final HexFormat HEX = HexFormat.of();

  private final SecureRandom random = new SecureRandom();
  private final int iterations;

  public WerkzeugPasswords(@Value("${notejam.flask.password.iterations:600000}") int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("notejam.flask.password.iterations must be positive");
    }
    this.iterations = iterations;
  }

  /** A new hash of {@code password} with a fresh salt. */
  public String hash(String password) {
    String salt = salt();
    return "pbkdf2:sha256:" + iterations + "$" + salt + "$" + pbkdf2(password, salt, iterations);
  }

  /** Whether {@code password} matches {@code stored}; false for anything malformed or unknown. */
  public boolean verify(String stored, String password) {
    if (stored == null || password == null) {
      return false;
    }
    int first = stored.indexOf('$');
    int second = first < 0 ? -1 : stored.indexOf('$', first + 1);
    if (second < 0) {
      return false;
    }
    String method = stored.substring(0, first);
    String salt = stored.substring(first + 1, second);
    String expected = stored.substring(second + 1);
    String candidate = candidate(method, salt, password);
    return candidate != null
        && MessageDigest.isEqual(
            candidate.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a verified hash should be replaced by one in the current format and strength. */
  public boolean needsRehash(String stored) {
    return stored == null || !stored.startsWith("pbkdf2:sha256:" + iterations + "$");
  }

  private String candidate(String method, String salt, String password) {
    if (method.equals("plain")) {
      return password;
    }
    if (method.equals("sha1") || method.equals("md5")) {
      return salt.isEmpty() ? digest(method, password) : hmac(method, salt, password);
    }
    if (method.startsWith("pbkdf2:sha256:")) {
      String count = method.substring("pbkdf2:sha256:".length());
      if (!count.matches("[0-9]{1,9}") || Integer.parseInt(count) < 1) {
        return null;
      }
      return pbkdf2(password, salt, Integer.parseInt(count));
    }
    return null;
  }

  /**
   * HMAC pads its key with zero bytes, so an empty key equals a single zero byte; SecretKeySpec
   * refuses empty keys.
   */
  private static byte[] hmacKey(String password) {
    byte[] key = password.getBytes(StandardCharsets.UTF_8);
    return key.length == 0 ? new byte[] {0} : key;
  }

  private String salt() {
    StringBuilder sb = new StringBuilder(SALT_LENGTH);
    for (int i = 0; i < SALT_LENGTH; i++) {
      sb.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
    }
    return sb.toString();
  }

  private static String hmac(String method, String salt, String password) {
    String algorithm = method.equals("sha1") ? "HmacSHA1" : "HmacMD5";
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), algorithm));
      return HEX.formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  private static String digest(String method, String password) {
    try {
      MessageDigest md = MessageDigest.getInstance(method.equals("sha1") ? "SHA-1" : "MD5");
      return HEX.formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(method + " is part of every JDK", e);
    }
  }

  /**
   * PBKDF2-HMAC-SHA256 over the UTF-8 bytes of password and salt, as Werkzeug computes it. Done
   * with {@link Mac} rather than {@link SecretKeyFactory}, whose PBEKeySpec takes the password as
   * chars and re-encodes it.
   */
  private static String pbkdf2(String password, String salt, int iterations) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hmacKey(password), "HmacSHA256"));
      mac.update(salt.getBytes(StandardCharsets.UTF_8));
      mac.update(new byte[] {0, 0, 0, 1});
      byte[] u = mac.doFinal();
      byte[] result = u.clone();
      for (int i = 1; i < iterations; i++) {
        u = mac.doFinal(u);
        for (int j = 0; j < result.length; j++) {
          result[j] ^= u[j];
        }
      }
      return HEX.formatHex(result);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
