package io.notejam.albconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notejam.albconfig.model.HttpCodeMatcher;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.albconfig.model.TargetGroup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Invalid documents are rejected with AWS-worded messages that name the rule and field. */
class ValidationTest {

  /**
   * A valid two-group document; tests replace {@code RULES}, {@code GROUP_EXTRA} and {@code ATTRS}.
   */
  private static final String TEMPLATE =
      """
      Name: test-alb
      LoadBalancerAttributes: [ATTRS]
      Listeners:
        - Port: 8080
          Protocol: HTTP
          DefaultActions:
            - Type: forward
              TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/blue/0123456789abcdef
          Rules:
      RULES
      TargetGroups:
        - Name: blue
          Protocol: HTTP
          Port: 3000
          TargetType: ip
      GROUP_EXTRA
          Targets:
            - Id: 127.0.0.1
        - Name: green
          Protocol: HTTP
          Port: 3001
          TargetType: ip
      """;

  private static final String FORWARD_BLUE =
      """
                Actions:
                  - Type: forward
                    ForwardConfig:
                      TargetGroups: [{TargetGroupName: blue}]
      """;

  private static String doc(String rules, String groupExtra, String attrs) {
    return TEMPLATE
        .replace("RULES", rules.isEmpty() ? "        []" : rules.stripTrailing())
        .replace("GROUP_EXTRA\n", groupExtra)
        .replace("ATTRS", attrs);
  }

  private static String rule(int priority, String conditions) {
    return "        - Priority: "
        + priority
        + "\n          Conditions:\n"
        + conditions.stripTrailing()
        + "\n"
        + FORWARD_BLUE;
  }

  private static String path(String... values) {
    return "            - Field: path-pattern\n              PathPatternConfig:\n                Values: ["
        + "'"
        + String.join("', '", values)
        + "']\n";
  }

  private static String rejected(String yaml) {
    AlbConfigException e =
        assertThrows(AlbConfigException.class, () -> AlbConfig.parse(yaml, false, "test.yaml"));
    return e.getMessage();
  }

