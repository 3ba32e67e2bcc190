package dev.apicontroller.translate.ambient;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.conflict.ClusterView;

/**
 * Whether an {@code Api}'s namespace gets the ambient objects (SPEC 3.5): forced by the data plane
 * setting, or, with {@code auto}, when the Namespace is labelled {@code istio.io/dataplane-mode:
 * ambient}. A target that cannot attach policies to waypoints (below Istio 1.22) writes the sidecar
 * objects everywhere under {@code auto}: the settings refuse a forced ambient there, and in an
 * ambient namespace ztunnel cannot enforce their L7 rules, so it denies what the DENY policy names
 * instead of allowing it (fail closed).
 */
public final class DataplaneChoice {
  private final Config config;

  public DataplaneChoice(Config config) {
    this.config = config;
  }

  public boolean ambient(String namespace, ClusterView cluster) {
    return switch (config.dataplane()) {
      case SIDECAR -> false;
      case AMBIENT -> true;
      case AUTO ->
          config.target().supportsAmbient()
              && AmbientLabels.AMBIENT.equals(
                  cluster.namespaceLabels(namespace).get(AmbientLabels.DATAPLANE_MODE));
    };
  }
}
