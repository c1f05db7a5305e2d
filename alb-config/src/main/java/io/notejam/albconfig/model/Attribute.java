package io.notejam.albconfig.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One {@code {Key, Value}} pair of LoadBalancerAttributes or TargetGroupAttributes. */
public record Attribute(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {}
