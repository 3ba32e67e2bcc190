package dev.apicontroller.translate.istio;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiKind;
import dev.apicontroller.translate.GeneratedMetadata;
import dev.apicontroller.translate.ImmutableGeneratedMetadata;
import dev.apicontroller.translate.OwnerReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  public static GeneratedMetadata of(Api api) {
    String name = api.metadata().nameOrEmpty();
    String namespace = api.metadata().namespaceOrDefault();
    String uid = api.metadata().uid();
    Map<String, String> labels = new LinkedHashMap<>(8);
    labels.put(CREATED_BY, CONTROLLER);
    labels.put(API_NAME, name);
    labels.put(API_NAMESPACE, namespace);
    if (uid != null && !uid.isEmpty()) labels.put(API_UID, uid);
    labels.put(MANAGED_BY, CONTROLLER);
    ImmutableGeneratedMetadata.Builder b =
        ImmutableGeneratedMetadata.builder().name(name).namespace(namespace).labels(labels);
    if (uid != null && !uid.isEmpty()) {
      b.ownerReferences(
          List.of(new OwnerReference(ApiKind.API_VERSION, ApiKind.KIND, name, uid, true, true)));
    }
    return b.build();
  }
}
