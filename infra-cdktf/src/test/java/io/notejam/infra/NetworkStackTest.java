package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkStackTest {

  private final Synthesized network = SynthesizedStacks.network();

  @Test
  void vpcHasDnsForPrivateEndpointsAndRds() {
    network.assertHasResource(
        "aws_vpc",
        Map.of(
            "cidr_block",
            "10.20.0.0/16",
            "enable_dns_support",
            true,
            "enable_dns_hostnames",
            true));
  }

  @Test
  void twoPublicAndTwoPrivateSubnetsNoneGivingPublicAddresses() {
    Map<String, JsonNode> subnets = network.resources("aws_subnet");
    assertEquals(4, subnets.size());
    subnets
        .values()
        .forEach(subnet -> assertFalse(subnet.path("map_public_ip_on_launch").asBoolean(true)));
    for (String cidr : List.of("10.20.0.0/24", "10.20.1.0/24", "10.20.32.0/20", "10.20.48.0/20")) {
      network.assertHasResource("aws_subnet", Map.of("cidr_block", cidr));
    }
  }

  @Test
  void onlyThePublicRouteTableReachesTheInternetGateway() {
    Map<String, JsonNode> routes = network.resources("aws_route");
    long viaGateway = routes.values().stream().filter(r -> r.has("gateway_id")).count();
    long viaNat = routes.values().stream().filter(r -> r.has("nat_gateway_id")).count();
    assertEquals(1, viaGateway);
    assertEquals(2, viaNat);
    routes
        .values()
        .forEach(r -> assertEquals("0.0.0.0/0", r.path("destination_cidr_block").asText()));
  }

  @Test
  void oneSharedNatGatewayByDefault() {
    assertEquals(1, network.resources("aws_nat_gateway").size());
    network.assertHasResource("aws_eip", Map.of("domain", "vpc"));
  }

  @Test
  void imageLayersReachS3ThroughAFreeGatewayEndpoint() {
    JsonNode endpoint = network.single("aws_vpc_endpoint");
    assertEquals("com.amazonaws.ap-southeast-1.s3", endpoint.path("service_name").asText());
    assertEquals("Gateway", endpoint.path("vpc_endpoint_type").asText());
    assertEquals(2, endpoint.path("route_table_ids").size());
    endpoint
        .path("route_table_ids")
        .forEach(id -> assertTrue(id.asText().contains("private-routes")));
  }
}
