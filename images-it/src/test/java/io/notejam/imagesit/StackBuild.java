package io.notejam.imagesit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one nested Maven run every test here works from, done once per test JVM: the three services
 * packaged with their reactor dependencies, their runtime classpaths written for {@code ./notejam}
 * (so its {@code up} finds nothing to rebuild), and, when a container engine is there, their
 * images.
 */
final class StackBuild {
  private static final String[] SERVICES = Repo.SERVICES;
  private static Command.Result result;
  private static ContainerEngine engine;
  private static boolean engineChosen;

  /** Docker, podman or null, chosen once. */
  static synchronized ContainerEngine engine() {
    if (!engineChosen) {
      engine = ContainerEngine.available();
      engineChosen = true;
    }
    return engine;
  }

  static synchronized Command.Result run() {
    if (result == null) {
      List<String> argv =
          new ArrayList<>(
              List.of(
                  Repo.ROOT.resolve("mvnw").toString(),
                  "-B",
                  "-q",
                  "-Dmaven.test.skip=true",
                  "-Djacoco.skip=true",
                  "-Dspotless.check.skip=true",
                  "-Denforcer.skip=true",
                  "-Dgit.revision=images-it",
                  "-pl",
                  String.join(",", SERVICES),
                  "-am",
                  "package",
                  // the same goal and output file as `./notejam build`
                  "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                  "-DincludeScope=runtime",
                  "-Dmdep.outputFile=target/notejam-run.classpath"));
      if (engine() != null) {
        argv.addAll(engine().prepareJibGoals());
      }
      result =
          Command.of(argv)
              .in(Repo.ROOT)
              .env(Map.of("JAVA_HOME", System.getProperty("java.home")))
              .run(Duration.ofMinutes(8));
    }
    return result;
  }

  private StackBuild() {}
}
