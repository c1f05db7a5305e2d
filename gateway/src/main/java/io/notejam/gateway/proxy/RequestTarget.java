package io.notejam.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

/**
 * The request-target split as rules see it: raw path (no decoding), raw query (null when the target
 * has no {@code ?}) and host (the first Host header, or the authority of an absolute-form target).
 */
record RequestTarget(String path, String query, String host) {

  static RequestTarget parse(HttpRequest request) {
    String uri = request.uri();
    String host = request.headers().get(HttpHeaderNames.HOST);
    int schemeEnd = uri.indexOf("://");
    if (schemeEnd > 0 && !uri.startsWith("/")) {
      int pathStart = uri.indexOf('/', schemeEnd + 3);
      int queryStart = uri.indexOf('?', schemeEnd + 3);
      int authorityEnd = pathStart < 0 ? (queryStart < 0 ? uri.length() : queryStart) : pathStart;
      if (queryStart >= 0 && queryStart < authorityEnd) {
        authorityEnd = queryStart;
      }
      host = uri.substring(schemeEnd + 3, authorityEnd);
      uri = uri.substring(authorityEnd);
      if (!uri.startsWith("/")) {
        uri = "/" + uri;
      }
    }
    int fragment = uri.indexOf('#');
    if (fragment >= 0) {
      uri = uri.substring(0, fragment);
    }
    int question = uri.indexOf('?');
    if (question < 0) {
      return new RequestTarget(uri, null, host);
    }
    return new RequestTarget(uri.substring(0, question), uri.substring(question + 1), host);
  }

  /** Path and query as the target receives them (origin form). */
  String originForm() {
    return query == null ? path : path + "?" + query;
  }
}
