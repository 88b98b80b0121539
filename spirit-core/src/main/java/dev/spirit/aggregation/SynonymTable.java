package dev.spirit.aggregation;

import dev.spirit.error.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's synonym and alias table: surface forms that organizers decided to count as one
 * concept, e.g. 热情, 熱情, "enthusiasm" and "enthusiastic" all as 热情. Lookups are case-insensitive;
 * Chinese surfaces are matched after traditional→simplified conversion and English ones also after
 * stemming, so listing "mountain" covers "Mountains".
 *
 * @param concepts every surface form (lowercase) to the concept it counts as
 */
public record SynonymTable(Map<String, String> concepts) {
  private static final SynonymTable EMPTY = new SynonymTable(Map.of());

  public SynonymTable {
    if (concepts == null) {
      throw new InvalidInputException("synonyms", "must not be null");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : concepts.entrySet()) {
      String surface = e.getKey().strip().toLowerCase(Locale.ROOT);
      String concept = e.getValue().strip();
      if (surface.isEmpty() || concept.isEmpty()) {
        throw new InvalidInputException("synonyms", "surface forms and concepts must not be blank");
      }
      copy.put(surface, concept);
    }
    concepts = java.util.Collections.unmodifiableSortedMap(copy);
  }

  /**
   * The table without synonyms.
   *
   * @return the empty table
   */
  public static SynonymTable empty() {
    return EMPTY;
  }

  /**
   * Starts a table.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SynonymTable}s. */
  public static final class Builder {
    private final Map<String, String> concepts = new TreeMap<>();

    private Builder() {}

    /**
     * Counts every surface form, and the concept's own name, as the concept.
     *
     * @param concept the name the concept is counted and shown under, e.g. 热情
     * @param surfaces other forms, e.g. "enthusiasm", "enthusiastic"
     * @return this builder
     * @throws InvalidInputException if a surface form already belongs to another concept
     */
    public Builder concept(String concept, String... surfaces) {
      put(concept, concept);
      for (String s : surfaces) {
        put(s, concept);
      }
      return this;
    }

    private void put(String surface, String concept) {
      if (surface == null || concept == null) {
        throw new InvalidInputException("synonyms", "must not contain null");
      }
      String key = surface.strip().toLowerCase(Locale.ROOT);
      String earlier = concepts.get(key);
      if (earlier != null && !earlier.equals(concept)) {
        throw new InvalidInputException(
            "synonyms",
            "'" + surface + "' is listed under both '" + earlier + "' and '" + concept + "'");
      }
      concepts.put(key, concept);
    }

    /**
     * Builds the table.
     *
     * @return the table
     */
    public SynonymTable build() {
      return new SynonymTable(concepts);
    }
  }
}
