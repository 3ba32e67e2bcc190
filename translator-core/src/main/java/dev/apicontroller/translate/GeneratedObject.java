package dev.apicontroller.translate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** One object the controller wants to exist, ready to serialize and apply. */
@Value.Immutable
@JsonSerialize(as = ImmutableGeneratedObject.class)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
public interface GeneratedObject {
  @JsonIgnore
  ObjectKind objectKind();

  GeneratedMetadata metadata();

  IstioSpec spec();

  /** An object at its kind's newest version. */
  static GeneratedObject of(ObjectKind kind, GeneratedMetadata metadata, IstioSpec spec) {
    return of(kind, IstioTarget.V1, metadata, spec);
  }

  /** An object at the version {@code target} writes its kind at. */
  static GeneratedObject of(
      ObjectKind kind, IstioTarget target, GeneratedMetadata metadata, IstioSpec spec) {
    return ImmutableGeneratedObject.builder()
        .objectKind(kind)
        .apiVersion(kind.apiVersion(target))
        .metadata(metadata)
        .spec(spec)
        .build();
  }

  @JsonProperty("apiVersion")
  @Value.Default
  default String apiVersion() {
    return objectKind().apiVersion();
  }

  @JsonProperty("kind")
  default String kind() {
    return objectKind().kind();
  }
}
