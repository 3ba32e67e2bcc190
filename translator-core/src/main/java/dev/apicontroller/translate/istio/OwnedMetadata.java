package dev.apicontroller.translate.istio;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiKind;
import dev.apicontroller.translate.GeneratedMetadata;
import dev.apicontroller.translate.OwnerReference;
import java.util.List;

/**
 * The metadata every generated object carries (SPEC 3): the {@code Api}'s name and namespace, the
 * controller's labels, and an owner reference when the {@code Api} has a uid.
 */
public final class OwnedMetadata {
  public static final String CREATED_BY = "createdBy";
  public static final String API_NAME = "apiName";
  public static final String API_NAMESPACE = "apiNamespace";
  public static final String API_UID = "apiUid";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String CONTROLLER = "api-controller";

  private OwnedMetadata() {}

  private static final String[] KEYS = {CREATED_BY, API_NAME, API_NAMESPACE, MANAGED_BY};
  private static final String[] KEYS_WITH_UID = {
    CREATED_BY, API_NAME, API_NAMESPACE, API_UID, MANAGED_BY
  };

  public static GeneratedMetadata of(Api api) {
    String name = api.metadata().nameOrEmpty();
    String namespace = api.metadata().namespaceOrDefault();
    String uid = api.metadata().uid();
    if (uid == null || uid.isEmpty()) {
      return new GeneratedMetadata(
          name,
          namespace,
          new ControllerLabels(KEYS, new String[] {CONTROLLER, name, namespace, CONTROLLER}),
          List.of());
    }
    return new GeneratedMetadata(
        name,
        namespace,
        new ControllerLabels(
            KEYS_WITH_UID, new String[] {CONTROLLER, name, namespace, uid, CONTROLLER}),
        List.of(new OwnerReference(ApiKind.API_VERSION, ApiKind.KIND, name, uid, true, true)));
  }
}
