package io.notejam.flask.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.notejam.common.db.DatabaseHealth;

/**
 * {@code GET /health}: 200 with an empty body, as the original; 503 while the database cannot be
 * reached, so the load balancer takes a task that cannot serve pages out of rotation. The check is
 * cached, so this stays cheap at any request rate; it runs off the event loop because the
 * occasional re-check may wait for a connection.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class HealthController {
  private final DatabaseHealth database;

  public HealthController(DatabaseHealth database) {
    this.database = database;
  }

  @Get
  public HttpResponse<String> health() {
    HttpStatus status = database.isUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
    return HttpResponse.<String>status(status)
        .contentType("text/html; charset=utf-8")
        .contentLength(0) // HEAD too (spec 1.4)
        .body("");
  }
}
