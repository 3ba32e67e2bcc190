package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The parts of Kubernetes {@code ObjectMeta} the controller reads. The other standard ObjectMeta
 * fields are accepted and ignored, so that {@code kubectl get -o yaml} output reads cleanly; a
 * field ObjectMeta does not have is still an error.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableObjectMetadata.class)
@JsonDeserialize(as = ImmutableObjectMetadata.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties({
  "generateName",
  "selfLink",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "ownerReferences",
  "finalizers",
  "managedFields"
})
@JsonPropertyOrder({
  "name",
  "namespace",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "labels",
  "annotations"
})
public interface ObjectMetadata {
  String DEFAULT_NAMESPACE = "default";

  @Nullable
  String name();

  @Nullable
  String namespace();

  @Nullable
  String uid();

  @Nullable
  String resourceVersion();

  @Nullable
  Long generation();

  /** RFC 3339, as Kubernetes writes it; compared as text, which orders RFC 3339 UTC correctly. */
  @Nullable
  String creationTimestamp();

  Map<String, String> labels();

  Map<String, String> annotations();

  default String nameOrEmpty() {
    return name() == null ? "" : name();
  }

  default String namespaceOrDefault() {
    return namespace() == null || namespace().isEmpty() ? DEFAULT_NAMESPACE : namespace();
  }
}
