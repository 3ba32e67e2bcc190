package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.k8s.ApplyResult;
import dev.apicontroller.translate.ApiTranslator;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.status.ObjectWrite;
import dev.apicontroller.translate.status.ObjectWrite.Action;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An apply's result, as the write the Events report. */
class ObjectWritesTest {
  private static final GeneratedObject ROUTE = route();

  private static GeneratedObject route() {
    ApiResource api =
        new KubernetesSerialization()
            .unmarshal(
                ConflictsIT.openApi("shop", "orders", "orders", "orders"), ApiResource.class);
    api.getMetadata().setUid("api-uid");
    return new ApiTranslator(Config.defaults())
        .translate(api.toApi(), ClusterView.EMPTY)
        .objects()
        .get(0);
  }

  private static GenericKubernetesResource live(Map<String, String> labels) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("networking.istio.io/v1alpha3")
        .withKind("VirtualService")
        .withNewMetadata()
        .withName("orders")
        .withNamespace("shop")
        .withUid("vs-uid")
        .withResourceVersion("7")
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  private static Optional<Action> action(Optional<GenericKubernetesResource> live, ApplyResult r) {
    return ObjectWrites.applied(ROUTE, live, r).map(ObjectWrite::action);
  }

  @Test
  void aWriteIsACreateWithoutALiveObjectAnUpdateWithOneAndAnAdoptionOfTheOriginals() {
    GenericKubernetesResource ours = live(Map.of());
    GenericKubernetesResource originals =
        live(Map.of("createdBy", "api-controller", "apiUid", "api-uid"));

    assertThat(action(Optional.empty(), ApplyResult.applied(ROUTE, ours, true)))
        .contains(Action.CREATED);
    assertThat(action(Optional.of(ours), ApplyResult.applied(ROUTE, ours, true)))
        .contains(Action.UPDATED);
    assertThat(action(Optional.of(originals), ApplyResult.applied(ROUTE, ours, true)))
        .contains(Action.ADOPTED);
    assertThat(
            ObjectWrites.applied(ROUTE, Optional.empty(), ApplyResult.applied(ROUTE, ours, true)))
        .get()
        .satisfies(
            w -> {
              assertThat(w.kind()).isEqualTo(ObjectKind.VIRTUAL_SERVICE_LEGACY);
              assertThat(w.describe()).isEqualTo("VirtualService shop/orders");
            });
  }

  @Test
  void nothingWrittenIsNoWriteAndAFailureCarriesItsMessage() {
    GenericKubernetesResource ours = live(Map.of());

    assertThat(action(Optional.of(ours), ApplyResult.applied(ROUTE, ours, false))).isEmpty();
    assertThat(action(Optional.of(ours), ApplyResult.nameTaken(ROUTE, "taken", "other"))).isEmpty();
    assertThat(
            ObjectWrites.applied(
                ROUTE, Optional.empty(), ApplyResult.retryable(ROUTE, "Writing failed: 500")))
        .get()
        .satisfies(
            w -> {
              assertThat(w.action()).isEqualTo(Action.FAILED);
              assertThat(w.error()).isEqualTo("Writing failed: 500");
            });
    assertThat(action(Optional.empty(), ApplyResult.permanent(ROUTE, "rejected")))
        .contains(Action.FAILED);
  }
}
