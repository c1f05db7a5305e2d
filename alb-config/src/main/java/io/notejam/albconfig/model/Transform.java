package io.notejam.albconfig.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A rule transform: host-header-rewrite or url-rewrite, each one {Regex, Replace}. */
public record Transform(
    @JsonProperty("Type") String type,
    @JsonProperty("HostHeaderRewriteConfig") RewriteConfig hostHeaderRewriteConfig,
    @JsonProperty("UrlRewriteConfig") RewriteConfig urlRewriteConfig) {

  public static final String HOST_HEADER_REWRITE = "host-header-rewrite";
  public static final String URL_REWRITE = "url-rewrite";

  /** The config matching {@code Type}, or null. */
  public RewriteConfig config() {
    return URL_REWRITE.equals(type) ? urlRewriteConfig : hostHeaderRewriteConfig;
  }

  /** {@code Rewrites}: AWS takes exactly one. */
  public record RewriteConfig(@JsonProperty("Rewrites") List<Rewrite> rewrites) {
    public RewriteConfig {
      rewrites = Lists.orEmpty(rewrites);
    }
  }

  /** Regex and its replacement ({@code $1}, {@code $2} … refer to capture groups). */
  public record Rewrite(
      @JsonProperty("Regex") String regex, @JsonProperty("Replace") String replace) {}
}
