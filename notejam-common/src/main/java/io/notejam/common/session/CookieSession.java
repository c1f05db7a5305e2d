package io.notejam.common.session;

import io.micronaut.http.HttpRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request's session: string attributes, carried in a sealed cookie by {@link SessionFilter}.
 * Not thread-safe; a request owns it.
 */
public final class CookieSession {
  static final String REQUEST_ATTRIBUTE = CookieSession.class.getName();

  private final Map<String, String> attributes;
  private final boolean isNew;
  private final long lastUsedEpochSecond;
  private boolean modified;

  CookieSession(Map<String, String> attributes, boolean isNew, long lastUsedEpochSecond) {
    this.attributes = new LinkedHashMap<>(attributes);
    this.isNew = isNew;
    this.lastUsedEpochSecond = lastUsedEpochSecond;
  }

  /** The session of a request that passed through {@link SessionFilter}. */
  public static CookieSession of(HttpRequest<?> request) {
    return request
        .getAttribute(REQUEST_ATTRIBUTE, CookieSession.class)
        .orElseThrow(() -> new IllegalStateException("SessionFilter did not run for " + request));
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  public void put(String key, String value) {
    if (value == null) {
      remove(key);
    } else if (!value.equals(attributes.put(key, value))) {
      modified = true;
    }
  }

  public void remove(String key) {
    if (attributes.remove(key) != null) {
      modified = true;
    }
  }

  public void clear() {
    if (!attributes.isEmpty()) {
      attributes.clear();
      modified = true;
    }
  }

  /** True when the request came without a valid, live session cookie. */
  public boolean isNew() {
    return isNew;
  }

  boolean isModified() {
    return modified;
  }

  boolean isEmpty() {
    return attributes.isEmpty();
  }

  long lastUsedEpochSecond() {
    return lastUsedEpochSecond;
  }

  Map<String, String> attributes() {
    return Collections.unmodifiableMap(attributes);
  }
}
