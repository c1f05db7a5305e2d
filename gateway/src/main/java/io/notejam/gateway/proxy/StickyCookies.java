package io.notejam.gateway.proxy;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The load balancer's stickiness cookies ({@code AWSALB}, {@code AWSALBAPP-0}, {@code AWSALBTG}).
 * AWS encrypts them; here they are opaque HMAC-signed tokens naming the group or target and the end
 * of the stickiness duration. The cookie itself always expires in 7 days and is refreshed on every
 * response, with {@code Expires} (not Max-Age).
 */
final class StickyCookies {
  static final String LB = "AWSALB";
  static final String LB_CORS = "AWSALBCORS";
  static final String APP = "AWSALBAPP-0";
  static final String GROUP = "AWSALBTG";
  static final String GROUP_CORS = "AWSALBTGCORS";
  private static final long COOKIE_LIFETIME_SECONDS = 7 * 24 * 3600;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;

  StickyCookies(byte[] key) {
    this.key = key.clone();
  }

  static StickyCookies withRandomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new StickyCookies(key);
  }

  /** A token naming {@code subject} for {@code durationSeconds}. */
  String issue(String kind, String subject, long durationSeconds) {
    long until = System.currentTimeMillis() / 1000 + durationSeconds;
    String payload = kind + "|" + subject + "|" + until;
    return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + sign(payload);
  }

  /** What a valid, unexpired token of {@code kind} names; null for anything else. */
  String verify(String kind, String token) {
    if (token == null) {
      return null;
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return null;
    }
    try {
      String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(
          sign(payload).getBytes(StandardCharsets.US_ASCII),
          token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
        return null;
      }
      String[] parts = payload.split("\\|");
      if (parts.length != 3 || !parts[0].equals(kind)) {
        return null;
      }
      if (Long.parseLong(parts[2]) < System.currentTimeMillis() / 1000) {
        return null;
      }
      return parts[1];
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
      return ENCODER.encodeToString(java.util.Arrays.copyOf(digest, 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  /** The value of cookie {@code name} in the request, or null. */
  static String requestCookie(HttpHeaders headers, String name) {
    for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
      for (Cookie cookie : ServerCookieDecoder.LAX.decodeAll(header)) {
        if (cookie.name().equals(name)) {
          return cookie.value();
        }
      }
    }
    return null;
  }

  /** {@code Set-Cookie} values for a cookie and (when {@code cors}) its CORS twin. */
  static void addSetCookies(HttpHeaders headers, String name, String corsName, String value) {
    String expires =
        DateFormatter.format(new Date(System.currentTimeMillis() + COOKIE_LIFETIME_SECONDS * 1000));
    headers.add(HeaderNames.SET_COOKIE, name + "=" + value + "; Expires=" + expires + "; Path=/");
    if (corsName != null) {
      headers.add(
          HeaderNames.SET_COOKIE,
          corsName + "=" + value + "; Expires=" + expires + "; Path=/; SameSite=None; Secure");
    }
  }
}
