package dev.apicontroller.cli.input;

import java.util.List;
import java.util.function.Function;

/**
 * Maps a list on all cores when it is long enough to pay for it, keeping input order, so that
 * output stays byte-identical. Small inputs (the common case) stay on the calling thread.
 */
public final class OrderedParallel {
  /** Below this many items the work is done sequentially: forking costs more than it saves. */
  static final int THRESHOLD = 256;

  private static final boolean ENABLED =
      Runtime.getRuntime().availableProcessors() > 1 && !Boolean.getBoolean("apictl.sequential");

  private OrderedParallel() {}

  /** Whether there is more than one core to use (and {@code -Dapictl.sequential} is not set). */
  public static boolean enabled() {
    return ENABLED;
  }

  public static boolean worthIt(int items) {
    return ENABLED && items >= THRESHOLD;
  }

  /** Like {@link #map}, for a few large items: parallel whenever there is more than one core. */
  public static <T, R> List<R> mapAlways(List<T> items, Function<? super T, ? extends R> f) {
    if (!ENABLED) return items.stream().<R>map(f).toList();
    return items.parallelStream().<R>map(f).toList();
  }

  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
    if (!worthIt(items.size())) return items.stream().<R>map(f).toList();
    return items.parallelStream().<R>map(f).toList();
  }
}
