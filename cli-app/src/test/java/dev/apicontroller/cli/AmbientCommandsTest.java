package dev.apicontroller.cli;

import static dev.apicontroller.cli.Manifest.securedApi;
import static dev.apicontroller.cli.Manifest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 3.5 in apictl: Namespace documents decide auto, the waypoint labels gate the route. */
class AmbientCommandsTest {
  @TempDir Path dir;

  private static String namespace(String name, String... labels) {
    StringBuilder doc =
        new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n");
    if (labels.length > 0) doc.append("  labels:\n");
    for (String l : labels) doc.append("    ").append(l).append('\n');
    return doc.toString();
  }

  @Test
  void statusShowsWaypointRequiredAndNoRouteWhileTheLabelsAreMissing() {
    Path file =
        write(
            dir,
            "apis.yaml",
            namespace("shop", "istio.io/dataplane-mode: ambient"),
            securedApi("shop", "orders", "orders", "orders"));
    ApictlRun run = ApictlRun.of("status", "--istio-version", "1.24", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    String[] row = run.out().split("\n")[1].split("\\s+", 8);
    assertThat(row).startsWith("shop", "orders", "orders.kyma.local", "orders:8080", "2", "0", "2");
    assertThat(row[7])
        .startsWith("WaypointRequired: No route")
        .contains("istio.io/use-waypoint", "istio.io/ingress-use-waypoint");

    ApictlRun yaml =
        ApictlRun.of("status", "-o", "yaml", "--istio-version", "1.24", file.toString());
    assertThat(yaml.out()).contains("reason: WaypointRequired", "status: \"False\"");
  }

  @Test
  void renderWritesTheAuthObjectsWithoutAServiceManifestAndWarnsThatTheRouteWaits() {
    Path file =
        write(
            dir,
            "apis.yaml",
            namespace("shop", "istio.io/dataplane-mode: ambient"),
            securedApi("shop", "orders", "orders", "orders"));
    ApictlRun run = ApictlRun.of("render", "--istio-version", "1.24", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("kind: RequestAuthentication", "kind: AuthorizationPolicy", "targetRefs:")
        .doesNotContain("kind: VirtualService", "PeerAuthentication");
    assertThat(run.err()).contains("warning: spec.service.name: No route");
  }

  @Test
  void serviceAndNamespaceLabelsTogetherLetTheRouteBeWritten() {
    Path file =
        write(
            dir,
            "apis.yaml",
            namespace("shop", "istio.io/dataplane-mode: ambient", "istio.io/use-waypoint: wp"),
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: orders
              namespace: shop
              labels:
                istio.io/ingress-use-waypoint: "true"
            spec:
              ports:
              - port: 8080
            """,
            securedApi("shop", "orders", "orders", "orders"));
    ApictlRun run = ApictlRun.of("render", "--istio-version", "1.24", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("kind: VirtualService", "targetRefs:");
    assertThat(run.err()).doesNotContain("No route");
  }

  @Test
  void aNamespaceWithoutTheLabelAndTheSidecarFlagKeepTheSidecarObjects() {
    Path plain =
        write(
            dir,
            "plain.yaml",
            namespace("shop"),
            Manifest.service("shop", "orders", "orders"),
            securedApi("shop", "orders", "orders", "orders"));
    assertThat(ApictlRun.of("render", "--istio-version", "1.24", plain.toString()).out())
        .contains("matchLabels", "kind: PeerAuthentication")
        .doesNotContain("targetRefs");
    Path labelled =
        write(
            dir,
            "labelled.yaml",
            namespace("shop", "istio.io/dataplane-mode: ambient"),
            Manifest.service("shop", "orders", "orders"),
            securedApi("shop", "orders", "orders", "orders"));
    assertThat(
            ApictlRun.of(
                    "render",
                    "--istio-version",
                    "1.24",
                    "--dataplane",
                    "sidecar",
                    labelled.toString())
                .out())
        .contains("kind: PeerAuthentication", "kind: VirtualService")
        .doesNotContain("targetRefs");
  }

  @Test
  void explainDeniesEveryRequestWhileTheRouteWaitsForItsWaypoint() {
    Path file = write(dir, "api.yaml", securedApi("shop", "orders", "orders", "orders"));
    ApictlRun run =
        ApictlRun.of(
            "explain",
            "--dataplane",
            "ambient",
            "--istio-version",
            "1.24",
            "--profile",
            "modern",
            "--path",
            "/orders",
            "--issuer",
            "https://issuer.example.com",
            file.toString());
    assertThat(run.out()).contains("denied", "404", "denied: no route until");
  }
}
