package dev.spirit.storage.file;

import org.jspecify.annotations.Nullable;

/**
 * Submission rows by id: an open-addressing hash table (linear probing, deletion by backward shift)
 * keyed by the id's two longs, so a lookup allocates nothing and an entry costs one array slot (4
 * bytes with compressed references, at most half the slots used) instead of a {@code HashMap} node,
 * a {@code SubmissionId} and a {@code UUID}. Not thread-safe.
 */
final class IdIndex {
  private static final int MIN_CAPACITY = 64;

  private @Nullable SubmissionRow[] slots = new SubmissionRow[MIN_CAPACITY];
  private int size;

  int size() {
    return size;
  }

  /**
   * Grows the table at once to hold this many rows, instead of doubling step by step while they
   * arrive (each doubling rehashes every row).
   */
  void ensureCapacity(long expected) {
    long needed = Math.min(expected, 1 << 29) * 2;
    if (needed > slots.length) {
      resize(Integer.highestOneBit((int) needed - 1) << 1);
    }
  }

  @Nullable SubmissionRow get(long high, long low) {
    @Nullable SubmissionRow[] t = slots;
    int mask = t.length - 1;
    for (int i = slot(high, low, mask); ; i = (i + 1) & mask) {
      SubmissionRow row = t[i];
      if (row == null || row.hasId(high, low)) {
        return row;
      }
    }
  }

  /** Adds a row, or replaces the row with the same id; returns the row it replaced. */
  @Nullable SubmissionRow put(SubmissionRow row) {
    if ((size + 1) * 2 > slots.length) {
      resize(slots.length * 2);
    }
    @Nullable SubmissionRow[] t = slots;
    int mask = t.length - 1;
    for (int i = slot(row.idHigh, row.idLow, mask); ; i = (i + 1) & mask) {
      SubmissionRow current = t[i];
      if (current == null) {
        t[i] = row;
        size++;
        return null;
      }
      if (current.hasId(row.idHigh, row.idLow)) {
        t[i] = row;
        return current;
      }
    }
  }

  /** Removes the row with this id; returns it, or null if there was none. */
  @Nullable SubmissionRow remove(long high, long low) {
    @Nullable SubmissionRow[] t = slots;
    int mask = t.length - 1;
    int i = slot(high, low, mask);
    while (true) {
      SubmissionRow current = t[i];
      if (current == null) {
        return null;
      }
      if (current.hasId(high, low)) {
        break;
      }
      i = (i + 1) & mask;
    }
    SubmissionRow removed = t[i];
    // Backward shift: move later entries of the probe run into the hole when their home slot
    // allows it, so lookups never need tombstones.
    int hole = i;
    for (int j = (hole + 1) & mask; ; j = (j + 1) & mask) {
      SubmissionRow next = t[j];
      if (next == null) {
        break;
      }
      int home = slot(next.idHigh, next.idLow, mask);
      // next may move to hole if its home is not cyclically within (hole, j]
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        t[hole] = next;
        hole = j;
      }
    }
    t[hole] = null;
    size--;
    return removed;
  }

  private void resize(int capacity) {
    @Nullable SubmissionRow[] old = slots;
    @Nullable SubmissionRow[] t = new SubmissionRow[capacity];
    int mask = capacity - 1;
    for (SubmissionRow row : old) {
      if (row != null) {
        int i = slot(row.idHigh, row.idLow, mask);
        while (t[i] != null) {
          i = (i + 1) & mask;
        }
        t[i] = row;
      }
    }
    slots = t;
  }

  private static int slot(long high, long low, int mask) {
    // UUIDv7: the high bits are a timestamp and a counter, the low bits random; mix both.
    long h = (high ^ low) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
