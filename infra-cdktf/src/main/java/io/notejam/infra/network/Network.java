package io.notejam.infra.network;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc_endpoint.VpcEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A VPC over two availability zones: public subnets for the load balancer and the NAT gateways,
 * private subnets (no public addresses, no inbound route from the internet) for the tasks and the
 * database. Private subnets reach AWS APIs through NAT; image layers come from S3 through a free
 * gateway endpoint instead, which keeps the bulk of the traffic off the NAT's per-GB price.
 */
public class Network extends Construct {

  /** ALB and RDS Multi-AZ both need subnets in at least two zones. */
  public static final int ZONES = 2;

  static final String VPC_CIDR = "10.20.0.0/16";

  private final Vpc vpc;
  private final List<String> publicSubnetIds = new ArrayList<>();
  private final List<String> privateSubnetIds = new ArrayList<>();

  public Network(Construct scope, String id, String namePrefix, String region, int natGateways) {
    super(scope, id);
    vpc =
        Vpc.Builder.create(this, "vpc")
            .cidrBlock(VPC_CIDR)
            .enableDnsSupport(true)
            .enableDnsHostnames(true)
            .tags(Map.of("Name", namePrefix))
            .build();
    var zones = DataAwsAvailabilityZones.Builder.create(this, "zones").state("available").build();
    var internetGateway =
        InternetGateway.Builder.create(this, "internet-gateway").vpcId(vpc.getId()).build();

    var publicRoutes = routeTable("public-routes", namePrefix + "-public");
    Route.Builder.create(this, "public-default-route")
        .routeTableId(publicRoutes.getId())
        .destinationCidrBlock("0.0.0.0/0")
        .gatewayId(internetGateway.getId())
        .build();

    List<NatGateway> nats = new ArrayList<>();
    List<String> privateRouteTableIds = new ArrayList<>();
    for (int zone = 0; zone < ZONES; zone++) {
      String zoneName = Token.asString(Fn.element(zones.getNames(), zone));
      Subnet publicSubnet =
          subnet(
              "public-" + zone,
              zoneName,
              "10.20." + zone + ".0/24",
              namePrefix + "-public-" + zone);
      associate("public-" + zone, publicSubnet, publicRoutes);
      publicSubnetIds.add(publicSubnet.getId());
      if (zone < natGateways) {
        var address = Eip.Builder.create(this, "nat-address-" + zone).domain("vpc").build();
        nats.add(
            NatGateway.Builder.create(this, "nat-" + zone)
                .allocationId(address.getId())
                .subnetId(publicSubnet.getId())
                .tags(Map.of("Name", namePrefix + "-nat-" + zone))
                .dependsOn(List.of(internetGateway))
                .build());
      }
    }
    for (int zone = 0; zone < ZONES; zone++) {
      String zoneName = Token.asString(Fn.element(zones.getNames(), zone));
      // /20 per zone: room for 100 tasks per service with addresses to spare during deployments.
      Subnet privateSubnet =
          subnet(
              "private-" + zone,
              zoneName,
              "10.20." + (32 + 16 * zone) + ".0/20",
              namePrefix + "-private-" + zone);
      var privateRoutes = routeTable("private-routes-" + zone, namePrefix + "-private-" + zone);
      Route.Builder.create(this, "private-default-route-" + zone)
          .routeTableId(privateRoutes.getId())
          .destinationCidrBlock("0.0.0.0/0")
          .natGatewayId(nats.get(Math.min(zone, nats.size() - 1)).getId())
          .build();
      associate("private-" + zone, privateSubnet, privateRoutes);
      privateSubnetIds.add(privateSubnet.getId());
      privateRouteTableIds.add(privateRoutes.getId());
    }
    VpcEndpoint.Builder.create(this, "s3-endpoint")
        .vpcId(vpc.getId())
        .serviceName("com.amazonaws." + region + ".s3")
        .vpcEndpointType("Gateway")
        .routeTableIds(privateRouteTableIds)
        .build();
  }

  public String vpcId() {
    return vpc.getId();
  }

  public List<String> publicSubnetIds() {
    return List.copyOf(publicSubnetIds);
  }

  public List<String> privateSubnetIds() {
    return List.copyOf(privateSubnetIds);
  }

  private RouteTable routeTable(String id, String name) {
    return RouteTable.Builder.create(this, id)
        .vpcId(vpc.getId())
        .tags(Map.of("Name", name))
        .build();
  }

  private Subnet subnet(String id, String zone, String cidr, String name) {
    return Subnet.Builder.create(this, id)
        .vpcId(vpc.getId())
        .availabilityZone(zone)
        .cidrBlock(cidr)
        .mapPublicIpOnLaunch(false)
        .tags(Map.of("Name", name))
        .build();
  }

  private void associate(String id, Subnet subnet, RouteTable routes) {
    RouteTableAssociation.Builder.create(this, id + "-routes")
        .subnetId(subnet.getId())
        .routeTableId(routes.getId())
        .build();
  }
}
