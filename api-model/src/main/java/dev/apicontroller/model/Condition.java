package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A Kubernetes-style condition ({@code metav1.Condition}). */
@Value.Immutable
@JsonSerialize(as = ImmutableCondition.class)
@JsonDeserialize(as = ImmutableCondition.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "type",
  "status",
  "reason",
  "message",
  "observedGeneration",
  "lastTransitionTime"
})
public interface Condition {
  String READY = "Ready";

  String type();

  /** {@code "True"}, {@code "False"} or {@code "Unknown"}. */
  String status();

  String reason();

  @Value.Default
  default String message() {
    return "";
  }

  @Nullable
  Long observedGeneration();

  /**
   * RFC 3339. The pure core has no clock: it leaves this empty and the runtime that writes the
   * status fills it in (keeping the previous time when the status did not change).
   */
  @Nullable
  String lastTransitionTime();
}
