package io.notejam.infra;

import java.util.List;

/**
 * One of the two web services as production runs it: what differs between express-svc and
 * flask-svc. Everything else about running them is shared code in the constructs.
 *
 * @param name the module and image name, also the ECR repository and ECS service suffix
 * @param port the container port the service listens on ({@code PORT})
 * @param schema the MySQL schema the service owns ({@code DATABASE_SCHEMA}; it creates it)
 * @param targetGroupName the routing file's target group that fronts this service
 * @param mailFrom the sender address of the service's mail, the only one its role may send as
 * @param outputPrefix prefix of this service's Terraform outputs, e.g. {@code ExpressSvc}
 */
public record ServiceSpec(
    String name,
    int port,
    String schema,
    String targetGroupName,
    String mailFrom,
    String outputPrefix) {

  public static final ServiceSpec EXPRESS =
      new ServiceSpec(
          "express-svc", 3000, "notejam_express", "express", "norepy@notejamapp.com", "ExpressSvc");

  public static final ServiceSpec FLASK =
      new ServiceSpec(
          "flask-svc", 5000, "notejam_flask", "flask", "from@notejamapp.com", "FlaskSvc");

  public static final List<ServiceSpec> ALL = List.of(EXPRESS, FLASK);
}
