package dev.apicontroller.translate.conflict;

import dev.apicontroller.translate.ObjectKind;

/**
 * An object that exists in the cluster (or among the input files), as far as conflicts care.
 *
 * @param kind its kind; for VirtualServices of either version, the kind it was seen as
 * @param namespace its namespace
 * @param name its name
 * @param controllerUid the uid of its controller owner reference, or null when it has none
 */
public record ObjectRef(ObjectKind kind, String namespace, String name, String controllerUid) {
  /** {@code namespace/name}, as messages name objects. */
  public String qualifiedName() {
    return namespace + "/" + name;
  }

  /** Whether the {@code Api} with this uid controls the object. */
  public boolean ownedBy(String apiUid) {
    return apiUid != null && apiUid.equals(controllerUid);
  }
}
