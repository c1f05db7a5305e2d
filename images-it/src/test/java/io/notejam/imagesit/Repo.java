package io.notejam.imagesit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the checkout and this module's scratch space are (set by Surefire, see the pom). */
final class Repo {
  static final Path ROOT =
      Paths.get(System.getProperty("notejam.root", "..")).toAbsolutePath().normalize();
  static final String VERSION = System.getProperty("notejam.version", "1.0.0-SNAPSHOT");
  static final Path WORK =
      Paths.get(System.getProperty("images.work", "target/images")).toAbsolutePath().normalize();

  static final String[] SERVICES = {"express-svc", "flask-svc", "gateway"};

  static Path file(String relative) {
    return ROOT.resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(file(relative));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Repo() {}
}
