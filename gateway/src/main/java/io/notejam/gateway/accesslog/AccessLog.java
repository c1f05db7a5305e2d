package io.notejam.gateway.accesslog;

import io.netty.util.internal.PlatformDependent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one ALB-format line per request to a file (or stdout), and optionally the JSON twin to a
 * second file. Lines are formatted and written by one background thread in batches every {@link
 * #BATCH_MILLIS}: request threads only add the entry to a lock-free queue (no lock, no thread
 * wake-up per request) and never block on disk; logging is best effort, as on ALB.
 */
public final class AccessLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
  private static final int CAPACITY = 65_536;
  private static final long BATCH_MILLIS = 50;
  private final Queue<AccessLogEntry> queue = PlatformDependent.newFixedMpscQueue(CAPACITY);
  private static final int WRITE_AT_BYTES = 64 * 1024;
  private final OutputStream alb;
  private final boolean albIsFile;
  private final Writer json;
  private final Thread writer;
  private volatile boolean closed;

  /**
   * @param albFile the ALB-format file, or null for stdout
   * @param jsonFile the JSON twin, or null for none
   */
  public AccessLog(Path albFile, Path jsonFile) throws IOException {
    this.alb = albFile == null ? System.out : openStream(albFile);
    this.albIsFile = albFile != null;
    this.json = jsonFile == null ? null : open(jsonFile);
    this.writer = new Thread(this::drain, "gateway-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  private static OutputStream openStream(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static Writer open(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(openStream(file), StandardCharsets.UTF_8), 64 * 1024);
  }

  public void write(AccessLogEntry entry) {
    if (!queue.offer(entry)) {
      LOG.warn("Access log queue full: entry dropped");
    }
  }

  private void drain() {
    // lines are formatted into one buffer and written when it fills or the queue is empty
    LineBuffer lines = new LineBuffer(2 * WRITE_AT_BYTES);
    while (true) {
      boolean last = closed;
      try {
        AccessLogEntry entry;
        while ((entry = queue.poll()) != null) {
          entry.appendAlbLine(lines);
          lines.ch('\n');
          if (lines.size() >= WRITE_AT_BYTES) {
            lines.writeTo(alb);
            lines.clear();
          }
          if (json != null) {
            json.write(entry.toJson());
            json.write('\n');
          }
        }
        if (lines.size() > 0) {
          lines.writeTo(alb);
          lines.clear();
          alb.flush();
        }
        if (json != null) {
          json.flush();
        }
      } catch (IOException e) {
        LOG.warn("Access log write failed: {}", e.toString());
        lines.clear();
      }
      if (last) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS));
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    LockSupport.unpark(writer);
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
