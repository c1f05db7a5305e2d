package io.notejam.common.session;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a session's attributes into a cookie value with AES-256-GCM: the client can neither read
 * nor alter it, and any task that shares the secret can open it. The cookie name is authenticated
 * too, so a value cannot be replayed under another cookie.
 */
@Singleton
public class SealedCookieCodec {
  private static final byte VERSION = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public SealedCookieCodec(SessionSecret secret) {
    this(secret.bytes());
  }

  SealedCookieCodec(byte[] secret) {
    this.key = new SecretKeySpec(deriveKey(secret), "AES");
  }

  /** What a cookie held: the attributes and when the session was last used (epoch seconds). */
  public record Contents(Map<String, String> attributes, long lastUsedEpochSecond) {}

  public String seal(String cookieName, Contents contents) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(cookieName.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(serialize(contents));
      return ENCODER.encodeToString(
          ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** The contents, or empty for anything forged, truncated, from another secret or malformed. */
  public Optional<Contents> open(String cookieName, String value) {
    try {
      byte[] raw = DECODER.decode(value);
      if (raw.length <= IV_BYTES) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
      cipher.updateAAD(cookieName.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
      return Optional.of(deserialize(plain));
    } catch (IllegalArgumentException | GeneralSecurityException | IOException e) {
      return Optional.empty();
    }
  }

  private static byte[] serialize(Contents contents) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      out.writeLong(contents.lastUsedEpochSecond());
      out.writeShort(contents.attributes().size());
      for (Map.Entry<String, String> e : contents.attributes().entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Contents deserialize(byte[] plain) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
    if (in.readByte() != VERSION) {
      throw new IOException("unknown session format");
    }
    long lastUsed = in.readLong();
    int size = in.readUnsignedShort();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      attributes.put(in.readUTF(), in.readUTF());
    }
    return new Contents(attributes, lastUsed);
  }

  private static byte[] deriveKey(byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal("notejam session cookie v1".getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
