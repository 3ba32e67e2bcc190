package dev.apicontroller.translate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code metadata} of a generated object: same name and namespace as its {@code Api} (SPEC 3).
 *
 * @param labels in the order they are written; the map is kept as given (it must be immutable)
 * @param annotations empty for a translated {@code Api}; a migrated object keeps its source's
 * @param ownerReferences empty when the {@code Api} has no uid
 * @param finalizers empty as translated; the operator's authentication objects carry {@link
 *     dev.apicontroller.translate.hold.AuthenticationHold}'s
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "namespace", "labels", "annotations", "ownerReferences", "finalizers"})
public record GeneratedMetadata(
    String name,
    String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<OwnerReference> ownerReferences,
    List<String> finalizers) {
  public GeneratedMetadata {
    finalizers = List.copyOf(finalizers);
  }

  /** Metadata without finalizers. */
  public GeneratedMetadata(
      String name,
      String namespace,
      Map<String, String> labels,
      Map<String, String> annotations,
      List<OwnerReference> ownerReferences) {
    this(name, namespace, labels, annotations, ownerReferences, List.of());
  }

  /** Metadata without annotations and finalizers. */
  public GeneratedMetadata(
      String name,
      String namespace,
      Map<String, String> labels,
      List<OwnerReference> ownerReferences) {
    this(name, namespace, labels, Map.of(), ownerReferences, List.of());
  }

  /** The same metadata with {@code finalizer} added (once). */
  public GeneratedMetadata withFinalizer(String finalizer) {
    if (finalizers.contains(finalizer)) return this;
    List<String> more = new java.util.ArrayList<>(finalizers);
    more.add(finalizer);
    return new GeneratedMetadata(name, namespace, labels, annotations, ownerReferences, more);
  }
}