  private static void assertMentions(String message, String... fragments) {
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in:\n" + message);
    }
  }

  @Test
  void theTemplateItselfIsValid() throws Exception {
    LoadBalancer alb = AlbConfig.parse(doc(rule(5, path("/a*")), "", ""), false, "t");
    assertEquals(5, alb.listeners().get(0).rules().get(0).priority());
    assertEquals(
        "blue", alb.listeners().get(0).defaultActions().get(0).forwardTargets().get(0).groupName());
  }

  @Test
  @DisplayName("R-03 a duplicate priority on one listener is rejected with PriorityInUse")
  void duplicatePriority() {
    String message = rejected(doc(rule(5, path("/a")) + rule(5, path("/b")), "", ""));
    assertMentions(
        message,
        "An error occurred (PriorityInUse) when calling the CreateRule operation: The specified priority is in use.",
        "Listeners[0] (port 8080).Rules[1] (Priority 5).Priority");
  }

  @Test
  @DisplayName("R-04 priority outside 1-50000 is rejected")
  void priorityRange() {
    assertMentions(
        rejected(doc(rule(0, path("/a")), "", "")),
        "Value '0' at 'priority' failed to satisfy constraint: Member must have value greater than or equal to 1",
        "Rules[0] (Priority 0).Priority");
    assertMentions(
        rejected(doc(rule(50001, path("/a")), "", "")),
        "Member must have value less than or equal to 50000");
  }

  @Test
  @DisplayName("R-06 more than 3 values in a condition or 5 in a rule is rejected")
  void valueQuotas() {
    assertMentions(
        rejected(doc(rule(1, path("/a", "/b", "/c", "/d")), "", "")),
        "(TooManyConditionValues)",
        "A condition can only have '3' values",
        "Conditions[0].PathPatternConfig.Values");
    String sixValues =
        path("/a", "/b", "/c")
            + "            - Field: http-header\n              HttpHeaderConfig:\n                HttpHeaderName: X-A\n                Values: [a, b, c]\n";
    assertMentions(
        rejected(doc(rule(1, sixValues), "", "")), "A rule can only have '5' condition values");
  }

  @Test
  @DisplayName("R-07 more than 5 wildcards in one rule is rejected; escaped ones do not count")
  void wildcardQuota() {
    assertMentions(
        rejected(doc(rule(1, path("/a*b*c*", "/?/?/?")), "", "")),
        "A rule can only have '5' wildcards; this rule has 6");
    String escaped =
        "            - Field: query-string\n              QueryStringConfig:\n                Values: [{Key: k, Value: 'a\\*\\*\\*'}]\n";
    assertTrue(AlbConfig.validate(read(doc(rule(1, escaped + path("/a*b*c*")), "", ""))).isEmpty());
  }

  @Test
  @DisplayName(
      "R-08 two path-pattern conditions are rejected; several http-header conditions are fine")
  void conditionCardinality() {
    assertMentions(
        rejected(doc(rule(1, path("/a") + path("/b")), "", "")),
        "A rule can only have one 'path-pattern' condition",
        "Conditions[1]");
    String twoHeaders =
        "            - Field: http-header\n              HttpHeaderConfig: {HttpHeaderName: X-A, Values: [a]}\n"
            + "            - Field: http-header\n              HttpHeaderConfig: {HttpHeaderName: X-B, Values: [b]}\n";
    assertTrue(AlbConfig.validate(read(doc(rule(1, twoHeaders), "", ""))).isEmpty());
  }

  @Test
  @DisplayName("R-09 exactly one terminal action, and it must be last in Order")
  void terminalAction() {
    String twoTerminals =
        "        - Priority: 1\n          Conditions:\n"
            + path("/a")
            + "          Actions:\n"
            + "            - {Type: fixed-response, Order: 1, FixedResponseConfig: {StatusCode: '200'}}\n"
            + "            - {Type: forward, Order: 2, TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/blue/x}\n";
    assertMentions(
        rejected(doc(twoTerminals, "", "")),
        "Exactly one of 'forward', 'redirect' or 'fixed-response' must be specified; found 2",
        "Rules[0] (Priority 1).Actions");
  }

  @Test
  @DisplayName("C-14 lookaround, backreferences and \\p{L} in RegexValues are rejected at load")
  void unsupportedRegex() {
    for (String regex : new String[] {"^/(?=api)", "(a)\\1", "^/\\p{L}+$", "(?>atomic)", "a*+"}) {
      String condition =
          "            - Field: path-pattern\n              PathPatternConfig:\n                RegexValues: ['"
              + regex
              + "']\n";
      assertMentions(
          rejected(doc(rule(1, condition), "", "")),
          "The regex '" + regex + "' is not valid",
          "Conditions[0].PathPatternConfig.RegexValues[0]");
    }
  }

  @Test
  @DisplayName("A-02 six target groups in one forward action are rejected")
  void tooManyGroupsInForward() {
    String forward =
        "        - Priority: 1\n          Conditions:\n"
            + path("/a")
            + "          Actions:\n            - Type: forward\n              ForwardConfig:\n                TargetGroups:\n"
            + "                  - {TargetGroupName: blue}\n".repeat(6);
    assertMentions(
        rejected(doc(forward, "", "")),
        "(TooManyTargetGroups)",
        "You cannot specify more than '5' target groups in a forward action");
  }

  @Test
  @DisplayName("A-07 a redirect that changes nothing is rejected")
  void loopingRedirect() {
    String redirect =
        "        - Priority: 1\n          Conditions:\n"
            + path("/a")
            + "          Actions:\n            - Type: redirect\n              RedirectConfig: {Protocol: '#{protocol}', Path: '/#{path}', StatusCode: HTTP_301}\n";
    assertMentions(
        rejected(doc(redirect, "", "")),
        "The redirect must change at least one of protocol, host, port or path",
        "Actions[0].RedirectConfig");
  }

  @Test
  @DisplayName("A-07 a redirect from an HTTPS listener to HTTP is rejected")
  void httpsToHttpRedirect() {
    String yaml =
        """
        Listeners:
          - Port: 443
            Protocol: HTTPS
            Certificates: [{CertificateArn: arn:aws:acm:us-east-1:000000000000:certificate/x}]
            DefaultActions:
              - Type: redirect
                RedirectConfig: {Protocol: HTTP, Port: '80', StatusCode: HTTP_301}
        """;
    assertMentions(
        rejected(yaml),
        "You cannot redirect from HTTPS to HTTP",
        "DefaultActions[0].RedirectConfig.Protocol");
  }

  @Test
  @DisplayName(
      "A-08 fixed-response status 302 or 600, and a body over 1024 characters, are rejected")
  void fixedResponseLimits() {
    for (String status : new String[] {"302", "600"}) {
      String fixed =
          "        - Priority: 1\n          Conditions:\n"
              + path("/a")
              + "          Actions:\n            - {Type: fixed-response, FixedResponseConfig: {StatusCode: '"
              + status
              + "'}}\n";
      assertMentions(
          rejected(doc(fixed, "", "")),
          "Value '" + status + "'",
          "Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$");
    }
    String body = "x".repeat(1025);
    String fixed =
        "        - Priority: 1\n          Conditions:\n"
            + path("/a")
            + "          Actions:\n            - {Type: fixed-response, FixedResponseConfig: {StatusCode: '200', MessageBody: "
            + body
            + "}}\n";
    assertMentions(
        rejected(doc(fixed, "", "")),
        "at 'messageBody' failed to satisfy constraint: Member must have length less than or equal to 1024");
  }

  @Test
  @DisplayName("H-04 a health-check timeout not smaller than the interval is rejected")
  void timeoutNotBelowInterval() {
    assertMentions(
        rejected(
            doc("", "    HealthCheckIntervalSeconds: 10\n    HealthCheckTimeoutSeconds: 10\n", "")),
        "Health check timeout '10' must be smaller than the interval '10'",
        "TargetGroups[0] (blue).HealthCheckTimeoutSeconds");
  }

  @Test
  @DisplayName("H-01 a group without health-check settings gets the AWS defaults")
  void healthCheckDefaults() throws Exception {
    TargetGroup group =
        AlbConfig.parse(doc("", "", ""), false, "t").targetGroup("blue").orElseThrow();
    TargetGroup.HealthCheck check = group.healthCheck();
    assertEquals("/", check.path());
    assertEquals(3000, check.portFor(3000));
    assertEquals(30, check.intervalSeconds());
    assertEquals(5, check.timeoutSeconds());
    assertEquals(5, check.healthyThreshold());
    assertEquals(2, check.unhealthyThreshold());
    assertEquals("200", check.matcher().toString());
  }

  @Test
  @DisplayName("H-03 matcher lists and ranges are parsed")
  void matcherSyntax() {
    assertTrue(HttpCodeMatcher.parse("200,202").matches(202));
    assertTrue(!HttpCodeMatcher.parse("200,202").matches(201));
    assertTrue(HttpCodeMatcher.parse("200-299").matches(204));
    assertTrue(HttpCodeMatcher.parse("200-299,302").matches(302));
    assertMentions(
        rejected(doc("", "    Matcher: {HttpCode: '200-x'}\n", "")),
        "Health check matcher HTTP code '200-x' must be a code");
  }

  @Test
  @DisplayName("T-03 anomaly_mitigation without weighted_random is rejected")
  void anomalyMitigation() {
    String attrs =
        "    TargetGroupAttributes: [{Key: load_balancing.algorithm.anomaly_mitigation, Value: 'on'}]\n";
    assertMentions(
        rejected(doc("", attrs, "")),
        "Anomaly mitigation can only be turned on with the 'weighted_random' routing algorithm");
    String ok =
        "    TargetGroupAttributes: [{Key: load_balancing.algorithm.anomaly_mitigation, Value: 'on'}, {Key: load_balancing.algorithm.type, Value: weighted_random}]\n";
    assertTrue(AlbConfig.validate(read(doc("", ok, ""))).isEmpty());
  }

  @Test
  @DisplayName("T-04 slow start with least_outstanding_requests, or outside 30-900, is rejected")
  void slowStart() {
    String lor =
        "    TargetGroupAttributes: [{Key: slow_start.duration_seconds, Value: '60'}, {Key: load_balancing.algorithm.type, Value: least_outstanding_requests}]\n";
    assertMentions(
        rejected(doc("", lor, "")),
        "Slow start mode cannot be enabled with the 'least_outstanding_requests'");
    String range = "    TargetGroupAttributes: [{Key: slow_start.duration_seconds, Value: '10'}]\n";
    assertMentions(rejected(doc("", range, "")), "must be an integer between 30 and 900");
  }

  @Test
  @DisplayName("T-08 app cookie names starting with AWSALB are rejected")
  void reservedAppCookie() {
    String attrs =
        "    TargetGroupAttributes: [{Key: stickiness.enabled, Value: 'true'}, {Key: stickiness.type, Value: app_cookie}, {Key: stickiness.app_cookie.cookie_name, Value: AWSALBTGX}]\n";
    assertMentions(
        rejected(doc("", attrs, "")),
        "Application cookie name 'AWSALBTGX' cannot start with 'AWSALB'");
  }

  @Test
  void unknownFieldNamesTheFieldAndTheKnownOnes() {
    String yaml =
        doc(rule(1, path("/a")), "", "").replace("Priority: 1", "Priority: 1\n          Prio: 2");
    assertMentions(
        rejected(yaml),
        "Unknown parameter in Listeners[0].Rules[0]: \"Prio\", must be one of: Actions, Conditions, Priority, Transforms");
  }

  @Test
  void unknownTargetGroupIsRejected() {
    String yaml =
        doc(rule(1, path("/a")), "", "")
            .replace("TargetGroupName: blue", "TargetGroupName: purple");
    assertMentions(
        rejected(yaml),
        "(TargetGroupNotFound)",
        "One or more target groups not found: 'purple'",
        "Rules[0] (Priority 1).Actions[0].ForwardConfig.TargetGroups[0]");
  }

  @Test
  void attributesAreCheckedByKeyAndValue() {
    assertMentions(
        rejected(doc("", "", "{Key: idle_timeout.timeout_seconds, Value: '0'}")),
        "'idle_timeout.timeout_seconds' must be an integer between 1 and 4000");
    assertMentions(
        rejected(doc("", "", "{Key: idle.timeout, Value: '5'}")),
        "Load balancer attribute key 'idle.timeout' is not recognized");
  }

  @Test
  void mistypedValueIsReportedWithItsPath() {
    String yaml = doc("", "", "").replace("Port: 3000", "Port: three");
    assertMentions(
        rejected(yaml), "Invalid type for parameter TargetGroups[0].Port, valid types: integer");
  }

  @Test
  void legacyValuesTakeOneValue() {
    String condition = "            - Field: path-pattern\n              Values: [/a, /b]\n";
    assertMentions(
        rejected(doc(rule(1, condition), "", "")),
        "The 'path-pattern' field contains too many values; the limit is '1'");
  }

  @Test
  void jsonDocumentsLoadToo() throws Exception {
    String json =
        """
        {"Listeners": [{"Port": 80, "Protocol": "HTTP",
          "DefaultActions": [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]}]}
        """;
    assertEquals(80, AlbConfig.parse(json, true, "t.json").listeners().get(0).port());
  }

  private static LoadBalancer read(String yaml) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper(
              new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
          .readValue(yaml, LoadBalancer.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
