package io.notejam.gateway.accesslog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One access-log record, filled in while a request is handled; {@link #toAlbLine()} writes the 33
 * fields of the ALB access-log format in order, {@link #toJson()} the same fields as JSON.
 */
public final class AccessLogEntry {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

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

  private static String quoted(String value) {
    return "\"" + (value == null ? "-" : value.replace("\"", "\\\"")) + "\"";
  }

  private Map<String, String> fields() {
    Instant time = responseTime == null ? Instant.now() : responseTime;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("type", type);
    fields.put("time", TIME.format(time));
    fields.put("elb", elb);
    fields.put("client:port", client);
    fields.put("target:port", target);
    fields.put("request_processing_time", requestProcessingTime());
    fields.put("target_processing_time", targetProcessingTime());
    fields.put("response_processing_time", responseProcessingTime());
    fields.put("elb_status_code", Integer.toString(elbStatus));
    fields.put("target_status_code", targetStatus);
    fields.put("received_bytes", Long.toString(receivedBytes));
    fields.put("sent_bytes", Long.toString(sentBytes));
    fields.put("request", request);
    fields.put("user_agent", userAgent);
    fields.put("ssl_cipher", "-");
    fields.put("ssl_protocol", "-");
    fields.put("target_group_arn", targetGroupArn);
    fields.put("trace_id", traceId);
    fields.put("domain_name", "-");
    fields.put("chosen_cert_arn", "-");
    fields.put("matched_rule_priority", matchedRulePriority);
    fields.put("request_creation_time", TIME.format(requestCreationTime));
    fields.put("actions_executed", actionsExecuted);
    fields.put("redirect_url", redirectUrl);
    fields.put("error_reason", errorReason);
    fields.put("target:port_list", target);
    fields.put("target_status_code_list", targetStatus);
    fields.put("classification", classification);
    fields.put("classification_reason", classificationReason);
    fields.put("conn_trace_id", connTraceId);
    fields.put("transformed_host", transformedHost);
    fields.put("transformed_uri", transformedUri);
    fields.put("request_transform_status", requestTransformStatus);
    return fields;
  }

  /** Fields whose values may hold spaces and are written in double quotes. */
  private static final java.util.Set<String> QUOTED =
      java.util.Set.of(
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

  public String toAlbLine() {
    StringBuilder line = new StringBuilder(512);
    for (Map.Entry<String, String> field : fields().entrySet()) {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(QUOTED.contains(field.getKey()) ? quoted(field.getValue()) : field.getValue());
    }
    return line.toString();
  }

  public String toJson() {
    StringBuilder json = new StringBuilder(768).append('{');
    for (Map.Entry<String, String> field : fields().entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      appendJsonString(json, field.getKey()).append(':');
      appendJsonString(json, field.getValue());
    }
    return json.append('}').toString();
  }

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
