package dev.apicontroller.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises an object the original Go controller left behind: it marked its objects with labels
 * ({@code createdBy: api-controller}, {@code apiUid}) instead of owner references. Such an object
 * counts as the {@code Api}'s own, so the operator adopts it instead of calling its name taken.
 */
public final class OriginalControllerClaim {
  static final String CREATED_BY = "createdBy";
  static final String CREATOR = "api-controller";
  static final String API_UID = "apiUid";

  /** The resourceVersion label the original wrote; ours does not carry it (it goes stale). */
  static final String API_VERSION = "apiVersion";

  private OriginalControllerClaim() {}

  /**
   * The uid of the {@code Api} the original controller created {@code object} for, or null when the
   * object has a controller owner reference or lacks the original's labels.
   */
  public static String apiUidOf(HasMetadata object) {
    if (object.getMetadata() == null || CacheIndexes.controllerUidOf(object) != null) return null;
    Map<String, String> labels = object.getMetadata().getLabels();
    if (labels == null || !CREATOR.equals(labels.get(CREATED_BY))) return null;
    String uid = labels.get(API_UID);
    return uid == null || uid.isEmpty() ? null : uid;
  }

  /**
   * The {@code Api} name the original controller recorded in the {@code apiName} label, or null.
   */
  public static String apiNameOf(HasMetadata object) {
    if (apiUidOf(object) == null) return null;
    return object.getMetadata().getLabels().get("apiName");
  }

  /**
   * The JSON patch that drops the original's {@code apiVersion} label from an object it left for an
   * {@code Api}, when the label is there. A server-side apply cannot drop it: the label belongs to
   * the original's field manager, not ours.
   */
  public static Optional<String> staleLabelRemoval(HasMetadata object) {
    if (apiUidOf(object) == null || !object.getMetadata().getLabels().containsKey(API_VERSION)) {
      return Optional.empty();
    }
    return Optional.of("[{\"op\":\"remove\",\"path\":\"/metadata/labels/" + API_VERSION + "\"}]");
  }

  /**
   * Who claims {@code object}: its controller owner reference's uid, else the {@code Api} uid the
   * original controller's labels name, else null.
   */
  public static String claimantUidOf(HasMetadata object) {
    String controller = CacheIndexes.controllerUidOf(object);
    return controller != null ? controller : apiUidOf(object);
  }
}
