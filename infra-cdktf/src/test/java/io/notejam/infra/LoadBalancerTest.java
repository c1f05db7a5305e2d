package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LoadBalancerTest {

  private final Synthesized http = SynthesizedStacks.application();
  private final Synthesized https = SynthesizedStacks.applicationWithDomain();

  @Test
  void internetFacingAlbInThePublicSubnetsWithTheRoutingFilesIdleTimeout() {
    http.assertHasResource(
        "aws_lb",
        Map.of(
            "name",
            "notejam-prod-alb",
            "load_balancer_type",
            "application",
            "internal",
            false,
            "idle_timeout",
            60));
    http.single("aws_lb").path("subnets").forEach(s -> assertTrue(s.asText().contains("public")));
    assertTrue(
        http.tree()
            .path("output")
            .path("AlbEndpoint")
            .path("value")
            .asText()
            .endsWith(".dns_name}"));
  }

  @Test
  void withoutADomainOnlyHttpOn80IsOpen() {
    JsonNode listener = http.single("aws_lb_listener");
    assertEquals(80, listener.path("port").asInt());
    assertEquals("HTTP", listener.path("protocol").asText());
    assertEquals(Map.of(80, 2L), ingressPortsFromAnywhere(http));
  }

  @Test
  void aDomainServesTheRulesOverHttpsAndRedirects80() {
    https.assertHasResource(
        "aws_lb_listener",
        Map.of(
            "port", 443,
            "protocol", "HTTPS",
            "ssl_policy", "ELBSecurityPolicy-TLS13-1-2-2021-06"));
    JsonNode secure = listenerOn(https, 443);
    assertTrue(
        secure.path("certificate_arn").asText().startsWith("${aws_acm_certificate_validation."));
    https.assertHasResource(
        "aws_lb_listener",
        Map.of(
            "port",
            80,
            "protocol",
            "HTTP",
            "default_action",
            List.of(
                Map.of(
                    "type",
                    "redirect",
                    "redirect",
                    Map.of("protocol", "HTTPS", "port", "443", "status_code", "HTTP_301")))));
    String secureListenerRef = "${aws_lb_listener." + logicalIdOfListener(https, 443) + ".arn}";
    https
        .resources("aws_lb_listener_rule")
        .values()
        .forEach(rule -> assertEquals(secureListenerRef, rule.path("listener_arn").asText()));
    assertEquals(Map.of(80, 2L, 443, 2L), ingressPortsFromAnywhere(https));
  }

  @Test
  void aDomainGetsADnsValidatedCertificateAndAnAliasRecord() {
    https.assertHasResource(
        "aws_acm_certificate",
        Map.of("domain_name", "notes.example.com", "validation_method", "DNS"));
    https.assertHasResource(
        "aws_route53_record",
        Map.of("name", "notes.example.com", "type", "A", "zone_id", "Z0123456789ABCDEFGHIJ"));
    https.assertHasResource(
        "aws_route53_record", Map.of("zone_id", "Z0123456789ABCDEFGHIJ", "ttl", 300));
  }

  @Test
  void accessLogsGoToTheConfiguredBucket() {
    https.assertHasResource(
        "aws_lb",
        Map.of(
            "access_logs",
            Map.of("bucket", "notejam-alb-logs", "prefix", "notejam-prod-alb", "enabled", true)));
    assertTrue(http.single("aws_lb").path("access_logs").isMissingNode());
  }

  @Test
  void albReachesOnlyTheServicePorts() {
    Map<String, JsonNode> egress = http.resources("aws_vpc_security_group_egress_rule");
    List<Integer> albPorts =
        egress.values().stream()
            .filter(
                rule ->
                    rule.path("security_group_id")
                        .asText()
                        .contains("load-balancer_security-group"))
            .map(rule -> rule.path("from_port").asInt())
            .sorted()
            .toList();
    assertEquals(List.of(3000, 5000), albPorts);
  }

  private static Map<Integer, Long> ingressPortsFromAnywhere(Synthesized stack) {
    return stack.resources("aws_vpc_security_group_ingress_rule").values().stream()
        .filter(rule -> rule.has("cidr_ipv4") || rule.has("cidr_ipv6"))
        .collect(
            Collectors.groupingBy(rule -> rule.path("from_port").asInt(), Collectors.counting()));
  }

  private static JsonNode listenerOn(Synthesized stack, int port) {
    return stack.resources("aws_lb_listener").get(logicalIdOfListener(stack, port));
  }

  private static String logicalIdOfListener(Synthesized stack, int port) {
    return stack.resources("aws_lb_listener").entrySet().stream()
        .filter(e -> e.getValue().path("port").asInt() == port)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }
}
