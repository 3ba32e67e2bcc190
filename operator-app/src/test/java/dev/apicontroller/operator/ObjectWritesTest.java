package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.conflict.ObjectRef;
import dev.apicontroller.translate.decide.ApiTranslator;
import dev.apicontroller.translate.status.ApplyOutcome;
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

  private static Optional<Action> action(Optional<GenericKubernetesResource> live, ApplyOutcome r) {
    return ObjectWrites.applied(ROUTE, live, r).map(ObjectWrite::action);
  }

  private static final ApplyOutcome WRITTEN = ApplyOutcome.applied("orders", "vs-uid", "8");

  @Test
  void aWriteIsACreateWithoutALiveObjectAnUpdateWithOneAndAnAdoptionOfTheOriginals() {
    GenericKubernetesResource ours = live(Map.of());
    GenericKubernetesResource originals =
        live(Map.of("createdBy", "api-controller", "apiUid", "api-uid"));

    assertThat(action(Optional.empty(), WRITTEN)).contains(Action.CREATED);
    assertThat(action(Optional.of(ours), WRITTEN)).contains(Action.UPDATED);
    assertThat(action(Optional.of(originals), WRITTEN)).contains(Action.ADOPTED);
    assertThat(ObjectWrites.applied(ROUTE, Optional.empty(), WRITTEN))
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

    assertThat(action(Optional.of(ours), ApplyOutcome.applied("orders", "vs-uid", "7", false)))
        .isEmpty();
    assertThat(
            action(
                Optional.of(ours),
                ApplyOutcome.nameTaken(
                    new ObjectRef(ObjectKind.VIRTUAL_SERVICE_LEGACY, "shop", "orders", "other"))))
        .isEmpty();
    assertThat(
            ObjectWrites.applied(
                ROUTE, Optional.empty(), ApplyOutcome.retryableFailure("Writing failed: 500")))
        .get()
        .satisfies(
            w -> {
              assertThat(w.action()).isEqualTo(Action.FAILED);
              assertThat(w.error()).isEqualTo("Writing failed: 500");
            });
    assertThat(action(Optional.empty(), ApplyOutcome.permanentFailure("rejected")))
        .contains(Action.FAILED);
  }
}
