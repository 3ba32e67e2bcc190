package dev.apicontroller.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.apicontroller.translate.Manifests;
import java.util.List;

/**
 * A JSON patch that replaces an object's finalizers only if they are still the ones read (and, when
 * given, the object is still the one read): the API server refuses it (422) when another writer
 * changed them meanwhile, instead of dropping that writer's finalizer.
 */
public final class FinalizerPatch {
  private FinalizerPatch() {}

  /**
   * @param uid the object's uid, tested first; null tests none
   * @param read the finalizers as read
   * @param kept the finalizers to leave
   */
  public static String replacing(String uid, List<String> read, List<String> kept) {
    ArrayNode patch = Manifests.json().createArrayNode();
    if (uid != null) {
      patch.addObject().put("op", "test").put("path", "/metadata/uid").put("value", uid);
    }
    patch
        .addObject()
        .put("op", "test")
        .put("path", "/metadata/finalizers")
        .set("value", Manifests.json().valueToTree(read));
    patch
        .addObject()
        .put("op", "replace")
        .put("path", "/metadata/finalizers")
        .set("value", Manifests.json().valueToTree(kept));
    return patch.toString();
  }
}
