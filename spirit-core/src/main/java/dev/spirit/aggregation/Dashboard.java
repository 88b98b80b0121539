package dev.spirit.aggregation;

import dev.spirit.campaign.District;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a campaign dashboard shows at a glance, read from maintained state.
 *
 * @param topTermsByDistrict the most frequent terms of each district, largest first
 * @param daily counted submissions per local day
 * @param submissions counted submissions
 * @param participants distinct participants (exact in maintained state)
 */
public record Dashboard(
    Map<District, List<TermCount>> topTermsByDistrict,
    SortedMap<java.time.LocalDate, Long> daily,
    long submissions,
    long participants) {
  public Dashboard {
    topTermsByDistrict = Map.copyOf(topTermsByDistrict);
    daily = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(daily));
  }
}
