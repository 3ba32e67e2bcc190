package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** {@code jwt} of an authentication item: who issues tokens and where their keys are. */
@Value.Immutable
@JsonSerialize(as = ImmutableJwt.class)
@JsonDeserialize(as = ImmutableJwt.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"issuer", "jwksUri", "triggerRule"})
public interface Jwt {
  @Nullable
  String issuer();

  @Nullable
  String jwksUri();

  @Nullable
  TriggerRule triggerRule();
}
