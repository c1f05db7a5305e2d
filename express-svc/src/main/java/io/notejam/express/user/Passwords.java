package io.notejam.express.user;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * bcrypt as the original's bcryptjs does it: {@code $2a$}, cost 10, and only the first 72 bytes of
 * the UTF-8 password count (bcryptjs truncates silently, so longer passwords set by the original
 * still verify here).
 */
@Singleton
public class Passwords {
  private static final int COST = 10;
  private static final int BCRYPT_MAX_BYTES = 72;
  private final SecureRandom random = new SecureRandom();

  public String hash(String password) {
    return BCrypt.hashpw(bytes(password), BCrypt.gensalt("$2a", COST, random));
  }

  /** False for a hash that is not bcrypt at all, rather than an error. */
  public boolean matches(String password, String hash) {
    try {
      return hash != null && BCrypt.checkpw(bytes(password), hash);
    } catch (IllegalArgumentException notBcrypt) {
      return false;
    }
  }

  private static byte[] bytes(String password) {
    byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
    return utf8.length > BCRYPT_MAX_BYTES ? Arrays.copyOf(utf8, BCRYPT_MAX_BYTES) : utf8;
  }
}
