package io.notejam.flask;

import io.micronaut.runtime.Micronaut;

/** Starts flask-svc: the Flask notejam on Micronaut. */
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
