package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * {@code status} of an {@code Api} (SPEC section 5). Also reads the status the original Go
 * controller wrote (no {@code conditions}, no {@code observedGeneration}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableApiStatus.class)
@JsonDeserialize(as = ImmutableApiStatus.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "observedGeneration",
  "validationStatus",
  "virtualServiceStatus",
  "authenticationStatus",
  "authorizationPolicyStatus",
  "conditions"
})
public interface ApiStatus {
  @Nullable
  Long observedGeneration();

  @Value.Default
  default int validationStatus() {
    return StatusCode.NOT_CREATED.code();
  }

  @Nullable
  ResourceStatus virtualServiceStatus();

  @Nullable
  ResourceStatus authenticationStatus();

  @Nullable
  ResourceStatus authorizationPolicyStatus();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<Condition> conditions();

  /** The {@code Ready} condition, or null when there is none. */
  default Condition ready() {
    return conditions().stream()
        .filter(c -> Condition.READY.equals(c.type()))
        .findFirst()
        .orElse(null);
  }
}
