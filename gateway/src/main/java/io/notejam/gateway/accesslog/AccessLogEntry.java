package io.notejam.gateway.accesslog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * One access-log record, filled in while a request is handled; {@link #toAlbLine()} writes the 33
 * fields of the ALB access-log format in order, {@link #toJson()} the same fields as JSON.
 */
public final class AccessLogEntry {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  public String type = "http";
  public String elb = "-";
  public String client = "-";
  public String target = "-";

  /** Nanosecond marks; -1 when the step never happened. */
  public long receivedNanos = -1;

  public long sentToTargetNanos = -1;
  public long targetHeadersNanos = -1;
  public long responseStartNanos = -1;
  public Instant requestCreationTime = Instant.now();
  public Instant responseTime;
  public int elbStatus;
  public String targetStatus = "-";
  public long receivedBytes;
  public long sentBytes;
  public String request = "-";
  public String userAgent = "-";
  public String targetGroupArn = "-";
  public String traceId = "-";
  public String matchedRulePriority = "-";
  public String actionsExecuted = "-";
  public String redirectUrl = "-";
  public String errorReason = "-";
  public String classification = "-";
  public String classificationReason = "-";
  public String connTraceId = "-";
  public String transformedHost = "-";
  public String transformedUri = "-";
  public String requestTransformStatus = "-";

  private static String seconds(long fromNanos, long toNanos) {
    if (fromNanos < 0 || toNanos < 0) {
      return "-1";
    }
    long millis = Math.max(0, toNanos - fromNanos) / 1_000_000;
    long fraction = millis % 1000;
    return (millis / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
  }

  private String requestProcessingTime() {
    return seconds(receivedNanos, sentToTargetNanos);
  }

  private String targetProcessingTime() {
    return seconds(sentToTargetNanos, targetHeadersNanos);
  }

  private String responseProcessingTime() {
    return seconds(targetHeadersNanos, responseStartNanos);
  }

  /** The 33 values in {@link AccessLogLine#FIELDS} order, unquoted. */
  private String[] values() {
    Instant time = responseTime == null ? Instant.now() : responseTime;
    return new String[] {
      type,
      timestamp(time),
      elb,
      client,
      target,
      requestProcessingTime(),
      targetProcessingTime(),
      responseProcessingTime(),
      Integer.toString(elbStatus),
      targetStatus,
      Long.toString(receivedBytes),
      Long.toString(sentBytes),
      request,
      userAgent,
      "-",
      "-",
      targetGroupArn,
      traceId,
      "-",
      "-",
      matchedRulePriority,
      timestamp(requestCreationTime),
      actionsExecuted,
      redirectUrl,
      errorReason,
      target,
      targetStatus,
      classification,
      classificationReason,
      connTraceId,
      transformedHost,
      transformedUri,
      requestTransformStatus
    };
  }

  /** Whether each field (by position) may hold spaces and is written in double quotes. */
  private static final boolean[] QUOTED = quotedFields();

  private static boolean[] quotedFields() {
    Set<String> quoted =
        Set.of(
            "request",
            "user_agent",
            "trace_id",
            "domain_name",
            "chosen_cert_arn",
            "actions_executed",
            "redirect_url",
            "error_reason",
            "target:port_list",
            "target_status_code_list",
            "classification",
            "classification_reason",
            "transformed_host",
            "transformed_uri",
            "request_transform_status");
    boolean[] flags = new boolean[AccessLogLine.FIELDS.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = quoted.contains(AccessLogLine.FIELDS.get(i));
    }
    return flags;
  }

  public String toAlbLine() {
    String[] values = values();
    StringBuilder line = new StringBuilder(512);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(' ');
      }
      String value = values[i] == null ? "-" : values[i];
      if (QUOTED[i]) {
        line.append('"');
        appendEscapingQuotes(line, value);
        line.append('"');
      } else {
        line.append(value);
      }
    }
    return line.toString();
  }

  private static void appendEscapingQuotes(StringBuilder out, String value) {
    if (value.indexOf('"') < 0) {
      out.append(value);
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('\\');
      }
      out.append(c);
    }
  }

  public String toJson() {
    String[] values = values();
    StringBuilder json = new StringBuilder(768).append('{');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        json.append(',');
      }
      appendJsonString(json, AccessLogLine.FIELDS.get(i)).append(':');
      appendJsonString(json, values[i] == null ? "-" : values[i]);
    }
    return json.append('}').toString();
  }

  /**
   * ISO-8601 UTC with microseconds. The text up to the seconds is formatted once per second (lines
   * are written in time order, so it rarely changes); only the fraction is formatted per line.
   */
  static String timestamp(Instant time) {
    SecondPrefix prefix = lastSecond;
    if (prefix == null || prefix.epochSecond != time.getEpochSecond()) {
      prefix = new SecondPrefix(time.getEpochSecond(), SECONDS.format(time));
      lastSecond = prefix;
    }
    int micros = time.getNano() / 1000;
    char[] text = new char[prefix.text.length() + 8];
    prefix.text.getChars(0, prefix.text.length(), text, 0);
    int at = prefix.text.length();
    text[at++] = '.';
    for (int divisor = 100_000; divisor > 0; divisor /= 10) {
      text[at++] = (char) ('0' + micros / divisor % 10);
    }
    text[at] = 'Z';
    return new String(text);
  }

  private record SecondPrefix(long epochSecond, String text) {}

  private static volatile SecondPrefix lastSecond;

  private static StringBuilder appendJsonString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
