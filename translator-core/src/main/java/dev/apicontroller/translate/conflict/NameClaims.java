package dev.apicontroller.translate.conflict;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.ObjectKind;
import java.util.Optional;

/**
 * SPEC 4, name taken: an object of a kind the controller would create, with the {@code Api}'s name,
 * that this {@code Api} does not own. The controller never modifies it.
 */
public final class NameClaims {
  private NameClaims() {}

  /** The foreign object in the way of creating {@code kind} for {@code api}, if any. */
  public static Optional<ObjectRef> foreignHolder(Api api, ObjectKind kind, ClusterView cluster) {
    String namespace = api.metadata().namespaceOrDefault();
    String name = api.metadata().nameOrEmpty();
    String uid = api.metadata().uid();
    Optional<ObjectRef> found = cluster.object(kind, namespace, name);
    if (found.isEmpty() && kind.isVirtualService()) {
      // One VirtualService resource, two API versions: look under the other one too.
      ObjectKind other =
          kind == ObjectKind.VIRTUAL_SERVICE
              ? ObjectKind.VIRTUAL_SERVICE_LEGACY
              : ObjectKind.VIRTUAL_SERVICE;
      found = cluster.object(other, namespace, name);
    }
    return found.filter(ref -> !ref.ownedBy(uid));
  }
}
