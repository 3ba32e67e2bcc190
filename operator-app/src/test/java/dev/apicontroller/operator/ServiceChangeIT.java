package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.spec;
import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SPEC 6 (never expose an unsecured service) when a secured {@code Api} moves to another Service:
 * at no moment does the VirtualService lead to a Service its Policy does not target. Applying the
 * Policy first and the route last, as for a new {@code Api}, would leave the old Service routed to
 * and uncovered until the route moved.
 */
class ServiceChangeIT {
  private static final String VS = ApiLifecycleIT.VS_LEGACY;

  @Test
  void aSecuredRouteNeverLeadsToAServiceItsPolicyDoesNotTarget() {
    try (OperatorHarness harness = new OperatorHarness(OperatorHarness.baseEnv())) {
      String ns = harness.newNamespace("service-change");
      try (FailClosedObserver observer = new FailClosedObserver(harness.user, Set.of(ns))) {
        harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));
        harness.awaitStatus(ns, "orders", virtualServiceCode(2));

        for (String service : List.of("payments", "billing")) {
          harness
              .user
              .resources(ApiResource.class)
              .inNamespace(ns)
              .withName("orders")
              .patch(
                  PatchContext.of(PatchType.JSON_MERGE),
                  "{\"spec\":{\"service\":{\"name\":\"" + service + "\"}}}");
          harness.awaitObject(
              VS,
              "VirtualService",
              ns,
              "orders",
              vs -> FailClosedObserver.destinationService(vs).equals(service));
          harness.awaitObject(
              ApiLifecycleIT.POLICY,
              "Policy",
              ns,
              "orders",
              p -> spec(p).get("targets").equals(List.of(Map.of("name", service))));
        }
        harness.awaitStatus(
            ns,
            "orders",
            s ->
                s.virtualServiceStatus().code() == 2
                    && Long.valueOf(3).equals(s.observedGeneration()));

        FailClosedObserver.Verdict verdict = observer.verdict();
        System.out.println("SERVICE CHANGE: " + verdict.summary());
        assertThat(verdict.vsStatesChecked()).isGreaterThanOrEqualTo(3);
        assertThat(verdict.withoutAuth()).isEmpty();
        assertThat(verdict.routeToUntargetedService()).isEmpty();
      }
    }
  }
}
