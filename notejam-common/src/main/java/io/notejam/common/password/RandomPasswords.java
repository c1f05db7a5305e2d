package io.notejam.common.password;

import java.security.SecureRandom;

/** Passwords handed out by "forgot password": lowercase letters from a secure random source. */
public final class RandomPasswords {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomPasswords() {}

  public static String lowercaseLetters(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be positive: " + length);
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) ('a' + RANDOM.nextInt(26));
    }
    return new String(chars);
  }
}
