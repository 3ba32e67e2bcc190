package dev.apicontroller.translate.status;

/**
 * A Kubernetes Event to record on an {@code Api} (SPEC 5): what {@code kubectl describe api} shows
 * under Events. Pure data; a runtime publishes it.
 *
 * @param type Normal or Warning
 * @param reason a CamelCase word, as Events' {@code reason}: {@code Created}, {@code
 *     HostnameOccupied}, ...
 * @param action what the controller did or failed to do, as Events' {@code action}
 * @param note the sentence a person reads
 */
public record ApiEvent(Type type, String reason, String action, String note) {
  /** Events' {@code type}. */
  public enum Type {
    NORMAL("Normal"),
    WARNING("Warning");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public static ApiEvent normal(String reason, String action, String note) {
    return new ApiEvent(Type.NORMAL, reason, action, note);
  }

  public static ApiEvent warning(String reason, String action, String note) {
    return new ApiEvent(Type.WARNING, reason, action, note);
  }
}
