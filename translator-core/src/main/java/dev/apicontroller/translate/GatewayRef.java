package dev.apicontroller.translate;

import java.util.Locale;
import java.util.Optional;

/**
 * The Istio Gateway the routes bind to (SPEC 3.5): {@code namespace/name} and {@code
 * name.namespace.svc.<cluster domain>} name the same Gateway and parse to the same value, as Istio
 * itself reads them (it takes the first two labels of a dotted name and ignores the rest). A bare
 * name is a Gateway in the {@code Api}'s own namespace.
 *
 * @param namespace the Gateway's namespace; empty for a bare name
 * @param name the Gateway's name
 */
public record GatewayRef(Optional<String> namespace, String name) {
  public static final String RULE =
      "must be namespace/name, name.namespace.svc.<cluster domain> or a Gateway name";

  public static GatewayRef of(String namespace, String name) {
    return new GatewayRef(Optional.of(namespace), name);
  }

  /**
   * Reads either spelling, in any case.
   *
   * @throws IllegalArgumentException with {@link #RULE} when the text is neither
   */
  public static GatewayRef parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    int slash = t.indexOf('/');
    if (slash >= 0) {
      String ns = t.substring(0, slash);
      String name = t.substring(slash + 1);
      if (Dns1123.isLabel(ns) && Dns1123.isLabel(name)) return of(ns, name);
      throw new IllegalArgumentException(RULE);
    }
    String[] labels = t.split("\\.", -1);
    for (String label : labels) {
      if (!Dns1123.isLabel(label)) throw new IllegalArgumentException(RULE);
    }
    if (labels.length == 1) return new GatewayRef(Optional.empty(), labels[0]);
    return of(labels[1], labels[0]);
  }

  /**
   * How a VirtualService's {@code gateways} names it: {@code name.namespace.svc.<cluster domain>},
   * the original controller's form, which every Istio version reads; a bare name stays bare.
   */
  public String virtualServiceName(String clusterDomain) {
    return namespace.map(ns -> name + "." + ns + ".svc." + clusterDomain).orElse(name);
  }

  /** {@code namespace/name}, or the bare name. */
  @Override
  public String toString() {
    return namespace.map(ns -> ns + "/" + name).orElse(name);
  }
}
