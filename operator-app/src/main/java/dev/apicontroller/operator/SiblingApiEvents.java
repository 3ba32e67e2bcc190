package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.micrometer.core.instrument.Counter;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Wakes the other {@code Api}s whose outcome an {@code Api}'s change can change (a sibling blocked
 * on the same host or Service, an {@code Api} waiting for one), from the controller's own {@code
 * Api} events: java-operator-sdk hands every event of its primary informer, before its filters, to
 * the event sources that are {@link ResourceEventAware} ({@code EventSourceManager
 * .broadcastOnResourceEvent}). So the {@code Api}s are listed and watched once, by the controller's
 * informer, instead of a second time by an informer of their own.
 *
 * <p>fabric8 updates the informer's store before it calls the handlers, so when an {@code Api} goes
 * away the siblings it blocked are reconciled against a cache that no longer holds it. An update
 * wakes the siblings of the old and the new state: an {@code Api} that moves to another host or
 * Service frees the one it held.
 */
final class SiblingApiEvents extends AbstractEventSource<ApiResource, ApiResource>
    implements ResourceEventAware<ApiResource> {
  /** The event source's name, and the {@code source} of the {@code Api}s it wakes as triggers. */
  static final String NAME = "sibling-apis";

  private final BiFunction<ApiResource, ApiResource, Set<ResourceID>> siblings;
  private final Counter woken;

  /**
   * @param siblings the other {@code Api}s an {@code Api}'s state, or its new and old state (the
   *     old one null when there is none), concern, read from the primary cache
   * @param woken counts the {@code Api}s woken
   */
  SiblingApiEvents(BiFunction<ApiResource, ApiResource, Set<ResourceID>> siblings, Counter woken) {
    super(ApiResource.class, NAME);
    this.siblings = siblings;
    this.woken = woken;
  }

  @Override
  public void onResourceCreated(ApiResource api) {
    wake(siblings.apply(api, null));
  }

  @Override
  public void onResourceUpdated(ApiResource now, ApiResource old) {
    wake(siblings.apply(now, old));
  }

  @Override
  public void onResourceDeleted(ApiResource api) {
    wake(siblings.apply(api, null));
  }

  private void wake(Set<ResourceID> ids) {
    woken.increment(ids.size());
    ids.forEach(id -> getEventHandler().handleEvent(new Event(id)));
  }

  /** It holds no objects of its own: the {@code Api}s are the primary cache's. */
  @Override
  public Set<ApiResource> getSecondaryResources(ApiResource primary) {
    return Set.of();
  }
}
