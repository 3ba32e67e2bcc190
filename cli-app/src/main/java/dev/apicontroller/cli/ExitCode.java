package dev.apicontroller.cli;

/** The exit codes of SPEC 7; the worst outcome of a run decides which one it ends with. */
public enum ExitCode {
  /** Everything was read, valid and rendered. */
  OK(0),
  /** Some input was invalid or in conflict; the valid rest was still written. */
  INVALID(1),
  /** The command line (or the config file) was wrong. */
  USAGE(2),
  /** Some input could not be read as YAML or JSON, or is beyond the limits of a manifest. */
  UNREADABLE(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The more serious of two outcomes; unreadable input outranks a usage error in a config. */
  public ExitCode worst(ExitCode other) {
    return code >= other.code ? this : other;
  }
}
