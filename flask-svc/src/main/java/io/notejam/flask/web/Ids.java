package io.notejam.flask.web;

/** Route ids: the routes only match digits, but a number too big for a row id is still a 404. */
public final class Ids {
  private Ids() {}

  public static long parse(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new NotFoundException();
    }
  }
}
