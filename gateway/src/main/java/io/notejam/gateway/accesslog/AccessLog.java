package io.notejam.gateway.accesslog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one ALB-format line per request to a file (or stdout), and optionally the JSON twin to a
 * second file. Lines are written by one background thread so request threads never block on disk;
 * logging is best effort, as on ALB.
 */
public final class AccessLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
  private static final int CAPACITY = 65_536;
  private final BlockingQueue<AccessLogEntry> queue = new LinkedBlockingQueue<>(CAPACITY);
  private final Writer alb;
  private final boolean albIsFile;
  private final Writer json;
  private final Thread writer;
  private volatile boolean closed;

  /**
   * @param albFile the ALB-format file, or null for stdout
   * @param jsonFile the JSON twin, or null for none
   */
  public AccessLog(Path albFile, Path jsonFile) throws IOException {
    this.alb =
        albFile == null
            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
            : open(albFile);
    this.albIsFile = albFile != null;
    this.json = jsonFile == null ? null : open(jsonFile);
    this.writer = new Thread(this::drain, "gateway-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  private static Writer open(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    return Files.newBufferedWriter(
        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  public void write(AccessLogEntry entry) {
    if (!queue.offer(entry)) {
      LOG.warn("Access log queue full: entry dropped");
    }
  }

  private void drain() {
    List<AccessLogEntry> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        AccessLogEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 1024);
        for (AccessLogEntry entry : batch) {
          alb.write(entry.toAlbLine());
          alb.write('\n');
          if (json != null) {
            json.write(entry.toJson());
            json.write('\n');
          }
        }
        batch.clear();
        alb.flush();
        if (json != null) {
          json.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException e) {
        LOG.warn("Access log write failed: {}", e.toString());
        batch.clear();
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    try {
      writer.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (albIsFile) {
      alb.close();
    } else {
      alb.flush();
    }
    if (json != null) {
      json.close();
    }
  }
}
