package dev.apicontroller.cli.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code apictl explain --routes gateway-api}: the modern decision goes through the HTTPRoute. */
class GatewayApiExplainTest {
  private static final Path EXAMPLE = Path.of("../examples/gateway-api/catalog.yaml");

  @Test
  void theModernRowSaysTheHttpRouteRoutesTheRequestAndTheAuthObjectsDecide() {
    ExplainRun anonymous =
        ExplainRun.withStdin(
            "",
            "explain",
            EXAMPLE.toString(),
            "--path",
            "/items",
            "--routes",
            "gateway-api",
            "--istio-version",
            "1.24");
    assertThat(anonymous.out())
        .as(anonymous.toString())
        .contains("Api storefront/catalog   host catalog.kyma.local   path /items")
        .contains("the HTTPRoute's PathPrefix / routes it; AuthorizationPolicy DENY rule");
    ExplainRun open =
        ExplainRun.withStdin(
            "",
            "explain",
            EXAMPLE.toString(),
            "--path",
            "/public/a",
            "--routes",
            "gateway-api",
            "--istio-version",
            "1.24");
    assertThat(open.code()).as(open.toString()).isZero();
    assertThat(open.out()).contains("the HTTPRoute's PathPrefix / routes it; no DENY rule matches");
  }
}
