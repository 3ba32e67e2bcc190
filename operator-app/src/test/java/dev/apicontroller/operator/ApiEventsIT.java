package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC 5 on a real API server: the Events {@code kubectl describe api} shows, recorded when a state
 * is entered (a resync adds none) and deduplicated into a series when a state recurs.
 */
class ApiEventsIT {
  private static OperatorHarness harness;

  @BeforeAll
  static void startOperator() {
    harness = new OperatorHarness(OperatorHarness.baseEnv());
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  @Test
  void describeShowsTheObjectsCreatedAndAResyncAddsNone() {
    String ns = harness.newNamespace("events");
    String uid = exposedApi(ns);

    List<Event> created = awaitEvents(ns, uid, events -> !events.isEmpty());

    assertThat(created)
        .allSatisfy(
            e -> {
              assertThat(e.getType()).isEqualTo("Normal");
              assertThat(e.getReason()).isEqualTo("Created");
              assertThat(e.getReportingController())
                  .isEqualTo(ApiEventRecorder.REPORTING_CONTROLLER);
              assertThat(e.getRegarding().getKind()).isEqualTo("Api");
              assertThat(e.getRegarding().getName()).isEqualTo("orders");
              assertThat(e.getSeries()).isNull();
            })
        .extracting(Event::getNote)
        .containsExactly("Created Policy " + ns + "/orders and VirtualService " + ns + "/orders.");
    // kubectl describe reads them through the core API, by involvedObject.
    assertThat(
            harness
                .user
                .v1()
                .events()
                .inNamespace(ns)
                .withField("involvedObject.uid", uid)
                .list()
                .getItems())
        .extracting(io.fabric8.kubernetes.api.model.Event::getReason)
        .containsExactly("Created");

    // A restart reconciles every Api again: nothing changed, so nothing is recorded.
    harness.restart(OperatorHarness.baseEnv());
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    pause();
    assertThat(events(ns, uid)).usingRecursiveFieldByFieldElementComparator().isEqualTo(created);
  }

  @Test
  void aSpecChangeRecordsAnUpdateOfTheChangedObjectOnlyNotOfTheUnchangedPolicy() {
    String ns = harness.newNamespace("events-update");
    String uid = exposedApi(ns);
    awaitEvents(ns, uid, events -> !events.isEmpty());

    // The hostname is the VirtualService's; the Policy names the Service only.
    OperatorHarness.editSpec(harness.user, ns, "orders", s -> s.withHostname("shop-" + ns));
    awaitEvents(ns, uid, es -> es.stream().anyMatch(e -> e.getReason().equals("Updated")));
    pause();

    assertThat(events(ns, uid))
        .filteredOn(e -> !e.getReason().equals("Created"))
        .extracting(Event::getType, Event::getNote)
        .containsExactly(tuple("Normal", "Updated VirtualService " + ns + "/orders."));
  }

  @Test
  void aValidationFailureIsAWarningOnceAndItsRecurrenceASeries() {
    String ns = harness.newNamespace("events-invalid");
    String uid = exposedApi(ns);

    OperatorHarness.editSpec(harness.user, ns, "orders", s -> s.withHostname("orders.example.org"));
    String message =
        harness.awaitStatus(ns, "orders", s -> s.validationStatus() == 3).conditions().stream()
            .filter(c -> c.type().equals("Ready"))
            .findFirst()
            .orElseThrow()
            .message();

    Event warning =
        awaitEvents(ns, uid, events -> !warnings(events).isEmpty()).stream()
            .filter(e -> e.getType().equals("Warning"))
            .findFirst()
            .orElseThrow();
    assertThat(warning.getReason()).isEqualTo("ValidationFailed");
    assertThat(warning.getAction()).isEqualTo("Validate");
    assertThat(warning.getNote()).isEqualTo(message);
    pause();
    assertThat(warnings(events(ns, uid))).as("one Warning while the state lasts").hasSize(1);

    // Fixed, then broken the same way again: the first Event counts the recurrence.
    OperatorHarness.editSpec(harness.user, ns, "orders", s -> s.withHostname(ns));
    harness.awaitStatus(ns, "orders", s -> s.validationStatus() == 2);
    OperatorHarness.editSpec(harness.user, ns, "orders", s -> s.withHostname("orders.example.org"));

    List<Event> after =
        awaitEvents(
            ns,
            uid,
            events ->
                warnings(events).size() == 1
                    && warnings(events).get(0).getSeries() != null
                    && warnings(events).get(0).getSeries().getCount() == 2);
    assertThat(warnings(after).get(0).getMetadata().getName())
        .isEqualTo(warning.getMetadata().getName());
    assertThat(warnings(after).get(0).getSeries().getLastObservedTime()).isNotNull();
  }

  @Test
  void aTakenHostIsAWarningNamingItsHolderAndGettingItBackANormalEvent() {
    String ns = harness.newNamespace("events-conflict");
    harness
        .user
        .resource(ConflictsIT.foreignVirtualService(ns, "theirs", ns + ".kyma.local"))
        .create();
    String uid =
        harness.createApi(ConflictsIT.openApi(ns, "orders", "orders", ns)).getMetadata().getUid();
    harness.awaitStatus(ns, "orders", virtualServiceCode(4));

    Event warning =
        awaitEvents(ns, uid, events -> !warnings(events).isEmpty()).stream()
            .filter(e -> e.getType().equals("Warning"))
            .findFirst()
            .orElseThrow();
    assertThat(warning.getReason()).isEqualTo("HostnameOccupied");
    assertThat(warning.getNote()).contains(ns + "/theirs");

    harness
        .user
        .genericKubernetesResources(ApiLifecycleIT.VS_LEGACY, "VirtualService")
        .inNamespace(ns)
        .withName("theirs")
        .delete();
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    assertThat(awaitEvents(ns, uid, es -> es.size() >= 2))
        .extracting(Event::getReason)
        .containsExactly("HostnameOccupied", "Created");
  }

  @Test
  void deletingTheApiRecordsItsRouteDeleted() {
    String ns = harness.newNamespace("events-delete");
    String uid = exposedApi(ns);

    harness.user.resources(ApiResource.class).inNamespace(ns).withName("orders").delete();

    List<Event> events =
        awaitEvents(ns, uid, es -> es.stream().anyMatch(e -> e.getReason().equals("Deleted")));
    assertThat(events)
        .filteredOn(e -> e.getReason().equals("Deleted"))
        .singleElement()
        .satisfies(
            e -> assertThat(e.getNote()).isEqualTo("Deleted VirtualService " + ns + "/orders."));
  }

  /** Creates the secured {@code Api} {@code orders} in {@code ns}, waits until it is exposed. */
  private static String exposedApi(String ns) {
    ApiResource api = harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    return api.getMetadata().getUid();
  }

  private static List<Event> warnings(List<Event> events) {
    return events.stream().filter(e -> e.getType().equals("Warning")).toList();
  }

  /**
   * The Events regarding the {@code Api} with {@code uid}, as {@code kubectl describe} lists them.
   */
  private static List<Event> events(String ns, String uid) {
    return harness.user.events().v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> e.getRegarding() != null && uid.equals(e.getRegarding().getUid()))
        .toList();
  }

  private static List<Event> awaitEvents(String ns, String uid, Predicate<List<Event>> condition) {
    @SuppressWarnings("unchecked")
    List<Event>[] seen = new List[1];
    harness
        .awaiting()
        .until(
            () -> {
              seen[0] = events(ns, uid);
              return condition.test(seen[0]);
            });
    return seen[0];
  }

  private static void pause() {
    try {
      Thread.sleep(Duration.ofSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
