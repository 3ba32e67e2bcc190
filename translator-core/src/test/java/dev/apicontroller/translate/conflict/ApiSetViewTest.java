package dev.apicontroller.translate.conflict;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.ObjectKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiSetViewTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private final Config config = Config.defaults();

  @Test
  void indexesInputApisByFullHostAndByService() {
    var a = api("shop", "a", spec("orders", 80, "Orders"));
    var b = api("shop", "b", spec("orders", 80, "other.kyma.local"));
    ApiSetView view = ApiSetView.builder(config).api(a).api(b).build();
    assertThat(view.apisWithHost("orders.kyma.local")).containsExactly(a);
    assertThat(view.apisTargetingService("shop", "orders")).containsExactly(a, b);
    assertThat(view.apisTargetingService("other", "orders")).isEmpty();
    assertThat(view.virtualServicesWithHost("orders.kyma.local")).isEmpty();
  }

  @Test
  void readsServiceSelectorsAndExistingObjectsFromDocuments() throws Exception {
    ApiSetView.Builder b = ApiSetView.builder(config);
    assertThat(
            ClusterFacts.record(
                b,
                YAML.readTree(
                    "apiVersion: v1\nkind: Service\nmetadata: {name: orders, namespace: shop}\n"
                        + "spec: {selector: {app: orders, tier: web}}\n")))
        .isTrue();
    assertThat(
            ClusterFacts.record(
                b,
                YAML.readTree(
                    "apiVersion: networking.istio.io/v1beta1\nkind: Gateway\n"
                        + "metadata: {name: g}\n")))
        .isFalse();
    assertThat(
            ClusterFacts.record(
                b,
                YAML.readTree(
                    "apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\n"
                        + "metadata:\n  name: vs\n  ownerReferences:\n"
                        + "  - {kind: Api, name: x, uid: u-1, controller: true}\n"
                        + "spec: {hosts: [Orders.Kyma.Local]}\n")))
        .isTrue();
    ApiSetView view = b.build();
    assertThat(view.serviceSelector("shop", "orders"))
        .contains(Map.of("app", "orders", "tier", "web"));
    assertThat(view.virtualServicesWithHost("orders.kyma.local"))
        .containsExactly(new ObjectRef(ObjectKind.VIRTUAL_SERVICE_LEGACY, "default", "vs", "u-1"));
    assertThat(view.object(ObjectKind.VIRTUAL_SERVICE_LEGACY, "default", "vs")).isPresent();
    assertThat(view.object(ObjectKind.VIRTUAL_SERVICE, "default", "vs")).isEmpty();
  }
}
