package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** {@code status.*.resource}: which object a status line is about. */
@Value.Immutable
@JsonSerialize(as = ImmutableResourceRef.class)
@JsonDeserialize(as = ImmutableResourceRef.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "uid", "version"})
public interface ResourceRef {
  @Nullable
  String name();

  @Nullable
  String uid();

  /** The object's resourceVersion. */
  @Nullable
  String version();
}
