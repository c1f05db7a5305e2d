package io.notejam.common.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomPasswordsTest {
  @Test
  void eightLowercaseLettersThatDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    Set<Character> letters = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String p = RandomPasswords.lowercaseLetters(8);
      assertTrue(p.matches("[a-z]{8}"), p);
      seen.add(p);
      p.chars().forEach(c -> letters.add((char) c));
    }
    assertEquals(2000, seen.size(), "26^8 values: no collisions expected in 2000 draws");
    assertEquals(26, letters.size(), "every letter is used");
    assertThrows(IllegalArgumentException.class, () -> RandomPasswords.lowercaseLetters(0));
  }
}
