package io.notejam.albconfig;

/**
 * One reason a document is not a valid load balancer, worded as the ELBv2 API words it.
 *
 * @param code the AWS error code ({@code ValidationError}, {@code PriorityInUse}, …)
 * @param operation the API call that would have rejected it ({@code CreateRule}, …)
 * @param location where in the document: listener, rule (with its priority) and field
 * @param message the AWS message
 */
public record ConfigProblem(String code, String operation, String location, String message) {

  /** As the AWS CLI prints an API error, followed by the place in the document. */
  public String describe() {
    return "An error occurred ("
        + code
        + ") when calling the "
        + operation
        + " operation: "
        + message
        + " (at "
        + location
        + ")";
  }
}
