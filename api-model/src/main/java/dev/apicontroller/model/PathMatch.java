package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One {@code excludedPaths} item. On the wire it is an object with exactly one of the four keys;
 * the model keeps all four so that the validator can report an item with none or several.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePathMatch.class)
@JsonDeserialize(as = ImmutablePathMatch.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"exact", "prefix", "suffix", "regex"})
public interface PathMatch {
  @Nullable
  String exact();

  @Nullable
  String prefix();

  @Nullable
  String suffix();

  @Nullable
  String regex();

  /** The keys this item sets, in wire order. A valid item has exactly one. */
  @JsonIgnore
  default List<Map.Entry<MatchKind, String>> present() {
    List<Map.Entry<MatchKind, String>> out = new ArrayList<>(1);
    if (exact() != null) out.add(Map.entry(MatchKind.EXACT, exact()));
    if (prefix() != null) out.add(Map.entry(MatchKind.PREFIX, prefix()));
    if (suffix() != null) out.add(Map.entry(MatchKind.SUFFIX, suffix()));
    if (regex() != null) out.add(Map.entry(MatchKind.REGEX, regex()));
    return out;
  }

  static PathMatch of(MatchKind kind, String value) {
    ImmutablePathMatch.Builder b = ImmutablePathMatch.builder();
    switch (kind) {
      case EXACT -> b.exact(value);
      case PREFIX -> b.prefix(value);
      case SUFFIX -> b.suffix(value);
      case REGEX -> b.regex(value);
    }
    return b.build();
  }
}
