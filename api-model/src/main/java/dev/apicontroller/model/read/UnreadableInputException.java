package dev.apicontroller.model.read;

/** The text is not YAML or JSON, or is beyond the limits a manifest can reach. */
public final class UnreadableInputException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Position position;

  public UnreadableInputException(String message, Position position) {
    super(message);
    this.position = position;
  }

  /** Where reading stopped, when known. */
  public Position position() {
    return position;
  }
}
