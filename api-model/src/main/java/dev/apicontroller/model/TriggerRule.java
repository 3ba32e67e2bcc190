package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** {@code jwt.triggerRule}: the paths on which this origin does not ask for a token. */
@Value.Immutable
@JsonSerialize(as = ImmutableTriggerRule.class)
@JsonDeserialize(as = ImmutableTriggerRule.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface TriggerRule {
  List<PathMatch> excludedPaths();
}
