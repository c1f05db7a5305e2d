package io.notejam.express.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
  @ParameterizedTest
  @ValueSource(strings = {"0", "7", "42", "999999999999999999"})
  void plainDecimalNumbersAreIds(String value) {
    assertEquals(Optional.of(Long.parseLong(value)), Ids.parse(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "01",
        "00",
        "-1",
        "+1",
        " 1",
        "1 ",
        "1.0",
        "1e3",
        "0x1",
        "abc",
        "١",
        "1000000000000000000"
      })
  void anythingElseIsNoId(String value) {
    assertEquals(Optional.empty(), Ids.parse(value));
  }

  @Test
  void nullIsNoId() {
    assertEquals(Optional.empty(), Ids.parse(null));
  }
}
