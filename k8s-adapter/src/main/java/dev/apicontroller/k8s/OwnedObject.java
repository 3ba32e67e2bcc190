package dev.apicontroller.k8s;

import dev.apicontroller.translate.ObjectKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** A live object an {@code Api} controls, with the kind it was watched as. */
public record OwnedObject(ObjectKind kind, GenericKubernetesResource object) {
  public String name() {
    return object.getMetadata().getName();
  }

  public String namespace() {
    return object.getMetadata().getNamespace();
  }
}
