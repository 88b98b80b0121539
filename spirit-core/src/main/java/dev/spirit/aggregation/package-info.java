/**
 * Aggregation: what the city said. Counts, terms, trends, slogans and their support, as immutable
 * values ({@link dev.spirit.aggregation.CampaignStats}) that merge associatively across districts,
 * maintained incrementally from intake events ({@link
 * dev.spirit.aggregation.IncrementalAggregator}) or recomputed from a full scan of a store ({@link
 * dev.spirit.aggregation.BatchAggregator}); both give equal values.
 *
 * <h2>Definitions (used by every figure)</h2>
 *
 * <ul>
 *   <li><b>Submission</b>: a stored submission of the campaign. Only the {@code byStatus} counts
 *       cover every status; every other figure counts <em>counted submissions</em>, those whose
 *       status is {@link dev.spirit.submission.SubmissionStatus#APPROVED APPROVED} (public). A
 *       submission that is later hidden, rejected or withdrawn, or whose author is erased, leaves
 *       every figure except {@code byStatus}, and erased ones leave that too.
 *   <li><b>Endorsement</b>: an {@link dev.spirit.submission.ReactionType#ENDORSE ENDORSE} reaction
 *       to a counted submission; the store keeps one per person per submission. Endorsements of a
 *       submission that stops being counted stop counting with it, and count again if it is
 *       approved again.
 *   <li><b>Participant</b>: a distinct person (participant id) who gave at least one counted
 *       submission or made at least one endorsement, within the scope of the figure. A participant
 *       "of a district" gave a counted submission there or endorsed one given there. Distinct
 *       counts are exact up to a limit and HyperLogLog estimates beyond it (see {@link
 *       dev.spirit.aggregation.DistinctCount}); they hold 64-bit hashes of participant ids, never
 *       the ids.
 *   <li><b>Term</b>: a word or concept extracted from a counted submission's public text (see
 *       {@link dev.spirit.aggregation.TermExtractor}). A term's count is the number of counted
 *       submissions that contain it (each submission counts a term once, however often it repeats
 *       it). A keyword-kind submission is one term as a whole.
 *   <li><b>Support</b> of a slogan candidate: the number of distinct participants who gave one of
 *       its submissions or endorsed one of them.
 *   <li><b>Time buckets</b> are local hours, days and ISO weeks (starting Monday) of the
 *       submission's intake time in the campaign's time zone.
 * </ul>
 *
 * <h2>Erasure and retention</h2>
 *
 * <p>The maintained state of an {@link dev.spirit.aggregation.IncrementalAggregator} drops an
 * erased participant's contributions exactly: their submissions leave every figure (including
 * {@code byStatus}), their endorsements leave the endorsement counts and slogan support, and, since
 * the state counts contributions per participant hash rather than keeping a sketch, every distinct
 * count goes down by them too; a {@link dev.spirit.aggregation.BatchAggregator} pass over the store
 * afterwards gives the same value. A retention purge restarts the figures of the purged campaign.
 * What stays is outside the state: {@link dev.spirit.aggregation.CampaignStats} values taken before
 * the erasure and kept by the application (exports, merged per-district values) still count them,
 * and their exact {@link dev.spirit.aggregation.DistinctCount}s hold the 64-bit hash of the
 * participant id (a sketch holds only register maxima, from which no single person can be taken
 * out); take the values again after erasure.
 *
 * <p>Chinese segmentation uses HanLP behind the {@link dev.spirit.aggregation.Segmenter} interface;
 * no HanLP type appears in this API.
 */
@NullMarked
package dev.spirit.aggregation;

import org.jspecify.annotations.NullMarked;
