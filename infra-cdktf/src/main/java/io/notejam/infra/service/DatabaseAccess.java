package io.notejam.infra.service;

/**
 * How a service reaches the database: where it is, which secret holds its credentials, and the
 * security group to be let through.
 */
public record DatabaseAccess(
    String address, int port, String credentialsSecretArn, String securityGroupId) {}
