package io.notejam.rollout;

import java.util.regex.Pattern;

/**
 * One {@code --image NAME=REFERENCE} argument: the container named NAME in the task definition is
 * to run REFERENCE. The reference is checked against the grammar Docker and ECR use, and must name
 * a tag or a digest: an implicit {@code latest} cannot be rolled out safely (ECS would not notice
 * that it changed, and a re-run could not tell whether the service already runs it).
 */
record ImageOverride(String container, String image) {
  private static final Pattern CONTAINER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN =
      DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?:(?<domain>"
              + DOMAIN
              + ")/)?(?<path>"
              + PATH_COMPONENT
              + "(?:/"
              + PATH_COMPONENT
              + ")*)(?::(?<tag>"
              + TAG
              + "))?(?:@(?<digest>"
              + DIGEST
              + "))?");
  private static final int MAX_NAME_LENGTH = 255;

  /** Parses {@code NAME=REFERENCE}, or explains what is wrong with it. */
  static ImageOverride parse(String argument) {
    int equals = argument.indexOf('=');
    if (equals <= 0 || equals == argument.length() - 1) {
      throw usage(
          "--image expects CONTAINER=IMAGE, e.g."
              + " express=123456789012.dkr.ecr.eu-west-1.amazonaws.com/notejam-express:4f2c1e9;"
              + " got '"
              + argument
              + "'");
    }
    String container = argument.substring(0, equals).trim();
    String image = argument.substring(equals + 1).trim();
    if (!CONTAINER_NAME.matcher(container).matches()) {
      throw usage(
          "'"
              + container
              + "' is not a container name (letters, digits, '-' and '_', at most 255)");
    }
    checkReference(container, image);
    return new ImageOverride(container, image);
  }

  private static void checkReference(String container, String image) {
    var match = REFERENCE.matcher(image);
    if (!match.matches()) {
      String hint =
          image.chars().anyMatch(Character::isUpperCase)
              ? " (repository names are lower case)"
              : image.contains("://") ? " (no scheme: registry/repository:tag)" : "";
      throw usage(
          "image for container '" + container + "' is not a valid reference: " + image + hint);
    }
    String name = image.substring(0, match.end("path"));
    if (name.length() > MAX_NAME_LENGTH) {
      throw usage("image name for container '" + container + "' is longer than 255 characters");
    }
    if (match.group("tag") == null && match.group("digest") == null) {
      throw usage(
          "image for container '"
              + container
              + "' has no tag or digest: "
              + image
              + " (roll out an immutable tag such as the git SHA)");
    }
  }

  private static RolloutException usage(String message) {
    return new RolloutException(ExitCode.USAGE, message);
  }
}
