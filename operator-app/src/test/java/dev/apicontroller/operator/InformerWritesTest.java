package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.dependent.RecentOperationCacheFiller;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InformerWritesTest {
  private static final ResourceID WRITER = new ResourceID("orders", "shop");
  private static final ResourceID SIBLING = new ResourceID("orders-v2", "shop");
  private static final ResourceID OBJECT = new ResourceID("orders", "shop");

  private final List<String> told = new ArrayList<>();
  private final InformerWrites writes = new InformerWrites();
  private final SecondaryToPrimaryMapper<GenericKubernetesResource> mapping =
      writes.withoutWriter(o -> Set.of(WRITER, SIBLING));

  InformerWritesTest() {
    writes.cacheOf(
        new RecentOperationCacheFiller<>() {
          @Override
          public void handleRecentResourceCreate(
              ResourceID primary, GenericKubernetesResource resource) {
            told.add("create " + resource.getMetadata().getResourceVersion());
          }

          @Override
          public void handleRecentResourceUpdate(
              ResourceID primary,
              GenericKubernetesResource resource,
              GenericKubernetesResource previous) {
            told.add(
                "update "
                    + previous.getMetadata().getResourceVersion()
                    + " -> "
                    + resource.getMetadata().getResourceVersion());
          }
        });
  }

  @Test
  void anEventWithoutAWriteInFlightWakesEveryApiItConcerns() {
    assertThat(mapping.toPrimaryResourceIDs(at("7"))).containsExactlyInAnyOrder(WRITER, SIBLING);
  }

  @Test
  void theEchoOfAWriteInFlightWakesTheOthersButNotTheWriter() {
    writes.writing(WRITER, OBJECT);

    assertThat(mapping.toPrimaryResourceIDs(at("8"))).containsExactly(SIBLING);
    assertThat(writes.written(WRITER, at("8"), null)).as("changed meanwhile").isFalse();
    assertThat(told).containsExactly("create 8");
  }

  @Test
  void anotherVersionSeenDuringTheWriteIsAForeignChange() {
    writes.writing(WRITER, OBJECT);

    assertThat(mapping.toPrimaryResourceIDs(at("9"))).containsExactly(SIBLING);
    assertThat(mapping.toPrimaryResourceIDs(at("8"))).containsExactly(SIBLING);
    assertThat(writes.written(WRITER, at("8"), at("5"))).as("changed meanwhile").isTrue();
    assertThat(told).containsExactly("update 5 -> 8");
  }

  @Test
  void aWriteThatSawNoEventChangedNothingElse() {
    writes.writing(WRITER, OBJECT);

    assertThat(writes.written(WRITER, at("8"), at("5"))).isFalse();
  }

  @Test
  void anEventAfterTheWriteEndedWakesTheWriterAgain() {
    writes.writing(WRITER, OBJECT);
    writes.written(WRITER, at("8"), null);

    assertThat(mapping.toPrimaryResourceIDs(at("9"))).containsExactlyInAnyOrder(WRITER, SIBLING);
  }

  @Test
  void aFailedWriteDuringWhichTheObjectChangedAsksForAnotherReconcile() {
    writes.writing(WRITER, OBJECT);
    mapping.toPrimaryResourceIDs(at("9"));

    assertThat(writes.failed(OBJECT)).isTrue();
    assertThat(told).isEmpty();
    assertThat(mapping.toPrimaryResourceIDs(at("10"))).contains(WRITER);
  }

  @Test
  void aFailedWriteThatSawNothingAsksForNothing() {
    writes.writing(WRITER, OBJECT);

    assertThat(writes.failed(OBJECT)).isFalse();
  }

  @Test
  void anEventOfAnotherObjectIsNotTakenForTheWrite() {
    writes.writing(WRITER, new ResourceID("payments", "shop"));

    assertThat(mapping.toPrimaryResourceIDs(at("8"))).containsExactlyInAnyOrder(WRITER, SIBLING);
  }

  private static GenericKubernetesResource at(String resourceVersion) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("networking.istio.io/v1alpha3")
        .withKind("VirtualService")
        .withNewMetadata()
        .withName(OBJECT.getName())
        .withNamespace(OBJECT.getNamespace().orElseThrow())
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .build();
  }
}
