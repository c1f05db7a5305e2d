package io.notejam.express;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/** Reads what the {@code log} mail transport wrote, as an operator would read the log. */
final class MailLog implements AutoCloseable {
  private static final Pattern NEW_PASSWORD = Pattern.compile("Your new password: (\\S*)");
  private final Logger logger = (Logger) LoggerFactory.getLogger("notejam.mail");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  MailLog() {
    appender.start();
    logger.addAppender(appender);
  }

  List<String> messages() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** The password in the last mail logged for {@code address}. */
  String lastNewPasswordFor(String address) {
    String password = null;
    for (String message : messages()) {
      Matcher m = NEW_PASSWORD.matcher(message);
      if (message.contains("To: " + address + "\n") && m.find()) {
        password = m.group(1);
      }
    }
    if (password == null) {
      throw new AssertionError("No new-password mail logged for " + address + ": " + messages());
    }
    return password;
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
