package io.notejam.gateway.accesslog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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
    return appendSeconds(new LineBuffer(16), fromNanos, toNanos).toString();
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

  public String toAlbLine() {
    LineBuffer line = new LineBuffer(512);
    appendAlbLine(line);
    return line.toString();
  }

  /**
   * Appends the ALB line (without a line break), field by field: the log thread formats one for
   * every request, so without the intermediate strings of {@link #values()}.
   */
  void appendAlbLine(LineBuffer line) {
    Instant time = responseTime == null ? Instant.now() : responseTime;
    plain(line, type).ch(' ');
    appendTimestamp(line, time).ch(' ');
    plain(line, elb).ch(' ');
    plain(line, client).ch(' ');
    plain(line, target).ch(' ');
    appendSeconds(line, receivedNanos, sentToTargetNanos).ch(' ');
    appendSeconds(line, sentToTargetNanos, targetHeadersNanos).ch(' ');
    appendSeconds(line, targetHeadersNanos, responseStartNanos).ch(' ');
    line.number(elbStatus).ch(' ');
    plain(line, targetStatus).ch(' ');
    line.number(receivedBytes).ch(' ').number(sentBytes).ch(' ');
    quoted(line, request).ch(' ');
    quoted(line, userAgent).text(" - - ");
    plain(line, targetGroupArn).ch(' ');
    quoted(line, traceId).text(" \"-\" \"-\" ");
    plain(line, matchedRulePriority).ch(' ');
    appendTimestamp(line, requestCreationTime).ch(' ');
    quoted(line, actionsExecuted).ch(' ');
    quoted(line, redirectUrl).ch(' ');
    quoted(line, errorReason).ch(' ');
    quoted(line, target).ch(' ');
    quoted(line, targetStatus).ch(' ');
    quoted(line, classification).ch(' ');
    quoted(line, classificationReason).ch(' ');
    plain(line, connTraceId).ch(' ');
    quoted(line, transformedHost).ch(' ');
    quoted(line, transformedUri).ch(' ');
    quoted(line, requestTransformStatus);
  }

  private static LineBuffer plain(LineBuffer line, String value) {
    return line.text(value == null ? "-" : value);
  }

  private static LineBuffer quoted(LineBuffer line, String value) {
    return line.ch('"').text(value == null ? "-" : value, true).ch('"');
  }

  private static LineBuffer appendSeconds(LineBuffer line, long fromNanos, long toNanos) {
    if (fromNanos < 0 || toNanos < 0) {
      return line.text("-1");
    }
    long millis = Math.max(0, toNanos - fromNanos) / 1_000_000;
    return line.number(millis / 1000).ch('.').padded(millis % 1000, 3);
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
    LineBuffer text = new LineBuffer(27);
    appendTimestamp(text, time);
    return text.toString();
  }

  private static LineBuffer appendTimestamp(LineBuffer line, Instant time) {
    SecondPrefix prefix = lastSecond;
    if (prefix == null || prefix.epochSecond != time.getEpochSecond()) {
      prefix = new SecondPrefix(time.getEpochSecond(), SECONDS.format(time));
      lastSecond = prefix;
    }
    return line.text(prefix.text).ch('.').padded(time.getNano() / 1000, 6).ch('Z');
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
