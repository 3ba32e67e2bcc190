package dev.apicontroller.translate.status;

import dev.apicontroller.translate.ObjectKind;

/**
 * A write a runtime made, or tried and failed to make, to one generated object while it reconciled
 * an {@code Api}: what {@link StatusEvents} turns into Events. Writes it skipped because the live
 * object was already as wanted are not writes.
 *
 * @param kind the object's kind
 * @param namespace its namespace
 * @param name its name
 * @param action what was done
 * @param error for {@link Action#FAILED}: the sentence of the status line, otherwise empty
 */
public record ObjectWrite(
    ObjectKind kind, String namespace, String name, Action action, String error) {
  /** What the write did. */
  public enum Action {
    CREATED,
    UPDATED,
    /** Updated an object the original Go controller left, taking it over. */
    ADOPTED,
    DELETED,
    /** The API server refused or did not answer; the status line carries {@link #error()}. */
    FAILED
  }

  public static ObjectWrite done(ObjectKind kind, String namespace, String name, Action action) {
    if (action == Action.FAILED)
      throw new IllegalArgumentException("a failed write needs its error");
    return new ObjectWrite(kind, namespace, name, action, "");
  }

  public static ObjectWrite failed(ObjectKind kind, String namespace, String name, String error) {
    return new ObjectWrite(kind, namespace, name, Action.FAILED, error);
  }

  /** {@code Kind namespace/name}, as Event notes name objects. */
  public String describe() {
    return kind.kind() + " " + namespace + "/" + name;
  }
}
