package dev.apicontroller.k8s;

import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, updates and deletes generated objects, never touching one this {@code Api} does not
 * control, and writing only when the live object differs from the wanted one.
 */
public final class ObjectApplier {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectApplier.class);

  private final KubernetesClient client;
  private final GeneratedObjectConverter converter;

  public ObjectApplier(KubernetesClient client, GeneratedObjectConverter converter) {
    this.client = client;
    this.converter = converter;
  }

  /**
   * Makes {@code desired} exist. {@code live} is the cached object with the same kind, namespace
   * and name, if any.
   */
  public ApplyResult apply(
      GeneratedObject desired, Optional<GenericKubernetesResource> live, String apiUid) {
    String what = desired.kind() + " " + qualified(desired);
    if (live.isPresent()) {
      GenericKubernetesResource current = live.get();
      String owner = OriginalControllerClaim.claimantUidOf(current);
      if (apiUid == null || !apiUid.equals(owner)) {
        return ApplyResult.nameTaken(
            desired,
            what
                + " already exists and is not owned by this Api; it was left untouched. Rename"
                + " the Api or remove that object.",
            owner);
      }
      if (converter.matches(desired, current)) {
        return ApplyResult.applied(desired, current, false);
      }
    }
    try {
      GenericKubernetesResource written;
      if (live.isPresent() && OriginalControllerClaim.apiUidOf(live.get()) != null) {
        // Updated in place, never deleted and recreated: its hosts stay served throughout.
        written =
            resources(desired.objectKind())
                .inNamespace(desired.metadata().namespace())
                .resource(converter.adopt(desired, live.get()))
                .update();
        LOG.info("adopted {} left by the original controller", what);
      } else if (live.isPresent()) {
        written =
            resources(desired.objectKind())
                .inNamespace(desired.metadata().namespace())
                .resource(converter.merge(desired, live.get()))
                .update();
        LOG.info("updated {}", what);
      } else {
        written =
            resources(desired.objectKind())
                .inNamespace(desired.metadata().namespace())
                .resource(converter.toResource(desired))
                .create();
        LOG.info("created {}", what);
      }
      return ApplyResult.applied(desired, written, true);
    } catch (KubernetesClientException e) {
      return failure(desired, what, e);
    }
  }

  /**
   * Deletes an object this {@code Api} controls. Returns false (and leaves it) when the object is
   * not controlled by {@code apiUid}.
   */
  public boolean delete(OwnedObject owned, String apiUid) {
    if (apiUid == null || !apiUid.equals(CacheIndexes.controllerUidOf(owned.object()))) {
      return false;
    }
    resources(owned.kind()).inNamespace(owned.namespace()).withName(owned.name()).delete();
    LOG.info("deleted {} {}/{}", owned.kind().kind(), owned.namespace(), owned.name());
    return true;
  }

  private ApplyResult failure(GeneratedObject desired, String what, KubernetesClientException e) {
    int code = e.getCode();
    String reason = e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage();
    if (code == 404) {
      return ApplyResult.permanent(
          desired,
          "The cluster does not serve "
              + desired.apiVersion()
              + " "
              + desired.kind()
              + "; install Istio's CRDs or switch ISTIO_PROFILE.");
    }
    if (code == 409 || code == 429 || code >= 500 || code <= 0) {
      return ApplyResult.retryable(desired, "Writing " + what + " failed: " + reason);
    }
    return ApplyResult.permanent(desired, "The API server rejected " + what + ": " + reason);
  }

  private io.fabric8.kubernetes.client.dsl.MixedOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      resources(ObjectKind kind) {
    return client.genericKubernetesResources(context(kind));
  }

  public static ResourceDefinitionContext context(ObjectKind kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(kind.group())
        .withVersion(kind.version())
        .withKind(kind.kind())
        .withPlural(kind.plural())
        .withNamespaced(true)
        .build();
  }

  private static String qualified(GeneratedObject o) {
    return o.metadata().namespace() + "/" + o.metadata().name();
  }
}
