package dev.apicontroller.k8s;

import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ObjectRef;
import dev.apicontroller.translate.hold.AuthenticationHold;
import dev.apicontroller.translate.status.ApplyOutcome;
import dev.apicontroller.translate.status.ObjectWrite;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.SSABasedGenericKubernetesResourceMatcher;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the generated objects of the {@code Api} being reconciled by server-side apply, under the
 * controller's field manager with conflicts forced (the fields it applies are its own), and deletes
 * the ones it controls. Never touches an object the {@code Api} does not control: that is checked
 * against the cached object before any write. Writes nothing when the fields its field manager owns
 * already hold the desired values (java-operator-sdk's {@link
 * SSABasedGenericKubernetesResourceMatcher}). One per reconcile: it acts for that reconcile's
 * {@code Api}, client and field manager.
 */
public final class ObjectApplier {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectApplier.class);

  /**
   * The resourceVersion that makes an apply create only: no generated object can carry etcd's first
   * revision (its CRD is written before it), so an object that exists fails the condition.
   */
  static final String NO_OBJECT_YET = "1";

  private final Context<ApiResource> context;
  private final Function<ObjectKind, Optional<WrittenObjectCache>> caches;
  private final ResourceID primary;
  private final String apiUid;
  private boolean changedMeanwhile;

  /**
   * @param context the reconcile's context: its primary {@code Api}, client and field manager
   * @param caches the informer cache that watches a kind, told of a write so the next reconcile
   *     sees it before its watch event arrives (and the event is known as ours)
   */
  public ObjectApplier(
      Context<ApiResource> context, Function<ObjectKind, Optional<WrittenObjectCache>> caches) {
    this.context = context;
    this.caches = caches;
    ApiResource api = context.getPrimaryResource();
    this.primary = ResourceID.fromResource(api);
    this.apiUid = api.getMetadata().getUid();
  }

  /**
   * Makes {@code desired} exist. {@code live} is the cached object with the same kind, namespace
   * and name, if any.
   */
  public ApplyOutcome apply(GeneratedObject desired, Optional<GenericKubernetesResource> live) {
    String what = desired.kind() + " " + qualified(desired);
    String claimant = live.map(OriginalControllerClaim::claimantUidOf).orElse(null);
    if (live.isPresent() && (apiUid == null || !apiUid.equals(claimant))) {
      return ApplyOutcome.nameTaken(
          new ObjectRef(
              desired.objectKind(),
              desired.metadata().namespace(),
              desired.metadata().name(),
              claimant));
    }
    GenericKubernetesResource wanted =
        Manifests.json().convertValue(desired, GenericKubernetesResource.class);
    if (live.isPresent() && ownedFieldsMatch(live.get(), wanted)) {
      return applied(live.get(), false);
    }
    Optional<WrittenObjectCache> cache = caches.apply(desired.objectKind());
    ResourceID id = new ResourceID(desired.metadata().name(), desired.metadata().namespace());
    cache.ifPresent(c -> c.writing(primary, id));
    try {
      Resource<GenericKubernetesResource> target =
          resources(desired.objectKind(), desired.apiVersion())
              .inNamespace(desired.metadata().namespace())
              .withName(desired.metadata().name());
      // The apply is conditional on the object the ownership check saw: if it changed since (or
      // appeared, when none was seen), the API server answers 409 and nothing foreign is written.
      String seenVersion =
          live.map(o -> o.getMetadata().getResourceVersion()).orElse(NO_OBJECT_YET);
      Optional<String> staleLabel = live.flatMap(OriginalControllerClaim::staleLabelRemoval);
      if (staleLabel.isPresent()) {
        // A label only the original controller set is not ours to drop by an apply. Given the
        // cached object, fabric8 does not read it from the server first.
        seenVersion =
            resources(desired.objectKind(), desired.apiVersion())
                .inNamespace(desired.metadata().namespace())
                .resource(live.get())
                .patch(PatchContext.of(PatchType.JSON), staleLabel.get())
                .getMetadata()
                .getResourceVersion();
      }
      wanted.getMetadata().setResourceVersion(seenVersion);
      GenericKubernetesResource written =
          target.patch(
              new PatchContext.Builder()
                  .withPatchType(PatchType.SERVER_SIDE_APPLY)
                  .withFieldManager(context.getControllerConfiguration().fieldManager())
                  .withForce(true)
                  .build(),
              wanted);
      if (cache.isPresent()) {
        changedMeanwhile |= cache.get().written(primary, written, live.orElse(null));
      }
      // An apply that changes nothing (the matcher could not tell) leaves the resourceVersion.
      boolean changed =
          !written.getMetadata().getResourceVersion().equals(seenVersion) || staleLabel.isPresent();
      if (changed) {
        LOG.info("{} {}", actionOf(live).name().toLowerCase(java.util.Locale.ROOT), what);
      }
      return applied(written, changed);
    } catch (RuntimeException e) {
      // Any failure ends the announced write; only the API server's refusals are outcomes.
      if (cache.isPresent()) changedMeanwhile |= cache.get().failed(id);
      if (e instanceof KubernetesClientException refused) return failure(desired, what, refused);
      throw e;
    }
  }

  /**
   * Whether an object this applier wrote was changed by someone else while the write ran. Its watch
   * event did not wake the {@code Api} (it could not be told from the write's own), so the {@code
   * Api} is to be reconciled again.
   */
  public boolean changedMeanwhile() {
    return changedMeanwhile;
  }

  /**
   * What an apply that changed something did to the object it started from: created it, adopted the
   * original controller's, or updated ours.
   */
  public static ObjectWrite.Action actionOf(Optional<GenericKubernetesResource> live) {
    if (live.isEmpty()) return ObjectWrite.Action.CREATED;
    return OriginalControllerClaim.apiUidOf(live.get()) != null
        ? ObjectWrite.Action.ADOPTED
        : ObjectWrite.Action.UPDATED;
  }

  /**
   * Deletes an object this {@code Api} controls. Returns false (and leaves it) when the object is
   * not controlled by this {@code Api}.
   */
  public boolean delete(OwnedObject owned) {
    if (!controlled(owned.object())) return false;
    deleteObject(context.getClient(), owned);
    return true;
  }

  /**
   * {@link #delete} for an object whose {@code Api} is gone, so that no reconcile acts for it: the
   * caller has checked that it is controlled by that {@code Api}.
   */
  public static void deleteObject(KubernetesClient client, OwnedObject owned) {
    client
        .genericKubernetesResources(definition(owned.kind(), owned.object().getApiVersion()))
        .inNamespace(owned.namespace())
        .withName(owned.name())
        .delete();
    LOG.info("deleted {} {}/{}", owned.kind().kind(), owned.namespace(), owned.name());
  }

  /**
   * Lets an object this {@code Api} controls go from {@link AuthenticationHold}: removes the hold's
   * finalizer, so that a terminating object goes at once. {@code whole} is the cached object with
   * its finalizers. A JSON patch that tests the uid and the finalizers first, so an object replaced
   * or changed since the cache saw it is left (the API server answers 422, thrown, and the
   * reconcile is retried). Returns false, writing nothing, when the object carries no hold or is
   * not controlled by this {@code Api}; a 404 is an object already gone.
   */
  public boolean release(ObjectKind kind, GenericKubernetesResource whole) {
    if (!controlled(whole)) return false;
    return releaseHold(context.getClient(), kind, whole);
  }

  /**
   * {@link #release} for an object whose {@code Api} is gone, so that no reconcile acts for it: the
   * caller has checked that it is controlled by that {@code Api}. Returns false, writing nothing,
   * when the object carries no hold.
   */
  public static boolean releaseHold(
      KubernetesClient client, ObjectKind kind, GenericKubernetesResource whole) {
    Optional<List<String>> kept = AuthenticationHold.released(whole.getMetadata().getFinalizers());
    if (kept.isEmpty()) return false;
    String patch =
        FinalizerPatch.replacing(
            whole.getMetadata().getUid(), whole.getMetadata().getFinalizers(), kept.get());
    try {
      client
          .genericKubernetesResources(definition(kind, whole.getApiVersion()))
          .inNamespace(whole.getMetadata().getNamespace())
          // Given the cached object, fabric8 does not read it from the server first.
          .resource(whole)
          .patch(PatchContext.of(PatchType.JSON), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) throw e;
    }
    LOG.info(
        "released {} {}/{}",
        kind.kind(),
        whole.getMetadata().getNamespace(),
        whole.getMetadata().getName());
    return true;
  }

  private boolean controlled(GenericKubernetesResource object) {
    return apiUid != null && apiUid.equals(CacheIndexes.controllerUidOf(object));
  }

  private boolean ownedFieldsMatch(
      GenericKubernetesResource live, GenericKubernetesResource wanted) {
    // An object the original controller left is ours only once it carries our owner reference.
    if (OriginalControllerClaim.apiUidOf(live) != null
        || live.getMetadata().getManagedFields() == null) {
      return false;
    }
    try {
      return SSABasedGenericKubernetesResourceMatcher.<GenericKubernetesResource>getInstance()
          .matches(live, wanted, context);
    } catch (IllegalStateException | OperatorException e) {
      // Managed fields the matcher cannot follow (two entries of our manager, a list key that
      // names no item): an apply writes them anew, where a throw would fail every reconcile.
      LOG.debug(
          "managed fields of {} not comparable: {}", live.getMetadata().getName(), e.toString());
      return false;
    }
  }

  private static ApplyOutcome applied(GenericKubernetesResource object, boolean wrote) {
    ObjectMeta m = object.getMetadata();
    return ApplyOutcome.applied(m.getName(), m.getUid(), m.getResourceVersion(), wrote);
  }

  private static ApplyOutcome failure(
      GeneratedObject desired, String what, KubernetesClientException e) {
    int code = e.getCode();
    String reason = e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage();
    if (code == 404) {
      return ApplyOutcome.permanentFailure(
          "The cluster does not serve "
              + desired.apiVersion()
              + " "
              + desired.kind()
              + "; install Istio's CRDs or switch ISTIO_PROFILE.");
    }
    if (code == 409 || code == 429 || code >= 500 || code <= 0) {
      return ApplyOutcome.retryableFailure("Writing " + what + " failed: " + reason);
    }
    return ApplyOutcome.permanentFailure("The API server rejected " + what + ": " + reason);
  }

  private MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources(ObjectKind kind, String apiVersion) {
    return context.getClient().genericKubernetesResources(definition(kind, apiVersion));
  }

  /**
   * The kind's API coordinates at {@code apiVersion} (the modern kinds are served at v1beta1 by
   * Istio 1.6–1.21 and at v1 from 1.22), so that no discovery request is needed to reach it.
   */
  public static ResourceDefinitionContext definition(ObjectKind kind, String apiVersion) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(kind.group())
        .withVersion(apiVersion.substring(apiVersion.indexOf('/') + 1))
        .withKind(kind.kind())
        .withPlural(kind.plural())
        .withNamespaced(true)
        .build();
  }

  private static String qualified(GeneratedObject o) {
    return o.metadata().namespace() + "/" + o.metadata().name();
  }
}
