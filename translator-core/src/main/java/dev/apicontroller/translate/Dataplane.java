package dev.apicontroller.translate;

import java.util.Locale;

/**
 * Which data plane the objects are written for (SPEC 3.5): sidecars select their workload, ambient
 * waypoints are attached to with {@code targetRefs}; {@code auto} decides per namespace from its
 * {@code istio.io/dataplane-mode} label.
 */
public enum Dataplane {
  /** Per namespace: ambient when labelled {@code istio.io/dataplane-mode: ambient}. */
  AUTO,
  /** Every namespace runs sidecars. */
  SIDECAR,
  /** Every namespace is ambient (ztunnel and waypoints). */
  AMBIENT;

  /** {@code auto}, {@code sidecar} or {@code ambient}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code auto}, {@code sidecar} or {@code ambient} (any case). */
  public static Dataplane parse(String value) {
    for (Dataplane d : values()) {
      if (d.wireName().equalsIgnoreCase(value.trim())) return d;
    }
    throw new IllegalArgumentException("must be auto, sidecar or ambient");
  }
}
