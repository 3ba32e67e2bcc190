package dev.apicontroller.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the core's objects into fabric8 {@link GenericKubernetesResource}s (Istio kinds have no
 * fabric8 model here) and decides whether a live object already is what the core wants.
 */
public final class GeneratedObjectConverter {
  private final ObjectMapper mapper;

  public GeneratedObjectConverter() {
    this(Manifests.json());
  }

  public GeneratedObjectConverter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The object exactly as the CLI would print it, as a JSON tree. */
  public ObjectNode toTree(GeneratedObject object) {
    return mapper.valueToTree(object);
  }

  public GenericKubernetesResource toResource(GeneratedObject object) {
    return mapper.convertValue(toTree(object), GenericKubernetesResource.class);
  }

  /**
   * Whether {@code live} already matches {@code desired}: the same spec, every desired label with
   * its value (others may add labels), and the desired owner references. Status, annotations and
   * server-set metadata are not compared, so a no-op reconcile writes nothing.
   */
  public boolean matches(GeneratedObject desired, GenericKubernetesResource live) {
    GenericKubernetesResource want = toResource(desired);
    JsonNode wantSpec = mapper.valueToTree(want.getAdditionalProperties().get("spec"));
    JsonNode liveSpec = mapper.valueToTree(live.getAdditionalProperties().get("spec"));
    if (!Objects.equals(wantSpec, liveSpec)) return false;
    Map<String, String> liveLabels =
        live.getMetadata().getLabels() == null ? Map.of() : live.getMetadata().getLabels();
    Map<String, String> wantLabels =
        want.getMetadata().getLabels() == null ? Map.of() : want.getMetadata().getLabels();
    if (!liveLabels.entrySet().containsAll(wantLabels.entrySet())) return false;
    List<OwnerReference> liveRefs =
        live.getMetadata().getOwnerReferences() == null
            ? List.of()
            : live.getMetadata().getOwnerReferences();
    List<OwnerReference> wantRefs =
        want.getMetadata().getOwnerReferences() == null
            ? List.of()
            : want.getMetadata().getOwnerReferences();
    return liveRefs.containsAll(wantRefs);
  }

  /**
   * {@code live} changed to match {@code desired}: the desired spec, labels added or corrected, the
   * desired owner references added; everything else (resourceVersion for optimistic locking, other
   * labels, annotations) kept.
   */
  public GenericKubernetesResource merge(GeneratedObject desired, GenericKubernetesResource live) {
    GenericKubernetesResource want = toResource(desired);
    GenericKubernetesResource merged =
        mapper.convertValue(mapper.valueToTree(live), GenericKubernetesResource.class);
    merged.setApiVersion(want.getApiVersion());
    merged.setKind(want.getKind());
    merged.getAdditionalProperties().put("spec", want.getAdditionalProperties().get("spec"));
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    if (merged.getMetadata().getLabels() != null) labels.putAll(merged.getMetadata().getLabels());
    if (want.getMetadata().getLabels() != null) labels.putAll(want.getMetadata().getLabels());
    merged.getMetadata().setLabels(labels);
    List<OwnerReference> refs = new java.util.ArrayList<>();
    if (merged.getMetadata().getOwnerReferences() != null) {
      refs.addAll(merged.getMetadata().getOwnerReferences());
    }
    if (want.getMetadata().getOwnerReferences() != null) {
      for (OwnerReference ref : want.getMetadata().getOwnerReferences()) {
        refs.removeIf(r -> Objects.equals(r.getUid(), ref.getUid()));
        refs.add(ref);
      }
    }
    merged.getMetadata().setOwnerReferences(refs);
    merged.getMetadata().setManagedFields(null);
    return merged;
  }

  /**
   * {@code live}, left by the original controller, made ours: {@link #merge} plus dropping the
   * original's {@code apiVersion} label, a resourceVersion of the {@code Api} that goes stale.
   */
  public GenericKubernetesResource adopt(GeneratedObject desired, GenericKubernetesResource live) {
    GenericKubernetesResource adopted = merge(desired, live);
    adopted.getMetadata().getLabels().remove(OriginalControllerClaim.API_VERSION);
    return adopted;
  }
}
