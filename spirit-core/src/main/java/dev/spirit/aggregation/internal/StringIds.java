package dev.spirit.aggregation.internal;

import java.util.Arrays;

/**
 * Dense ids for strings (terms), handed out in order of first appearance and never taken back. Open
 * addressing over one {@code int} array that holds each slot's string hash next to its id, so a
 * lookup touches one cache line before the one string comparison that confirms it, where a {@code
 * HashMap<String, Integer>} follows a node, its key and a boxed value. Not thread-safe.
 */
public final class StringIds {
  // slots[2i] is the hash of the string in slot i, slots[2i + 1] its id plus one (0 = empty).
  private int[] slots = new int[64];
  private String[] names = new String[16];
  private int size;

  /** Creates an empty table. */
  public StringIds() {}

  /**
   * The id of a string, given a new one if it has none yet.
   *
   * @param s the string
   * @return its id, from 0
   */
  public int idOf(String s) {
    int h = s.hashCode();
    int mask = (slots.length >> 1) - 1;
    int i = mix(h) & mask;
    while (true) {
      int id = slots[2 * i + 1];
      if (id == 0) {
        break;
      }
      if (slots[2 * i] == h && names[id - 1].equals(s)) {
        return id - 1;
      }
      i = (i + 1) & mask;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
    }
    names[size] = s;
    size++;
    slots[2 * i] = h;
    slots[2 * i + 1] = size;
    if (size * 2 > (slots.length >> 1)) {
      grow();
    }
    return size - 1;
  }

  /**
   * The string of an id.
   *
   * @param id an id returned by {@link #idOf}
   * @return its string
   */
  public String name(int id) {
    if (id < 0 || id >= size) {
      throw new IndexOutOfBoundsException(id);
    }
    return names[id];
  }

  /**
   * The number of ids handed out.
   *
   * @return ids, which are {@code 0 .. size() - 1}
   */
  public int size() {
    return size;
  }

  private void grow() {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = (slots.length >> 1) - 1;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j + 1] != 0) {
        int i = mix(old[j]) & mask;
        while (slots[2 * i + 1] != 0) {
          i = (i + 1) & mask;
        }
        slots[2 * i] = old[j];
        slots[2 * i + 1] = old[j + 1];
      }
    }
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
