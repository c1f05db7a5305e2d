package io.notejam.gateway.routing;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.notejam.albconfig.model.Transform;

/**
 * A host-header-rewrite or url-rewrite: the regex is searched in the subject and the first match
 * replaced ({@code $1} … for groups). No match leaves the request as it was.
 */
public final class UrlTransform {
  private final boolean url;
  private final Pattern regex;
  private final String replace;

  UrlTransform(Transform transform) {
    Transform.Rewrite rewrite = transform.config().rewrites().get(0);
    this.url = Transform.URL_REWRITE.equals(transform.type());
    this.regex = Pattern.compile(rewrite.regex());
    this.replace = rewrite.replace();
  }

  /** True for url-rewrite (subject: path and query), false for host-header-rewrite. */
  public boolean rewritesUrl() {
    return url;
  }

  /**
   * The rewritten subject, or null when the regex does not match.
   *
   * @throws IllegalArgumentException when the replacement refers to a group the regex lacks
   */
  public String apply(String subject) {
    Matcher matcher = regex.matcher(subject);
    if (!matcher.find()) {
      return null;
    }
    return matcher.replaceFirst(replace);
  }
}
