package io.notejam.albconfig.model;

import java.util.List;

/** Absent lists in a document read as empty, so callers never null-check a collection. */
final class Lists {
  private Lists() {}

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
