package io.notejam.common.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;

/** {@code notejam.session.*}: the session cookie and its lifetime. */
@ConfigurationProperties("notejam.session")
public class SessionSettings {
  private String cookieName = "session";
  private String secret;
  private Duration idleTimeout = Duration.ofMinutes(30);
  private boolean secureCookie;
  private SameSite sameSite = SameSite.Lax;

  public String getCookieName() {
    return cookieName;
  }

  public void setCookieName(String cookieName) {
    this.cookieName = cookieName;
  }

  /** Keys the cookie's encryption; every task behind the load balancer must share it. */
  @Nullable
  public String getSecret() {
    return secret;
  }

  public void setSecret(@Nullable String secret) {
    this.secret = secret;
  }

  /** A session unused for this long is over; every request slides it. */
  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  public void setIdleTimeout(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  public boolean isSecureCookie() {
    return secureCookie;
  }

  public void setSecureCookie(boolean secureCookie) {
    this.secureCookie = secureCookie;
  }

  public SameSite getSameSite() {
    return sameSite;
  }

  public void setSameSite(SameSite sameSite) {
    this.sameSite = sameSite;
  }
}
