package dev.spirit.storage.jdbc;

import dev.spirit.campaign.CampaignId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Streams over chunks fetched on demand, holding no connection between chunks. */
final class ChunkedStream {
  private ChunkedStream() {}

  /**
   * A stream that fetches chunks on demand: {@code fetch} gets the chunk after a position (empty
   * for the first), {@code position} tells where an element is.
   */
  static <T, K> Stream<T> lazily(Function<Optional<K>, List<T>> fetch, Function<T, K> position) {
    Iterator<T> iterator =
        new Iterator<>() {
          private List<T> chunk = List.of();
          private int index;
          private Optional<K> after = Optional.empty();
          private boolean exhausted;

          @Override
          public boolean hasNext() {
            if (index < chunk.size()) {
              return true;
            }
            if (exhausted) {
              return false;
            }
            chunk = fetch.apply(after);
            index = 0;
            if (chunk.size() < JdbcStore.STREAM_CHUNK) {
              exhausted = true;
            }
            if (!chunk.isEmpty()) {
              after = Optional.of(position.apply(chunk.get(chunk.size() - 1)));
            }
            return !chunk.isEmpty();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return chunk.get(index++);
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** A row of a table ordered by its identity column. */
  private record Sequenced<T>(long seq, T value) {}

  static <T> Stream<T> sequenced(
      Transactions tx,
      String table,
      CampaignId campaignId,
      String operation,
      Function<String, T> decode) {
    // The table name is one of two constants of JdbcStore, never user input.
    String sql =
        "SELECT seq, record_json FROM "
            + table
            + " WHERE campaign_id = ? AND seq > ? ORDER BY seq LIMIT ?";
    Stream<Sequenced<T>> rows =
        ChunkedStream.lazily(
            (Optional<Long> after) ->
                tx.withConnection(
                    operation + campaignId,
                    c -> {
                      List<Sequenced<T>> chunk = new ArrayList<>();
                      try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setObject(1, campaignId.value());
                        ps.setLong(2, after.orElse(Long.MIN_VALUE));
                        ps.setInt(3, JdbcStore.STREAM_CHUNK);
                        try (ResultSet rs = ps.executeQuery()) {
                          while (rs.next()) {
                            chunk.add(
                                new Sequenced<>(rs.getLong(1), decode.apply(rs.getString(2))));
                          }
                        }
                      }
                      return chunk;
                    }),
            Sequenced::seq);
    return rows.map(Sequenced::value);
  }
}
