package dev.spirit.examples.report;

import dev.spirit.Spirit;
import dev.spirit.aggregation.AggregationConfig;
import dev.spirit.aggregation.BatchAggregator;
import dev.spirit.aggregation.CampaignStats;
import dev.spirit.aggregation.Candidate;
import dev.spirit.aggregation.SynonymTable;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.District;
import dev.spirit.campaign.SubmissionKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ReportData} whose word figures and shortlist come from spirit-core's aggregation module
 * ({@link CampaignStats}: segmentation, synonyms, stop words, near-duplicate slogans merged, ranked
 * by the Wilson lower bound of their support), and whose participation and moderation figures come
 * from one scan of the store (they count every stored submission, which aggregation leaves to
 * {@code byStatus} alone).
 */
public final class AggregatedReportData extends ParticipationReportData {
  private final CampaignStats stats;

  private AggregatedReportData(Participation participation, CampaignStats stats) {
    super(participation);
    this.stats = stats;
  }

  /**
   * Computes the figures of a campaign.
   *
   * @param spirit the Spirit instance
   * @param campaign the campaign
   * @return the figures
   */
  public static AggregatedReportData of(Spirit spirit, Campaign campaign) {
    return new AggregatedReportData(
        Participation.scan(spirit, campaign),
        BatchAggregator.aggregate(spirit.store(), campaign, demoConfig()));
  }

  /**
   * What the Chongqing campaign's organizers tell aggregation: place names and campaign words to
   * keep whole, English and Chinese forms of the same concept, and words too common in interview
   * notes to mean anything on a word cloud.
   *
   * @return the configuration
   */
  public static AggregationConfig demoConfig() {
    return AggregationConfig.builder()
        .vocabulary("解放碑", "洪崖洞", "朝天门", "山城", "诗城", "巴渝", "两江", "雄起", "勇立潮头")
        .synonyms(
            SynonymTable.builder()
                .concept("热情", "enthusiasm", "enthusiastic", "warmth", "warm")
                .concept("耿直", "candor", "candid", "straightforward")
                .concept("繁荣", "prosperity", "prosperous")
                .concept("包容", "inclusive", "inclusiveness", "tolerance")
                .concept("开放", "openness", "open")
                .concept("重庆", "chongqing")
                .build())
        .stopWords("说", "时", "人", "受", "访", "立", "勇", "城", "市民", "特点", "最大", "有事")
        .build();
  }

  /**
   * The aggregation module's statistics behind the word figures, for callers that want more (rising
   * terms, co-occurrence, per-channel or per-role views, JSON export).
   *
   * @return the statistics
   */
  public CampaignStats stats() {
    return stats;
  }

  @Override
  public List<TermCount> topTerms(int limit) {
    return stats.terms().top(limit).stream().map(t -> new TermCount(t.term(), t.count())).toList();
  }

  @Override
  public Map<District, List<TermCount>> topTermsByDistrict(int limit) {
    Map<District, List<TermCount>> result = new LinkedHashMap<>();
    for (District district : participation.byDistrict().keySet()) {
      result.put(
          district,
          stats.terms().top(limit, district).stream()
              .map(t -> new TermCount(t.term(), t.count()))
              .toList());
    }
    return result;
  }

  @Override
  public List<ShortlistEntry> shortlist(int limit) {
    return stats.shortlist(limit).candidates().stream().map(AggregatedReportData::entry).toList();
  }

  private static ShortlistEntry entry(Candidate candidate) {
    return new ShortlistEntry(
        candidate.text(),
        SubmissionKind.SLOGAN,
        candidate.supporters(),
        candidate.byDistrict().keySet());
  }
}
