package dev.apicontroller.translate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code metadata.ownerReferences[]} of a generated object: the {@code Api} that controls it. */
@JsonPropertyOrder({"apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"})
public record OwnerReference(
    String apiVersion,
    String kind,
    String name,
    String uid,
    boolean controller,
    boolean blockOwnerDeletion) {}
