package io.notejam.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The services' logging: INFO and above, one line per event on standard output, where ECS ships it
 * to CloudWatch. Set up in code because parsing a logback.xml costs a tenth of the start-up time. A
 * {@code logback.xml} on the class path (or {@code -Dlogback.configurationFile}) still wins, so an
 * operator can change levels or appenders without a rebuild, and tests keep their logback-test.xml.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || resourceExists("logback-test.xml")
        || resourceExists("logback.xml")) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    logToConsole(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  static void logToConsole(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
  }

  private static boolean resourceExists(String name) {
    return ConsoleLogging.class.getClassLoader().getResource(name) != null;
  }
}
