package dev.apicontroller.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiKind;
import dev.apicontroller.model.ApiSpec;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.ImmutableApi;
import dev.apicontroller.model.ImmutableObjectMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The {@code Api} custom resource as fabric8 and java-operator-sdk see it. Spec and status are the
 * api-model values themselves: their JSON names are the wire names, so no mapping layer can drift.
 */
@Group(ApiKind.GROUP)
@Version(ApiKind.VERSION)
@Kind(ApiKind.KIND)
@Plural(ApiKind.PLURAL)
public class ApiResource extends CustomResource<ApiSpec, ApiStatus> implements Namespaced {

  // The model types are interfaces without a no-argument constructor; an absent spec stays null.
  @Override
  protected ApiSpec initSpec() {
    return null;
  }

  @Override
  protected ApiStatus initStatus() {
    return null;
  }

  /**
   * Read without {@code managedFields}: nothing in the operator reads an {@code Api}'s (its writes
   * are the finalizer and the status, never compared before), and they are about half of each
   * {@code Api} on the wire (every field of the spec and of the status, by manager). Skipped while
   * parsing, they cost neither objects nor time in each list and watch event, which at a restart
   * with 10,000 {@code Api}s are read twice (two informers). Written objects keep them.
   */
  @Override
  @JsonIgnoreProperties(value = "managedFields", allowGetters = true)
  public void setMetadata(ObjectMeta metadata) {
    super.setMetadata(metadata);
  }

  /** Tolerates the statuses other controllers wrote; see {@link ApiStatusReader}. */
  @Override
  @JsonDeserialize(using = ApiStatusReader.class)
  public void setStatus(ApiStatus status) {
    super.setStatus(status);
  }

  /** The api-model value the translator works on. */
  public Api toApi() {
    ObjectMeta meta = getMetadata();
    ImmutableObjectMetadata.Builder metadata = ImmutableObjectMetadata.builder();
    if (meta != null) {
      metadata
          .name(meta.getName())
          .namespace(meta.getNamespace())
          .uid(meta.getUid())
          .resourceVersion(meta.getResourceVersion())
          .generation(meta.getGeneration())
          .creationTimestamp(meta.getCreationTimestamp());
      if (meta.getLabels() != null) metadata.putAllLabels(meta.getLabels());
      if (meta.getAnnotations() != null) metadata.putAllAnnotations(meta.getAnnotations());
    }
    return ImmutableApi.builder()
        .metadata(metadata.build())
        .spec(getSpec())
        .status(getStatus())
        .build();
  }

  /** {@code namespace/name}, the way messages and logs name an {@code Api}. */
  public String qualifiedName() {
    return getMetadata().getNamespace() + "/" + getMetadata().getName();
  }
}
