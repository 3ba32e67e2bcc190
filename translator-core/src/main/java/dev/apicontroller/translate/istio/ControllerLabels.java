package dev.apicontroller.translate.istio;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The labels of a generated object as a small immutable map that keeps its order. Built for every
 * translation, so it is two arrays rather than a hash table.
 */
final class ControllerLabels extends AbstractMap<String, String> {
  private final String[] keys;
  private final String[] values;

  ControllerLabels(String[] keys, String[] values) {
    this.keys = keys;
    this.values = values;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public String get(Object key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) return values[i];
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null; // no value is null
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= keys.length) throw new NoSuchElementException();
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }
    };
  }
}
