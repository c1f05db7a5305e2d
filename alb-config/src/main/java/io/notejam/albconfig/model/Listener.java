package io.notejam.albconfig.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A listener with its default actions and its rules inline (CreateListener + CreateRule). */
public record Listener(
    @JsonProperty("Port") Integer port,
    @JsonProperty("Protocol") String protocol,
    @JsonProperty("Certificates") List<Certificate> certificates,
    @JsonProperty("DefaultActions") List<Action> defaultActions,
    @JsonProperty("Rules") List<Rule> rules) {

  public Listener {
    certificates = Lists.orEmpty(certificates);
    defaultActions = Lists.orEmpty(defaultActions);
    rules = Lists.orEmpty(rules);
  }

  /** A server certificate of an HTTPS listener. */
  public record Certificate(@JsonProperty("CertificateArn") String certificateArn) {}
}
