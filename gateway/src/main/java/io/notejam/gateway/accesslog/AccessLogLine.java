package io.notejam.gateway.accesslog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ALB access-log line back into named fields: space-separated, {@code "…"} quoting, and,
 * as AWS asks of readers, any fields after the 33 known ones are ignored.
 */
public final class AccessLogLine {
  public static final List<String> FIELDS =
      List.of(
          "type",
          "time",
          "elb",
          "client:port",
          "target:port",
          "request_processing_time",
          "target_processing_time",
          "response_processing_time",
          "elb_status_code",
          "target_status_code",
          "received_bytes",
          "sent_bytes",
          "request",
          "user_agent",
          "ssl_cipher",
          "ssl_protocol",
          "target_group_arn",
          "trace_id",
          "domain_name",
          "chosen_cert_arn",
          "matched_rule_priority",
          "request_creation_time",
          "actions_executed",
          "redirect_url",
          "error_reason",
          "target:port_list",
          "target_status_code_list",
          "classification",
          "classification_reason",
          "conn_trace_id",
          "transformed_host",
          "transformed_uri",
          "request_transform_status");

  private AccessLogLine() {}

  /** The known fields of {@code line} by name, unquoted. */
  public static Map<String, String> parse(String line) {
    List<String> tokens = tokens(line);
    if (tokens.size() < FIELDS.size()) {
      throw new IllegalArgumentException(
          "an ALB access-log line has " + FIELDS.size() + " fields, this one " + tokens.size());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < FIELDS.size(); i++) {
      fields.put(FIELDS.get(i), tokens.get(i));
    }
    return fields;
  }

  /** Splits on spaces outside quotes; {@code \"} inside quotes is a literal quote. */
  static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean quoted = false;
    boolean inToken = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          token.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          token.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        inToken = true;
      } else if (c == ' ') {
        if (inToken) {
          tokens.add(token.toString());
          token.setLength(0);
          inToken = false;
        }
      } else {
        token.append(c);
        inToken = true;
      }
    }
    if (inToken) {
      tokens.add(token.toString());
    }
    return tokens;
  }
}
