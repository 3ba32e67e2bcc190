package dev.apicontroller.cli;

import static dev.apicontroller.cli.Manifest.securedApi;
import static dev.apicontroller.cli.Manifest.service;
import static dev.apicontroller.cli.Manifest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --service-selector}: the modern profile offline without the Service manifests. */
class ServiceSelectorFlagTest {
  @TempDir Path dir;

  @Test
  void theFlagSuppliesTheSelectorTheModernObjectsSelectBy() {
    Path file = write(dir, "api.yaml", securedApi("shop", "orders", "orders", "orders"));
    ApictlRun run =
        ApictlRun.of(
            "render",
            "--profile",
            "modern",
            "--service-selector",
            "shop/orders=app=orders-app,tier=web",
            file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(RenderCommandTest.kindsAndNames(run.out()))
        .containsExactly(
            "RequestAuthentication/orders",
            "AuthorizationPolicy/orders",
            "PeerAuthentication/orders",
            "VirtualService/orders");
    assertThat(run.out()).contains("app: orders-app", "tier: web");
  }

  @Test
  void itRendersWhatTheServiceDocumentWouldHave() {
    Path api = write(dir, "api.yaml", securedApi("shop", "orders", "orders", "orders"));
    Path svc = write(dir, "svc.yaml", service("shop", "orders", "orders-app"));
    ApictlRun withDocument =
        ApictlRun.of("render", "--profile", "modern", api.toString(), svc.toString());
    ApictlRun withFlag =
        ApictlRun.of(
            "render",
            "--profile",
            "modern",
            "--service-selector=shop/orders=app=orders-app",
            api.toString());
    assertThat(withFlag.code()).as(withFlag.toString()).isZero();
    assertThat(withFlag.out()).isEqualTo(withDocument.out());
  }

  @Test
  void aServiceDocumentWinsOverTheFlagAndTheFlagIsNamedAsUnused() {
    Path file =
        write(
            dir,
            "apis.yaml",
            service("shop", "orders", "from-document"),
            securedApi("shop", "orders", "orders", "orders"));
    ApictlRun run =
        ApictlRun.of(
            "render",
            "--profile",
            "modern",
            "--service-selector",
            "shop/orders=app=from-flag",
            file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("app: from-document").doesNotContain("from-flag");
    assertThat(run.err())
        .contains(
            "--service-selector shop/orders is not used: a Service document among the inputs"
                + " wins");
  }

  @Test
  void aMissingServiceNamesBothOfflineFixes() {
    Path file = write(dir, "api.yaml", securedApi("shop", "orders", "orders", "orders"));
    ApictlRun run = ApictlRun.of("validate", "--profile", "modern", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "Service shop/orders was not found",
            "add the Service manifest to the inputs",
            "--service-selector shop/orders=app=orders");
  }

  @Test
  void validateAndStatusTakeTheFlagToo() {
    Path file = write(dir, "api.yaml", securedApi("shop", "orders", "orders", "orders"));
    ApictlRun validate =
        ApictlRun.of(
            "validate",
            "--profile",
            "modern",
            "--service-selector",
            "shop/orders=app=orders",
            file.toString());
    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.out()).contains("1 Api checked: 0 errors");
    ApictlRun status =
        ApictlRun.of(
            "status",
            "--profile",
            "modern",
            "--service-selector",
            "shop/orders=app=orders",
            file.toString());
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(status.out()).doesNotContain("was not found");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "shop/orders",
        "orders=app=orders",
        "/orders=app=orders",
        "shop/=app=orders",
        "shop/orders/x=app=orders",
        "shop/orders=app",
        "shop/orders=",
        "shop/orders=app=a,",
        "shop/orders==orders",
        "shop/orders=app=a,app=b"
      })
  void aMalformedValueIsAUsageErrorNamingTheExpectedForm(String value) {
    ApictlRun run = ApictlRun.of("render", "--service-selector", value, "x.yaml");
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Invalid value for option '--service-selector'",
            "expected NAMESPACE/SERVICE=KEY=VALUE[,KEY=VALUE]",
            "\"" + value + "\"");
  }

  @Test
  void theSameServiceTwiceIsAUsageError() {
    Path file = write(dir, "api.yaml", securedApi("shop", "orders", "orders", "orders"));
    ApictlRun run =
        ApictlRun.of(
            "render",
            "--service-selector",
            "shop/orders=app=a",
            "--service-selector",
            "shop/orders=app=b",
            file.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--service-selector for shop/orders is given twice");
  }
}
