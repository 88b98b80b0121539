package dev.spirit.storage;

import dev.spirit.error.InvalidInputException;
import java.util.Optional;

/**
 * Which page to fetch: the first, or the one after a cursor, with at most {@code limit} items.
 *
 * @param after cursor from the previous page, or empty for the first page
 * @param limit maximum items, 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(Optional<PageCursor> after, int limit) {
  /** Largest page size a backend must serve. */
  public static final int MAX_LIMIT = 1000;

  public PageRequest {
    if (after == null) {
      throw new InvalidInputException("page.after", "must not be null");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException(
          "page.limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  /**
   * The first page.
   *
   * @param limit page size
   * @return the request
   */
  public static PageRequest first(int limit) {
    return new PageRequest(Optional.empty(), limit);
  }

  /**
   * The page after a cursor.
   *
   * @param cursor the previous page's cursor
   * @param limit page size
   * @return the request
   */
  public static PageRequest after(PageCursor cursor, int limit) {
    return new PageRequest(Optional.of(cursor), limit);
  }
}
