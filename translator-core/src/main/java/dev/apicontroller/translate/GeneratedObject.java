package dev.apicontroller.translate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.istio.IstioSpec;
import org.immutables.value.Value;

/** One object the controller wants to exist, ready to serialize and apply. */
@Value.Immutable
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
public interface GeneratedObject {
  @JsonIgnore
  ObjectKind objectKind();

  GeneratedMetadata metadata();

  IstioSpec spec();

  default String apiVersion() {
    return objectKind().apiVersion();
  }

  default String kind() {
    return objectKind().kind();
  }
}
