package io.notejam.imagesit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/** Builds the service images with Jib and runs them: through Docker (Testcontainers) or podman. */
interface ContainerEngine {
  String ROUTING_FILE_IN_CONTAINER = "/config/notejam-alb.yaml";

  /** A started container of one service image. */
  interface Running {
    URI url(String path);

    /** host:port under which another container of the same engine reaches this one. */
    String addressForOtherContainers();

    boolean isRunning();

    String logs();

    void stop();
  }

  /**
   * Jib goals (and whatever they need prepared first) that put the three images where run finds
   * them.
   */
  List<String> prepareJibGoals();

  Running run(String service, int port, Map<String, String> env);

  /** Docker when an engine answers, else podman when podman and runc are installed, else null. */
  static ContainerEngine available() {
    if (dockerAvailable()) {
      return new Docker();
    }
    if (Command.onPath("podman") && Command.onPath("runc")) {
      return new Podman(Repo.WORK.resolve("podman"));
    }
    return null;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The production recipe as is (real base image pulled by Jib), run through Testcontainers. */
  final class Docker implements ContainerEngine {
    private final Network network = Network.newNetwork();

    @Override
    public List<String> prepareJibGoals() {
      return List.of("jib:dockerBuild");
    }

    @Override
    public Running run(String service, int port, Map<String, String> env) {
      GenericContainer<?> container =
          new GenericContainer<>(DockerImageName.parse("notejam/" + service + ":" + Repo.VERSION))
              .withNetwork(network)
              .withNetworkAliases(service)
              .withEnv("PORT", String.valueOf(port))
              .withEnv(env)
              .withExposedPorts(port)
              .withCopyFileToContainer(
                  MountableFile.forHostPath(Repo.file("routing/notejam-alb.yaml")),
                  ROUTING_FILE_IN_CONTAINER);
      container.start();
      return new Running() {
        @Override
        public URI url(String path) {
          return URI.create(
              "http://" + container.getHost() + ":" + container.getMappedPort(port) + path);
        }

        @Override
        public String addressForOtherContainers() {
          return service + ":" + port;
        }

        @Override
        public boolean isRunning() {
          return container.isRunning();
        }

        @Override
        public String logs() {
          return container.getLogs();
        }

        @Override
        public void stop() {
          container.stop();
        }
      };
    }
  }

  /**
   * Debian's podman without a daemon: settings and image store from files under target/ (no /etc
   * change), images built against an offline jlinked JRE base because no registry is reachable.
   */
  final class Podman implements ContainerEngine {
    private static final Pattern LOADED = Pattern.compile("Loaded image(?:\\(s\\))?: *(\\S+)");
    private final Path store;
    private final Map<String, String> env;

    Podman(Path store) {
      this.store = store;
      try {
        Files.createDirectories(store);
        Path containersConf = store.resolve("containers.conf");
        Path storageConf = store.resolve("storage.conf");
        Files.writeString(containersConf, resource("podman/containers.conf"));
        Files.writeString(
            storageConf, resource("podman/storage.conf").replace("@STORE@", store.toString()));
        env =
            Map.of(
                "CONTAINERS_CONF", containersConf.toString(),
                "CONTAINERS_STORAGE_CONF", storageConf.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public List<String> prepareJibGoals() {
      Path base = store.resolve("jre-base.tar");
      Command.Result built =
          Command.of(Repo.file("images-it/jre-base-image.sh").toString(), base.toString())
              .env(Map.of("JAVA_HOME", System.getProperty("java.home")))
              .run(Duration.ofMinutes(3));
      check(built, "building the jlinked base image");
      return List.of("jib:buildTar", "-Djib.from.image=tar://" + base);
    }

    @Override
    public Running run(String service, int ignoredPort, Map<String, String> serviceEnv) {
      Path tar = Repo.file(service + "/target/jib-image.tar");
      Command.Result load = podman("load", "-i", tar.toString());
      check(load, "podman load " + tar);
      Matcher loaded = LOADED.matcher(load.output());
      if (!loaded.find()) {
        throw new IllegalStateException("podman load named no image:\n" + load.output());
      }
      int port = FreePorts.next();
      List<String> argv =
          new ArrayList<>(
              List.of(
                  "run",
                  "-d",
                  "--name",
                  "notejam-it-" + service + "-" + port,
                  "-v",
                  Repo.file("routing") + ":/config:ro",
                  "-e",
                  "PORT=" + port));
      serviceEnv.forEach((name, value) -> argv.addAll(List.of("-e", name + "=" + value)));
      argv.add(loaded.group(1));
      Command.Result run = podman(argv.toArray(String[]::new));
      check(run, "podman run " + service);
      String id = run.output().strip().lines().reduce((first, second) -> second).orElseThrow();
      return new Running() {
        @Override
        public URI url(String path) {
          return URI.create("http://127.0.0.1:" + port + path);
        }

        @Override
        public String addressForOtherContainers() {
          return "127.0.0.1:" + port; // host network
        }

        @Override
        public boolean isRunning() {
          return podman("inspect", "-f", "{{.State.Running}}", id).output().strip().equals("true");
        }

        @Override
        public String logs() {
          return podman("logs", "--tail", "60", id).output();
        }

        @Override
        public void stop() {
          podman("rm", "-f", "-t", "10", id);
        }
      };
    }

    private Command.Result podman(String... arguments) {
      List<String> argv = new ArrayList<>(List.of("podman"));
      argv.addAll(List.of(arguments));
      return Command.of(argv).env(env).run(Duration.ofMinutes(2));
    }

    private static void check(Command.Result result, String what) {
      if (!result.ok()) {
        throw new IllegalStateException(what + " failed:\n" + result.output());
      }
    }

    private static String resource(String name) throws IOException {
      try (InputStream in = Podman.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException("missing test resource " + name);
        }
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
  }
}
