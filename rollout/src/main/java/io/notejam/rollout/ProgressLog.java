package io.notejam.rollout;

import java.io.PrintWriter;

/** Progress lines on standard output, each prefixed with the service (CI runs several at once). */
final class ProgressLog {
  private final PrintWriter out;
  private final String service;

  ProgressLog(PrintWriter out, String service) {
    this.out = out;
    this.service = service;
  }

  void say(String line) {
    out.println("[" + service + "] " + line);
    out.flush();
  }
}
