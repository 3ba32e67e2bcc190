package dev.apicontroller.operator;

import static dev.apicontroller.operator.IndexedApis.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an {@code Api}'s own event wakes. Each cache holds what the informer's store holds when the
 * handlers run: the state after the event.
 */
class SiblingApiEventsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<ResourceID> woken = new ArrayList<>();
  private final ApiResource bystander = api("a", "bystander", "search", "find", 2, 2);

  private SiblingApiEvents eventsOver(ApiResource... cached) {
    SecondaryMappings mappings = new SecondaryMappings(new IndexedApis(cached), IndexedApis.HOST);
    SiblingApiEvents events =
        new SiblingApiEvents(
            mappings::siblings, new ReconcileMetrics(registry).triggers(SiblingApiEvents.NAME));
    events.setEventHandler(event -> woken.add(event.getRelatedCustomResourceID()));
    return events;
  }

  private static ResourceID id(ApiResource a) {
    return ResourceID.fromResource(a);
  }

  @Test
  void aHostChangeWakesTheApisOfTheOldHostAndOfTheNewOneButNotItself() {
    ApiResource before = api("a", "mover", "orders", "shop", 2, 2);
    ApiResource now = api("a", "mover", "orders", "pay", 2, 2);
    ApiResource blockedOnTheOldHost = api("b", "blocked", "cart", "shop", 4, 2);
    ApiResource onTheNewHost = api("c", "pay", "billing", "pay", 2, 2);

    eventsOver(now, blockedOnTheOldHost, onTheNewHost, bystander).onResourceUpdated(now, before);

    assertThat(woken).containsExactlyInAnyOrder(id(blockedOnTheOldHost), id(onTheNewHost));
  }

  @Test
  void aServiceChangeWakesTheApisOfTheOldServiceAndOfTheNewOneInItsNamespace() {
    ApiResource before = api("a", "mover", "orders", "mover", 2, 2);
    ApiResource now = api("a", "mover", "payments", "mover", 2, 2);
    // Not waiting (validation code 2): found only because the old state names its Service.
    ApiResource onTheOldService = api("a", "orders", "orders", "o", 2, 2);
    ApiResource onTheNewService = api("a", "payments", "payments", "p", null, 5);
    ApiResource sameNameElsewhere = api("b", "orders", "orders", "x", 2, 2);

    eventsOver(now, onTheOldService, onTheNewService, sameNameElsewhere, bystander)
        .onResourceUpdated(now, before);

    assertThat(woken).containsExactlyInAnyOrder(id(onTheOldService), id(onTheNewService));
  }

  @Test
  void aDeletedApiWakesTheApisItBlockedAndEachOnlyOnce() {
    ApiResource deleted = api("a", "holder", "orders", "shop", 2, 2);
    ApiResource waitingForItsHost = api("b", "waiting", "cart", "shop", 4, 2);
    ApiResource waitingForItsService = api("a", "twin", "orders", "twin", null, 5);

    eventsOver(waitingForItsHost, waitingForItsService, bystander).onResourceDeleted(deleted);

    assertThat(woken).containsExactlyInAnyOrder(id(waitingForItsHost), id(waitingForItsService));
  }

  @Test
  void aNewApiWakesTheApisOfItsHostAndALoneOneWakesNone() {
    ApiResource newcomer = api("b", "newcomer", "cart", "shop", null, 0);
    ApiResource holder = api("a", "holder", "orders", "shop", 2, 2);
    SiblingApiEvents events = eventsOver(newcomer, holder, bystander);

    events.onResourceCreated(newcomer);
    assertThat(woken).containsExactly(id(holder));

    woken.clear();
    events.onResourceCreated(bystander);
    assertThat(woken).isEmpty();
  }

  @Test
  void theApisWokenAreCountedAsTriggersOfTheSiblingApis() {
    ApiResource before = api("a", "mover", "orders", "shop", 2, 2);
    ApiResource now = api("a", "mover", "orders", "pay", 2, 2);
    ApiResource onTheOldHost = api("b", "blocked", "cart", "shop", 4, 2);
    ApiResource onTheNewHost = api("c", "pay", "billing", "pay", 2, 2);
    SiblingApiEvents events = eventsOver(now, onTheOldHost, onTheNewHost);

    events.onResourceUpdated(now, before);
    events.onResourceDeleted(now);

    assertThat(
            registry
                .get("apicontroller.reconcile.triggers")
                .tag("source", "sibling-apis")
                .counter()
                .count())
        .isEqualTo(3);
    assertThat(woken).hasSize(3);
  }
}
