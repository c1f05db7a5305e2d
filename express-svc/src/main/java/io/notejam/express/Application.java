package io.notejam.express;

import io.micronaut.runtime.Micronaut;

/** Starts the Express notejam port. */
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
