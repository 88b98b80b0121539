package dev.spirit.storage;

import dev.spirit.error.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * One page of results, in ascending id order.
 *
 * @param items the items
 * @param next cursor for the following page, empty if this is the last one
 * @param <T> item type
 */
public record Page<T>(List<T> items, Optional<PageCursor> next) {
  public Page {
    if (items == null || next == null) {
      throw new InvalidInputException("page", "items and next must not be null");
    }
    items = List.copyOf(items);
  }
}
