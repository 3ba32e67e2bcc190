package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** One {@code spec.authentication[]} item. {@code JWT} is the only type. */
@Value.Immutable
@JsonSerialize(as = ImmutableAuthentication.class)
@JsonDeserialize(as = ImmutableAuthentication.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "jwt"})
public interface Authentication {
  String TYPE_JWT = "JWT";

  @Nullable
  String type();

  @Nullable
  Jwt jwt();
}
