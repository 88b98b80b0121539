package dev.spirit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spirit.Spirit;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.StorageException;
import dev.spirit.internal.Json;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.storage.SpiritStore;
import dev.spirit.submission.AuditChain;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.AuditSeal;
import dev.spirit.submission.AuditVerification;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Exports and verifies a campaign's audit trail. Get one with {@link #of(Spirit)}; thread-safe.
 *
 * <p>The export is JSON lines, one object per line, in time order, each with a {@code type}:
 *
 * <ul>
 *   <li>{@code "status"}: a status change of a submission, from the audit log: {@code sequence},
 *       {@code at}, {@code actor}, {@code submissionId}, {@code from}, {@code to}, {@code lease}
 *       (who held the review lease, if anyone), {@code reason} and the chain fields {@code
 *       reasonSalt}, {@code reasonDigest} and {@code hash}, which let anyone re-check the chain
 *       ({@link AuditChain}). An erasure is such a line with the actor {@code system:erasure} and
 *       the reason {@code erased}; the erased submission's earlier lines keep who and when, and say
 *       {@code erased} instead of their reason.
 *   <li>{@code "lexicon"}: a lexicon revision attached to the campaign: {@code revision}, {@code
 *       version}, {@code at}, {@code actor}, {@code layers}. Lexicon revisions are versioned by the
 *       store; they are not part of the hash chain, but every re-moderation they cause is.
 *   <li>{@code "chain"}, last: the verification of the chain ({@link #verify}): {@code entries},
 *       {@code intact}, {@code head} (the last hash: keep it to detect a later truncation or
 *       rewrite) and, if broken, {@code brokenAt}, {@code problem}, {@code detail}.
 * </ul>
 */
public final class AuditExport {
  private final SpiritStore store;

  private AuditExport(SpiritStore store) {
    this.store = store;
  }

  /**
   * The export of an instance's store.
   *
   * @param spirit the instance
   * @return the export
   */
  public static AuditExport of(Spirit spirit) {
    if (spirit == null) {
      throw new InvalidInputException("spirit", "must not be null");
    }
    return new AuditExport(spirit.store());
  }

  /**
   * Verifies the hash chain of a campaign's audit log.
   *
   * @param campaignId the campaign
   * @return intact, or where and how it is first broken
   * @throws StorageException if the log cannot be read (an entry edited into invalid JSON is
   *     reported as such)
   */
  public AuditVerification verify(CampaignId campaignId) {
    if (campaignId == null) {
      throw new InvalidInputException("campaignId", "must not be null");
    }
    try (Stream<AuditEntry> entries = store.streamAudit(campaignId)) {
      return AuditChain.verify(entries.iterator());
    }
  }

  /**
   * Whether a campaign's log still holds an entry with this chain hash: check a head hash kept from
   * an earlier export, to detect entries removed from the end or a rewritten chain, which the chain
   * alone cannot show.
   *
   * @param campaignId the campaign
   * @param hash a hash from an earlier export ({@code head} of its last line)
   * @return true if an entry of the log carries it
   */
  public boolean containsHash(CampaignId campaignId, String hash) {
    if (campaignId == null || hash == null) {
      throw new InvalidInputException("auditExport", "campaignId and hash are required");
    }
    try (Stream<AuditEntry> entries = store.streamAudit(campaignId)) {
      return entries.anyMatch(e -> e.seal().map(s -> s.hash().equals(hash)).orElse(false));
    }
  }

  /**
   * Writes a campaign's audit trail as JSON lines (see the class description), ending with the
   * chain's verification.
   *
   * @param campaignId the campaign
   * @param out where to write
   * @return the verification written on the last line
   * @throws StorageException if the log cannot be read or {@code out} cannot be written
   */
  public AuditVerification writeJsonLines(CampaignId campaignId, Appendable out) {
    if (campaignId == null || out == null) {
      throw new InvalidInputException("auditExport", "campaignId and out are required");
    }
    ObjectMapper mapper = Json.mapper();
    Deque<LexiconChange> lexicons =
        new ArrayDeque<>(
            store.lexiconHistory(campaignId).stream()
                .sorted(Comparator.comparing(LexiconChange::attachedAt))
                .toList());
    try (Stream<AuditEntry> entries = store.streamAudit(campaignId)) {
      Iterator<AuditEntry> source = entries.iterator();
      Iterator<AuditEntry> written =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return source.hasNext();
            }

            @Override
            public AuditEntry next() {
              if (!source.hasNext()) {
                throw new NoSuchElementException();
              }
              AuditEntry e = source.next();
              while (!lexicons.isEmpty() && !lexicons.peekFirst().attachedAt().isAfter(e.at())) {
                line(out, mapper, lexicon(mapper, lexicons.removeFirst()));
              }
              line(out, mapper, status(mapper, e));
              return e;
            }
          };
      AuditVerification verification = AuditChain.verify(written);
      while (!lexicons.isEmpty()) {
        line(out, mapper, lexicon(mapper, lexicons.removeFirst()));
      }
      line(out, mapper, chain(mapper, verification));
      return verification;
    }
  }

  private static ObjectNode status(ObjectMapper mapper, AuditEntry e) {
    ObjectNode o = mapper.createObjectNode();
    o.put("type", "status");
    e.seal().ifPresent(s -> o.put("sequence", s.sequence()));
    o.put("at", e.at().toString());
    o.put("actor", e.actor());
    o.put("submissionId", e.submissionId().toString());
    o.put("from", e.from().name());
    o.put("to", e.to().name());
    e.lease().ifPresent(l -> o.put("lease", l));
    o.put("reason", e.reason());
    if (e.seal().isPresent()) {
      AuditSeal s = e.seal().get();
      o.put("reasonSalt", s.reasonSalt());
      o.put("reasonDigest", s.reasonDigest());
      o.put("hash", s.hash());
    }
    return o;
  }

  private static ObjectNode lexicon(ObjectMapper mapper, LexiconChange change) {
    ObjectNode o = mapper.createObjectNode();
    o.put("type", "lexicon");
    o.put("revision", change.revision());
    o.put("version", change.version());
    o.put("at", change.attachedAt().toString());
    o.put("actor", change.attachedBy());
    ArrayNode layers = o.putArray("layers");
    List<String> labels = change.layerLabels();
    labels.forEach(layers::add);
    return o;
  }

  private static ObjectNode chain(ObjectMapper mapper, AuditVerification v) {
    ObjectNode o = mapper.createObjectNode();
    o.put("type", "chain");
    o.put("entries", v.entries());
    o.put("unsealedEntries", v.unsealedEntries());
    o.put("intact", v.intact());
    v.headHash().ifPresent(h -> o.put("head", h));
    v.firstBreak()
        .ifPresent(
            b -> {
              o.put("brokenAt", b.sequence());
              o.put("problem", b.problem().name());
              o.put("detail", b.detail());
            });
    return o;
  }

  private static void line(Appendable out, ObjectMapper mapper, ObjectNode node) {
    try {
      out.append(mapper.writeValueAsString(node)).append('\n');
    } catch (JsonProcessingException e) {
      throw new StorageException("cannot encode an audit export line", e);
    } catch (IOException e) {
      throw new StorageException("cannot write the audit export", e);
    }
  }
}
