package io.notejam.infra.loadbalancer;

/**
 * The routing file uses something the production stack cannot reproduce with the pinned AWS
 * provider. Synth stops rather than deploy routing that differs from what runs locally.
 */
public class UnsupportedRoutingException extends IllegalArgumentException {

  public UnsupportedRoutingException(String message) {
    super(message);
  }
}
