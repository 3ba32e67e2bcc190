package dev.apicontroller.operator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets logback's root level from {@code API_CONTROLLER_LOG_LEVEL}, overriding logback.xml. */
final class RootLogLevel {
  private RootLogLevel() {}

  /** {@code level} is a logback level name, as {@link OperatorSettings} gives it. */
  static void set(String level) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.valueOf(level));
  }

  static Level current() {
    return ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).getLevel();
  }
}
