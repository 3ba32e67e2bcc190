package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** {@code spec.service}: the Service to expose and its port. */
@Value.Immutable
@JsonSerialize(as = ImmutableServiceRef.class)
@JsonDeserialize(as = ImmutableServiceRef.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "port"})
public interface ServiceRef {
  @Nullable
  String name();

  @Nullable
  Integer port();
}
