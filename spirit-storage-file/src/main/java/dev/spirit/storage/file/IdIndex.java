package dev.spirit.storage.file;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Submission rows by id: an open-addressing hash table (linear probing, deletion by backward shift)
 * keyed by the id's two longs, so a lookup allocates nothing and an entry costs 12 bytes (two int
 * slots, at most half of them used, and a place in the row pages) instead of a {@code HashMap}
 * node, a {@code SubmissionId} and a {@code UUID}. Not thread-safe.
 *
 * <p><b>Why the slots hold positions, not rows.</b> The rows live in pages of {@value #PAGE} that
 * fill up one after another; the hash table holds each row's position in them as an int. With the
 * rows themselves in the table, every insert stored a reference into a random place of one big,
 * long-lived array: with G1 (the JVM's default collector) each such store marks a card of that
 * array for the collector to scan again, and rebuilding the table on open spent much of its time in
 * that card bookkeeping (measured on a 1M-submission open: leaving the table out entirely saved
 * about 0.45 s and 0.8 s of processor time). Ints carry no such cost, and the pages are written in
 * order, so consecutive rows share a card. Positions freed by {@link #remove} are used again.
 */
final class IdIndex {
  private static final int MIN_CAPACITY = 64;
  private static final int PAGE_BITS = 12;
  static final int PAGE = 1 << PAGE_BITS;

  // position + 1 of the row in the pages; 0 for an empty slot
  private int[] slots = new int[MIN_CAPACITY];
  private int size;

  private @Nullable SubmissionRow[][] pages = new SubmissionRow[1][];
  // positions below this have been handed out; freed ones are on the free stack
  private int nextPosition;
  private int[] free = new int[16];
  private int freeCount;

  int size() {
    return size;
  }

  /** How many row positions are in use or free for reuse: rows ever held at once, at most. */
  int positions() {
    return nextPosition;
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
    int pagesNeeded = (int) ((Math.min(expected, 1 << 29) + PAGE - 1) >>> PAGE_BITS);
    if (pagesNeeded > pages.length) {
      pages = Arrays.copyOf(pages, pagesNeeded);
    }
  }

  @Nullable SubmissionRow get(long high, long low) {
    int[] t = slots;
    int mask = t.length - 1;
    for (int i = slot(high, low, mask); ; i = (i + 1) & mask) {
      int s = t[i];
      if (s == 0) {
        return null;
      }
      SubmissionRow row = rowAt(s - 1);
      if (row.hasId(high, low)) {
        return row;
      }
    }
  }

  /** Adds a row, or replaces the row with the same id; returns the row it replaced. */
  @Nullable SubmissionRow put(SubmissionRow row) {
    if ((size + 1) * 2 > slots.length) {
      resize(slots.length * 2);
    }
    int[] t = slots;
    int mask = t.length - 1;
    for (int i = slot(row.idHigh, row.idLow, mask); ; i = (i + 1) & mask) {
      int s = t[i];
      if (s == 0) {
        int position = allocate();
        setRow(position, row);
        t[i] = position + 1;
        size++;
        return null;
      }
      SubmissionRow current = rowAt(s - 1);
      if (current.hasId(row.idHigh, row.idLow)) {
        setRow(s - 1, row);
        return current;
      }
    }
  }

  /** Removes the row with this id; returns it, or null if there was none. */
  @Nullable SubmissionRow remove(long high, long low) {
    int[] t = slots;
    int mask = t.length - 1;
    int i = slot(high, low, mask);
    SubmissionRow removed;
    while (true) {
      int s = t[i];
      if (s == 0) {
        return null;
      }
      removed = rowAt(s - 1);
      if (removed.hasId(high, low)) {
        release(s - 1);
        break;
      }
      i = (i + 1) & mask;
    }
    // Backward shift: move later entries of the probe run into the hole when their home slot
    // allows it, so lookups never need tombstones.
    int hole = i;
    for (int j = (hole + 1) & mask; ; j = (j + 1) & mask) {
      int s = t[j];
      if (s == 0) {
        break;
      }
      SubmissionRow next = rowAt(s - 1);
      int home = slot(next.idHigh, next.idLow, mask);
      // next may move to hole if its home is not cyclically within (hole, j]
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        t[hole] = s;
        hole = j;
      }
    }
    t[hole] = 0;
    size--;
    return removed;
  }

  private SubmissionRow rowAt(int position) {
    @Nullable SubmissionRow[] page = pages[position >>> PAGE_BITS];
    SubmissionRow row = page == null ? null : page[position & (PAGE - 1)];
    if (row == null) {
      throw new IllegalStateException("id index slot points at free row position " + position);
    }
    return row;
  }

  private void setRow(int position, @Nullable SubmissionRow row) {
    int p = position >>> PAGE_BITS;
    if (p >= pages.length) {
      pages = Arrays.copyOf(pages, Math.max(p + 1, pages.length * 2));
    }
    @Nullable SubmissionRow[] page = pages[p];
    if (page == null) {
      page = new SubmissionRow[PAGE];
      pages[p] = page;
    }
    page[position & (PAGE - 1)] = row;
  }

  private int allocate() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    return nextPosition++;
  }

  private void release(int position) {
    setRow(position, null);
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = position;
  }

  private void resize(int capacity) {
    int[] old = slots;
    int[] t = new int[capacity];
    int mask = capacity - 1;
    for (int s : old) {
      if (s != 0) {
        SubmissionRow row = rowAt(s - 1);
        int i = slot(row.idHigh, row.idLow, mask);
        while (t[i] != 0) {
          i = (i + 1) & mask;
        }
        t[i] = s;
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
