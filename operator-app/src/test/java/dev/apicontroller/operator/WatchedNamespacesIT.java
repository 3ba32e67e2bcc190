package dev.apicontroller.operator;

import static dev.apicontroller.operator.ConflictsIT.foreignVirtualService;
import static dev.apicontroller.operator.ConflictsIT.openApi;
import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.ApiStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code WATCH_NAMESPACES} the operator serves the Apis of those namespaces only, but a
 * hostname is still taken by a VirtualService anywhere in the cluster (SPEC 4).
 */
class WatchedNamespacesIT {
  static final String WATCHED = "watched-hosts";
  static final String ELSEWHERE = "unwatched-hosts";
  static OperatorHarness harness;

  @BeforeAll
  static void startOperator() {
    try (KubernetesClient admin =
        new KubernetesClientBuilder().withConfig(TestApiServer.config()).build()) {
      for (String ns : new String[] {WATCHED, ELSEWHERE}) {
        admin
            .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
            .create();
      }
    }
    Map<String, String> env = OperatorHarness.baseEnv();
    env.put("WATCH_NAMESPACES", WATCHED);
    harness = new OperatorHarness(env);
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  @Test
  void aHostHeldByAVirtualServiceInAnUnwatchedNamespaceBlocksTheApiAndIsFreedWhenItGoes() {
    GenericKubernetesResource foreign =
        harness
            .user
            .resource(foreignVirtualService(ELSEWHERE, "legacy-route", "shop.kyma.local"))
            .create();

    harness.createApi(openApi(WATCHED, "shop", "shop", "shop"));

    ApiStatus status = harness.awaitStatus(WATCHED, "shop", virtualServiceCode(4));
    assertThat(status.virtualServiceStatus().lastError()).contains(ELSEWHERE + "/legacy-route");
    assertThat(harness.object(ConflictsIT.VS_LEGACY, "VirtualService", WATCHED, "shop")).isNull();

    harness.user.resource(foreign).delete();

    harness.awaitStatus(WATCHED, "shop", virtualServiceCode(2));
    assertThat(harness.object(ConflictsIT.VS_LEGACY, "VirtualService", WATCHED, "shop"))
        .isNotNull();
  }

  @Test
  void anApiInAnUnwatchedNamespaceIsLeftAlone() {
    harness.createApi(openApi(ELSEWHERE, "ignored", "ignored", "ignored"));
    harness.createApi(openApi(WATCHED, "served", "served", "served"));

    harness.awaitStatus(WATCHED, "served", virtualServiceCode(2));
    assertThat(harness.api(ELSEWHERE, "ignored").getStatus()).isNull();
    assertThat(harness.object(ConflictsIT.VS_LEGACY, "VirtualService", ELSEWHERE, "ignored"))
        .isNull();
  }
}
