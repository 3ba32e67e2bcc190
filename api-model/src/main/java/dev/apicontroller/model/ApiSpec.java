package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** {@code spec} of an {@code Api} (SPEC section 2). */
@Value.Immutable
@JsonSerialize(as = ImmutableApiSpec.class)
@JsonDeserialize(as = ImmutableApiSpec.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "service",
  "hostname",
  "authenticationEnabled",
  "disableIstioAuthPolicyMTLS",
  "authentication"
})
public interface ApiSpec {
  @Nullable
  ServiceRef service();

  @Nullable
  String hostname();

  @Nullable
  Boolean authenticationEnabled();

  @Nullable
  Boolean disableIstioAuthPolicyMTLS();

  /** Absent and empty are the same to the controller; both serialize as absent. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<Authentication> authentication();
}
