package io.notejam.infra.service;

import java.util.List;

/** The VPC and the private subnets a service's tasks get their network interfaces in. */
public record TaskPlacement(String vpcId, List<String> subnetIds) {}
