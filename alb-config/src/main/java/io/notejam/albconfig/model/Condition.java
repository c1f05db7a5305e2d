package io.notejam.albconfig.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A rule condition: {@code Field} plus the matching {@code *Config} object (or the legacy one-value
 * {@code Values} for host-header and path-pattern).
 */
public record Condition(
    @JsonProperty("Field") String field,
    @JsonProperty("Values") List<String> values,
    @JsonProperty("HostHeaderConfig") PatternConfig hostHeaderConfig,
    @JsonProperty("PathPatternConfig") PatternConfig pathPatternConfig,
    @JsonProperty("HttpHeaderConfig") HttpHeaderConfig httpHeaderConfig,
    @JsonProperty("QueryStringConfig") QueryStringConfig queryStringConfig,
    @JsonProperty("HttpRequestMethodConfig") ValuesConfig httpRequestMethodConfig,
    @JsonProperty("SourceIpConfig") ValuesConfig sourceIpConfig) {

  public static final String HOST_HEADER = "host-header";
  public static final String PATH_PATTERN = "path-pattern";
  public static final String HTTP_HEADER = "http-header";
  public static final String QUERY_STRING = "query-string";
  public static final String HTTP_REQUEST_METHOD = "http-request-method";
  public static final String SOURCE_IP = "source-ip";

  public Condition {
    values = Lists.orEmpty(values);
  }

  /** Wildcard values of host-header, path-pattern, http-request-method or source-ip. */
  public List<String> plainValues() {
    if (field == null) {
      return values;
    }
    return switch (field) {
      case HOST_HEADER -> hostHeaderConfig != null ? hostHeaderConfig.values() : values;
      case PATH_PATTERN -> pathPatternConfig != null ? pathPatternConfig.values() : values;
      case HTTP_HEADER -> httpHeaderConfig != null ? httpHeaderConfig.values() : List.of();
      case HTTP_REQUEST_METHOD ->
          httpRequestMethodConfig != null ? httpRequestMethodConfig.values() : List.of();
      case SOURCE_IP -> sourceIpConfig != null ? sourceIpConfig.values() : List.of();
      default -> List.of();
    };
  }

  /** RegexValues of host-header, path-pattern or http-header; empty for the other fields. */
  public List<String> regexValues() {
    if (field == null) {
      return List.of();
    }
    return switch (field) {
      case HOST_HEADER -> hostHeaderConfig != null ? hostHeaderConfig.regexValues() : List.of();
      case PATH_PATTERN -> pathPatternConfig != null ? pathPatternConfig.regexValues() : List.of();
      case HTTP_HEADER -> httpHeaderConfig != null ? httpHeaderConfig.regexValues() : List.of();
      default -> List.of();
    };
  }

  /** Values (wildcards) or RegexValues, for host-header and path-pattern conditions. */
  public record PatternConfig(
      @JsonProperty("Values") List<String> values,
      @JsonProperty("RegexValues") List<String> regexValues) {
    public PatternConfig {
      values = Lists.orEmpty(values);
      regexValues = Lists.orEmpty(regexValues);
    }
  }

  /** Header name plus Values (wildcards) or RegexValues. */
  public record HttpHeaderConfig(
      @JsonProperty("HttpHeaderName") String httpHeaderName,
      @JsonProperty("Values") List<String> values,
      @JsonProperty("RegexValues") List<String> regexValues) {
    public HttpHeaderConfig {
      values = Lists.orEmpty(values);
      regexValues = Lists.orEmpty(regexValues);
    }
  }

  /** Key/value pairs; a pair without a key matches any parameter with that value. */
  public record QueryStringConfig(@JsonProperty("Values") List<KeyValue> values) {
    public QueryStringConfig {
      values = Lists.orEmpty(values);
    }
  }

  /** One query-string pair. */
  public record KeyValue(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {}

  /** Plain values, for http-request-method and source-ip (no regex form exists). */
  public record ValuesConfig(@JsonProperty("Values") List<String> values) {
    public ValuesConfig {
      values = Lists.orEmpty(values);
    }
  }
}
