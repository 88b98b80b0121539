package dev.spirit.aggregation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.spirit.campaign.District;
import dev.spirit.error.InvalidInputException;
import dev.spirit.internal.Json;
import java.util.stream.Collectors;

/**
 * JSON and CSV forms of aggregation results, for example apps, other systems and the jury. Field
 * names are the record component names and are stable; map keys are district codes, enum names
 * (channels, roles, statuses, kinds), ISO dates and local date-times; maps are sorted by key, so
 * the same value always gives the same bytes.
 */
public final class AggregationJson {
  private static final ObjectMapper MAPPER = build();

  private AggregationJson() {}

  private static ObjectMapper build() {
    SimpleModule keys = new SimpleModule("spirit-aggregation-keys");
    keys.addKeyDeserializer(
        District.class,
        new KeyDeserializer() {
          @Override
          public Object deserializeKey(String key, DeserializationContext ctxt) {
            return District.of(key);
          }
        });
    return Json.mapper()
        .copy()
        .registerModule(keys)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  /**
   * Writes statistics as JSON.
   *
   * @param stats the statistics
   * @return JSON text
   */
  public static String toJson(CampaignStats stats) {
    return write(stats);
  }

  /**
   * Reads statistics written by {@link #toJson(CampaignStats)}, e.g. from another district.
   *
   * @param json JSON text
   * @return the statistics, equal to the value written
   * @throws InvalidInputException if the text is not valid statistics JSON
   */
  public static CampaignStats campaignStats(String json) {
    try {
      return MAPPER.readValue(json, CampaignStats.class);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "campaignStats", "is not valid statistics JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Writes a shortlist as JSON.
   *
   * @param shortlist the shortlist
   * @return JSON text
   */
  public static String toJson(Shortlist shortlist) {
    return write(shortlist);
  }

  /**
   * Reads a shortlist written by {@link #toJson(Shortlist)}.
   *
   * @param json JSON text
   * @return the shortlist
   * @throws InvalidInputException if the text is not valid shortlist JSON
   */
  public static Shortlist shortlist(String json) {
    try {
      return MAPPER.readValue(json, Shortlist.class);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "shortlist", "is not valid shortlist JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Writes a dashboard as JSON.
   *
   * @param dashboard the dashboard
   * @return JSON text
   */
  public static String toJson(Dashboard dashboard) {
    return write(dashboard);
  }

  /**
   * Writes a shortlist as CSV (RFC 4180, UTF-8 text, header row, CRLF line ends) with the columns
   * rank, text, score, supporters, trials, submissions, endorsements, districts (separated by
   * {@code ;}) and variants (separated by {@code " | "}).
   *
   * @param shortlist the shortlist
   * @return CSV text
   */
  public static String toCsv(Shortlist shortlist) {
    StringBuilder out =
        new StringBuilder(
            "rank,text,score,supporters,trials,submissions,endorsements,districts,variants\r\n");
    int rank = 1;
    for (Candidate c : shortlist.candidates()) {
      out.append(rank++)
          .append(',')
          .append(csv(c.text()))
          .append(',')
          .append(String.format(java.util.Locale.ROOT, "%.6f", c.score()))
          .append(',')
          .append(c.supporters())
          .append(',')
          .append(c.trials())
          .append(',')
          .append(c.submissions())
          .append(',')
          .append(c.endorsements())
          .append(',')
          .append(
              csv(
                  c.byDistrict().keySet().stream()
                      .map(District::code)
                      .collect(Collectors.joining(";"))))
          .append(',')
          .append(csv(String.join(" | ", c.variants())))
          .append("\r\n");
    }
    return out.toString();
  }

  private static String csv(String field) {
    boolean quote =
        field.indexOf(',') >= 0
            || field.indexOf('"') >= 0
            || field.indexOf('\n') >= 0
            || field.indexOf('\r') >= 0;
    String safe = field;
    // A leading =, +, - or @ makes spreadsheets evaluate the cell; prefix a quote to show it as is.
    if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("aggregation values always serialize", e);
    }
  }
}
