package io.notejam.common.env;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Whether this is production, by the originals' {@code ENVIRONMENT} variable ({@code production},
 * any case); everything else counts as a developer's machine.
 */
@Singleton
public class DeploymentMode {
  private final boolean production;

  public DeploymentMode(@Value("${environment:development}") String environment) {
    this.production = "production".equalsIgnoreCase(environment.trim());
  }

  public boolean isProduction() {
    return production;
  }
}
