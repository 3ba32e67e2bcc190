package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.translate.status.ApiEvent;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the Events the core decided ({@code StatusEvents}) on an {@code Api} as {@code
 * events.k8s.io/v1} Events, deduplicated as client-go's event recorder does: an Event that repeats
 * (same {@code Api}, type, reason and note) while its series is open is not created again; the
 * first one's {@code series} (count, last observed time) is patched instead. A series closes after
 * {@link #SERIES_WINDOW} without a repeat, as in client-go.
 *
 * <p>Best effort, as Events are in Kubernetes: written by background threads, so a reconcile never
 * waits for them; a refused or failed write is logged and never fails the reconcile.
 */
final class ApiEventRecorder implements AutoCloseable {
  /** Events' {@code reportingController}: a qualified name, as the API server demands. */
  static final String REPORTING_CONTROLLER = "gateway.kyma-project.io/api-controller";

  static final Duration SERIES_WINDOW = Duration.ofMinutes(6);
  private static final Logger LOG = LoggerFactory.getLogger(ApiEventRecorder.class);
  private static final int NOTE_LIMIT_BYTES = 1024;
  private static final int FIELD_LIMIT = 128;
  private static final int REMEMBERED_SERIES = 4096;
  static final int QUEUED = 1000;
  private static final int WRITERS = 4;
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC);

  private final KubernetesClient client;
  private final Clock clock;
  private final String reportingInstance;
  private final AtomicLong lastNanos = new AtomicLong();

  /**
   * Writers by {@code Api}: one {@code Api}'s Events always go through the same thread, in order;
   * several threads keep a burst (every {@code Api} created at once) from queueing behind one.
   */
  private final ThreadPoolExecutor[] writers = new ThreadPoolExecutor[WRITERS];

  private final Map<SeriesKey, Series> open =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SeriesKey, Series> eldest) {
          return size() > REMEMBERED_SERIES;
        }
      };

  ApiEventRecorder(KubernetesClient client, Clock clock, String reportingInstance) {
    this.client = client;
    this.clock = clock;
    this.reportingInstance = truncate(reportingInstance, FIELD_LIMIT);
    for (int i = 0; i < WRITERS; i++) {
      String name = "api-events-" + i;
      writers[i] =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(QUEUED / WRITERS),
              r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
              },
              new ThreadPoolExecutor.AbortPolicy());
    }
  }

  /**
   * Records {@code events} on {@code api} in the background, in order, so a reconcile never waits
   * for them. When {@link #QUEUED} events wait already (an API server that does not answer), the
   * new ones are dropped with a log line, as client-go's broadcaster drops them.
   */
  void record(ApiResource api, List<ApiEvent> events) {
    if (events.isEmpty()) return;
    Instant decided = clock.instant();
    String uid = String.valueOf(api.getMetadata().getUid());
    try {
      writers[Math.floorMod(uid.hashCode(), WRITERS)].execute(() -> write(api, events, decided));
    } catch (RejectedExecutionException e) {
      LOG.warn("dropped {} Events on Api {}: too many waiting", events.size(), api.qualifiedName());
    }
  }

  /** Stops recording; Events already queued are still written (for at most a few seconds). */
  @Override
  public void close() {
    for (ThreadPoolExecutor writer : writers) writer.shutdown();
    try {
      for (ThreadPoolExecutor writer : writers) {
        if (!writer.awaitTermination(5, TimeUnit.SECONDS)) writer.shutdownNow();
      }
    } catch (InterruptedException e) {
      for (ThreadPoolExecutor writer : writers) writer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void write(ApiResource api, List<ApiEvent> events, Instant decided) {
    for (ApiEvent event : events) {
      try {
        record(api, event, decided);
      } catch (KubernetesClientException e) {
        LOG.warn(
            "could not record Event {} on Api {}: {}",
            event.reason(),
            api.qualifiedName(),
            e.getMessage());
      }
    }
  }

  /** {@code now}: when the reconcile decided the Event, its time however long it waited. */
  private void record(ApiResource api, ApiEvent event, Instant now) {
    String note = truncateUtf8(event.note(), NOTE_LIMIT_BYTES);
    SeriesKey key =
        new SeriesKey(api.getMetadata().getUid(), event.type().wireName(), event.reason(), note);
    Series repeated;
    synchronized (open) {
      repeated = open.get(key);
      if (repeated != null && repeated.lastObserved.plus(SERIES_WINDOW).isBefore(now)) {
        open.remove(key);
        repeated = null;
      }
      if (repeated != null) {
        repeated.count++;
        repeated.lastObserved = now;
      }
    }
    if (repeated != null && patchSeries(api, repeated, now)) return;
    Event created =
        client
            .events()
            .v1()
            .events()
            .inNamespace(api.getMetadata().getNamespace())
            .resource(event(api, event, note, now))
            .create();
    synchronized (open) {
      open.put(key, new Series(created.getMetadata().getName(), now));
    }
  }

  /** Counts a repeat on the Event recorded first; false when that Event is gone (expired). */
  private boolean patchSeries(ApiResource api, Series series, Instant now) {
    String patch =
        "{\"series\":{\"count\":%d,\"lastObservedTime\":\"%s\"}}"
            .formatted(series.count, MICRO_TIME.format(now));
    try {
      client
          .events()
          .v1()
          .events()
          .inNamespace(api.getMetadata().getNamespace())
          // Named by an item rather than withName: fabric8 then sends the patch without a GET
          // first (deploy/ grants no get on events).
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(series.eventName)
                  .withNamespace(api.getMetadata().getNamespace())
                  .endMetadata()
                  .build())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) throw e;
      return false;
    }
  }

  private Event event(ApiResource api, ApiEvent event, String note, Instant now) {
    return new EventBuilder()
        .withNewMetadata()
        // As client-go names Events: the object's name, a dot, the time in hex nanoseconds.
        .withName(
            truncate(api.getMetadata().getName(), 236) + "." + Long.toHexString(uniqueNanos(now)))
        .withNamespace(api.getMetadata().getNamespace())
        .endMetadata()
        .withRegarding(
            new ObjectReferenceBuilder()
                .withApiVersion(api.getApiVersion())
                .withKind(api.getKind())
                .withNamespace(api.getMetadata().getNamespace())
                .withName(api.getMetadata().getName())
                .withUid(api.getMetadata().getUid())
                .withResourceVersion(api.getMetadata().getResourceVersion())
                .build())
        .withType(event.type().wireName())
        .withReason(truncate(event.reason(), FIELD_LIMIT))
        .withAction(truncate(event.action(), FIELD_LIMIT))
        .withNote(note)
        .withEventTime(new MicroTime(MICRO_TIME.format(now)))
        .withReportingController(REPORTING_CONTROLLER)
        .withReportingInstance(reportingInstance)
        .build();
  }

  /** The time in nanoseconds, made unique among this recorder's Events (the clock may repeat). */
  private long uniqueNanos(Instant now) {
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    return lastNanos.accumulateAndGet(nanos, (last, next) -> Math.max(last + 1, next));
  }

  private static String truncate(String s, int chars) {
    return s.length() <= chars ? s : s.substring(0, chars);
  }

  /** The API server refuses a note over 1 kB: cut on a character boundary, marked with "...". */
  static String truncateUtf8(String s, int bytes) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= bytes) return s;
    int cut = bytes - 3;
    while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) cut--;
    return new String(utf8, 0, cut, StandardCharsets.UTF_8) + "...";
  }

  private record SeriesKey(String uid, String type, String reason, String note) {}

  /** The Event recorded first for a key, and how often it occurred since. */
  private static final class Series {
    final String eventName;
    int count = 1;
    Instant lastObserved;

    Series(String eventName, Instant lastObserved) {
      this.eventName = eventName;
      this.lastObserved = lastObserved;
    }
  }
}
