package dev.spirit.storage.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * One campaign's rows in id order: a list of sorted chunks of at most {@value #CHUNK} rows. Ids are
 * time-ordered (UUIDv7), so nearly every insert appends to the last chunk; an insert out of order
 * shifts at most one chunk (splitting it when full), so even ids in random order cost O(log n +
 * {@value #CHUNK}), never a shift of the whole campaign. Costs about 4 bytes per row (a
 * sequentially filled chunk is full), instead of a 40-byte {@code TreeMap} entry. Not thread-safe.
 */
final class RowOrder implements Iterable<SubmissionRow> {
  static final int CHUNK = 512;

  private final List<Chunk> chunks = new ArrayList<>();
  private int size;

  private static final class Chunk {
    SubmissionRow[] rows = new SubmissionRow[16];
    int size;

    SubmissionRow first() {
      return rows[0];
    }

    SubmissionRow last() {
      return rows[size - 1];
    }

    /** Index of the row with this id, or -(insertion point) - 1. */
    int search(long high, long low) {
      int lo = 0;
      int hi = size - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = rows[mid].compareId(high, low);
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -(lo + 1);
    }

    void insert(int at, SubmissionRow row) {
      if (size == rows.length) {
        rows = Arrays.copyOf(rows, Math.min(CHUNK, rows.length * 2));
      }
      System.arraycopy(rows, at, rows, at + 1, size - at);
      rows[at] = row;
      size++;
    }
  }

  int size() {
    return size;
  }

  /** Adds a row, or replaces the row with the same id. */
  void put(SubmissionRow row) {
    long high = row.idHigh;
    long low = row.idLow;
    if (chunks.isEmpty()) {
      chunks.add(new Chunk());
    }
    Chunk last = chunks.get(chunks.size() - 1);
    if (last.size == 0 || last.last().compareId(high, low) < 0) {
      if (last.size == CHUNK) {
        last = new Chunk();
        chunks.add(last);
      }
      last.insert(last.size, row);
      size++;
      return;
    }
    int ci = chunkFor(high, low);
    Chunk chunk = chunks.get(ci);
    int at = chunk.search(high, low);
    if (at >= 0) {
      chunk.rows[at] = row;
      return;
    }
    at = -at - 1;
    if (chunk.size == CHUNK) {
      Chunk right = new Chunk();
      int half = CHUNK / 2;
      right.rows = new SubmissionRow[CHUNK];
      System.arraycopy(chunk.rows, half, right.rows, 0, CHUNK - half);
      Arrays.fill(chunk.rows, half, CHUNK, null);
      right.size = CHUNK - half;
      chunk.size = half;
      chunks.add(ci + 1, right);
      if (at > half) {
        chunk = right;
        at -= half;
      }
    }
    chunk.insert(at, row);
    size++;
  }

  /**
   * The chunk whose range holds the id, or where it would go: the last chunk whose first row is at
   * most the id (the first chunk if none is).
   */
  private int chunkFor(long high, long low) {
    int lo = 0;
    int hi = chunks.size() - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (chunks.get(mid).first().compareId(high, low) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Removes every row the predicate accepts; returns how many. */
  int removeIf(Predicate<SubmissionRow> remove) {
    int removed = 0;
    for (int c = chunks.size() - 1; c >= 0; c--) {
      Chunk chunk = chunks.get(c);
      int kept = 0;
      for (int i = 0; i < chunk.size; i++) {
        SubmissionRow row = chunk.rows[i];
        if (remove.test(row)) {
          removed++;
        } else {
          chunk.rows[kept++] = row;
        }
      }
      Arrays.fill(chunk.rows, kept, chunk.size, null);
      chunk.size = kept;
      if (kept == 0) {
        chunks.remove(c);
      }
    }
    size -= removed;
    return removed;
  }

  /** Iterates in id order; the order must not change meanwhile. */
  @Override
  public Iterator<SubmissionRow> iterator() {
    return new Iterator<>() {
      private int chunk;
      private int index;

      @Override
      public boolean hasNext() {
        while (chunk < chunks.size() && index >= chunks.get(chunk).size) {
          chunk++;
          index = 0;
        }
        return chunk < chunks.size();
      }

      @Override
      public SubmissionRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return chunks.get(chunk).rows[index++];
      }
    };
  }

  /** Visits rows in id order. */
  interface Visitor {
    /** Returns false to stop. */
    boolean visit(SubmissionRow row);
  }

  /** Visits every row in id order until the visitor returns false. */
  void forEach(Visitor visitor) {
    for (Chunk chunk : chunks) {
      for (int i = 0; i < chunk.size; i++) {
        if (!visitor.visit(chunk.rows[i])) {
          return;
        }
      }
    }
  }

  /** Visits, in id order, the rows with an id greater than the given one, until told to stop. */
  void forEachAfter(long high, long low, Visitor visitor) {
    if (chunks.isEmpty()) {
      return;
    }
    int ci = chunkFor(high, low);
    Chunk chunk = chunks.get(ci);
    int at = chunk.search(high, low);
    int from = at >= 0 ? at + 1 : -at - 1;
    for (int c = ci; c < chunks.size(); c++) {
      Chunk current = chunks.get(c);
      for (int i = c == ci ? from : 0; i < current.size; i++) {
        if (!visitor.visit(current.rows[i])) {
          return;
        }
      }
    }
  }
}
