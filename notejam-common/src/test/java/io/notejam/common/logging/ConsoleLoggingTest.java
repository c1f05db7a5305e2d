package io.notejam.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

  @Test
  void infoAndAboveGoToStandardOutputOneLineEach() {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's SLF4J provider gives a context
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      ConsoleLogging.logToConsole(context);
      context.getLogger("io.notejam.express.Something").info("started on port {}", 3000);
      context.getLogger("io.notejam.express.Something").debug("not shown");
    } finally {
      context.stop();
      System.setOut(stdout);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertTrue(
        output.matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[[^\\]]+\\] io\\.notejam\\.express\\.Something"
                + " - started on port 3000\\R"),
        output);
  }

  @Test
  void aLogbackXmlOnTheClassPathWins() {
    // This module's tests carry logback-test.xml, as an operator's logback.xml would be.
    ConsoleLogging configurator = new ConsoleLogging();
    LoggerContext context = new LoggerContext();
    configurator.setContext(context);
    assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator.configure(context));
    assertFalse(context.getLogger("ROOT").iteratorForAppenders().hasNext());
  }
}
