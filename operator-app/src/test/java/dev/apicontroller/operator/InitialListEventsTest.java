package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which add events of a secondary informer pass once the first reconcile has recorded its store.
 */
class InitialListEventsTest {
  private static GenericKubernetesResource object(String namespace, String uid, String version) {
    GenericKubernetesResource o = new GenericKubernetesResource();
    o.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName("vs-" + uid)
            .withUid(uid)
            .withResourceVersion(version)
            .build());
    return o;
  }

  private final GenericKubernetesResource a = object("shop", "a", "10");
  private final GenericKubernetesResource b = object("shop", "b", "11");
  private final GenericKubernetesResource c = object("pay", "c", "12");

  @Test
  void theAddOfARecordedVersionIsDroppedOnceAndTheRecordEmptiesItself() {
    InitialListEvents<GenericKubernetesResource> initial = new InitialListEvents<>(true);
    initial.record(Stream.of(a, b));
    assertThat(initial.pending()).isEqualTo(2);

    assertThat(initial.adds().accept(object("shop", "a", "10"))).isFalse();
    assertThat(initial.pending()).isEqualTo(1);
    assertThat(initial.adds().accept(object("shop", "b", "11"))).isFalse();
    assertThat(initial.pending()).isZero();
    // The record is gone: the same version again (a relist after a lost watch) passes.
    assertThat(initial.adds().accept(object("shop", "a", "10"))).isTrue();
  }

  @Test
  void anAddOfAnotherVersionPassesAndTakesItsEntryOut() {
    InitialListEvents<GenericKubernetesResource> initial = new InitialListEvents<>(true);
    initial.record(Stream.of(a, b));

    assertThat(initial.adds().accept(object("shop", "a", "9"))).isTrue();
    assertThat(initial.pending()).isEqualTo(1);
    assertThat(initial.adds().accept(object("shop", "b", "11"))).isFalse();
  }

  @Test
  void addsBeforeTheRecordPass() {
    InitialListEvents<GenericKubernetesResource> initial = new InitialListEvents<>(true);

    assertThat(initial.adds().accept(a)).isTrue();
    assertThat(initial.pending()).isZero();
  }

  @Test
  void updatesAndDeletesAlwaysPassAndEndTheRecordOfTheirInformer() {
    InitialListEvents<GenericKubernetesResource> initial = new InitialListEvents<>(true);
    assertThat(initial.updates().accept(b, a)).isTrue();
    assertThat(initial.deletes().accept(a, false)).isTrue();
    initial.record(Stream.of(a, b));

    // A watch event: the listed adds of this informer are through, those still recorded were
    // handed over before the record.
    assertThat(initial.updates().accept(object("shop", "a", "13"), a)).isTrue();
    assertThat(initial.pending()).isZero();
    assertThat(initial.adds().accept(object("shop", "b", "11"))).isTrue();

    initial = new InitialListEvents<>(true);
    initial.record(Stream.of(a, b));
    assertThat(initial.deletes().accept(a, false)).isTrue();
    assertThat(initial.deletes().accept(b, true)).isTrue();
    assertThat(initial.pending()).isZero();
  }

  @Test
  void anAddOfAnObjectNotRecordedEndsTheRecordOfItsInformer() {
    InitialListEvents<GenericKubernetesResource> initial = new InitialListEvents<>(true);
    initial.record(Stream.of(a, b));

    assertThat(initial.adds().accept(object("shop", "new", "20"))).isTrue();
    assertThat(initial.pending()).isZero();
    assertThat(initial.adds().accept(object("shop", "a", "10"))).isTrue();
  }

  @Test
  void withAnInformerPerNamespaceAWatchEventEndsOnlyTheRecordOfItsNamespace() {
    InitialListEvents<GenericKubernetesResource> initial = new InitialListEvents<>(false);
    initial.record(Stream.of(a, b, c));

    assertThat(initial.updates().accept(object("pay", "c", "14"), c)).isTrue();
    assertThat(initial.pending()).isEqualTo(2);
    assertThat(initial.adds().accept(object("shop", "a", "10"))).isFalse();
    assertThat(initial.adds().accept(object("pay", "c", "12"))).isTrue();
  }

  @Test
  void onlyTheFirstRecordCounts() {
    InitialListEvents<GenericKubernetesResource> initial = new InitialListEvents<>(true);
    initial.record(Stream.of(a));
    initial.record(Stream.of(a, b, c));

    assertThat(initial.pending()).isEqualTo(1);
    assertThat(initial.adds().accept(object("shop", "b", "11"))).isTrue();
  }
}
