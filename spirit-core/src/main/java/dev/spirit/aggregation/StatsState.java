package dev.spirit.aggregation;

import dev.spirit.aggregation.internal.IdCounts;
import dev.spirit.aggregation.internal.LongCounter;
import dev.spirit.aggregation.internal.ParticipantHash;
import dev.spirit.aggregation.internal.Tally;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The mutable, exact state behind both aggregators. Every contribution is added with sign +1 and
 * removed with sign -1 through the same code, and every count that returns to zero is forgotten, so
 * a state that saw additions and removals equals one that only saw the survivors: that is what
 * makes incremental and batch aggregation give equal values.
 *
 * <p>A counted submission contributes its counts, its author as a participant (overall and in its
 * district), its terms and, for slogans, its slogan entry. An endorsement of a counted submission
 * contributes the endorsement, the endorser as a participant of the submission's district, and for
 * slogans the endorser as a supporter. Endorsements are indexed by submission so that hiding a
 * submission or erasing a person can remove exactly their contributions. Not thread-safe: {@link
 * IncrementalAggregator} serializes access.
 */
final class StatsState {
  /** What a submission contributes, extracted once (segmentation is the expensive part). */
  record Extracted(List<String> terms, @Nullable String sloganKey, String text) {}

  /**
   * What is known about an endorsed submission, to add or remove its endorsements. Most endorsed
   * submissions have one endorser, kept inline; a counter is allocated from the second on.
   */
  private static final class Endorsed {
    final District district;
    final @Nullable String sloganKey;
    boolean counted;
    private long single;
    private boolean hasSingle;
    private @Nullable LongCounter many;

    Endorsed(District district, @Nullable String sloganKey, boolean counted) {
      this.district = district;
      this.sloganKey = sloganKey;
      this.counted = counted;
    }

    boolean has(long endorser) {
      LongCounter m = many;
      return m != null ? m.get(endorser) > 0 : hasSingle && single == endorser;
    }

    void add(long endorser) {
      LongCounter m = many;
      if (m != null) {
        m.add(endorser, 1);
      } else if (!hasSingle) {
        single = endorser;
        hasSingle = true;
      } else {
        m = new LongCounter();
        m.add(single, 1);
        m.add(endorser, 1);
        many = m;
        hasSingle = false;
      }
    }

    void remove(long endorser) {
      LongCounter m = many;
      if (m != null) {
        m.add(endorser, -1);
      } else if (hasSingle && single == endorser) {
        hasSingle = false;
      }
    }

    boolean isEmpty() {
      LongCounter m = many;
      return m != null ? m.isEmpty() : !hasSingle;
    }

    long[] endorsers() {
      LongCounter m = many;
      return m != null ? m.sortedKeys() : hasSingle ? new long[] {single} : new long[0];
    }
  }

  /**
   * One slogan's mutable counts, kept small: there can be tens of thousands of slogans, most given
   * in one or two forms, so texts are parallel arrays searched linearly and districts an array
   * indexed by the state's district numbers.
   */
  private static final class SloganState {
    String[] texts = new String[1];
    long[] textCounts = new long[1];
    int textSize;
    long[] byDistrict = new long[1];
    final long[] byChannel = new long[Channel.values().length];
    final long[] byRole = new long[Role.values().length];
    long endorsements;
    final LongCounter supporters = new LongCounter();

    void addText(String text, int sign) {
      for (int i = 0; i < textSize; i++) {
        if (texts[i].equals(text)) {
          textCounts[i] += sign;
          if (textCounts[i] <= 0) {
            textSize--;
            texts[i] = texts[textSize];
            textCounts[i] = textCounts[textSize];
            texts[textSize] = null;
            textCounts[textSize] = 0;
          }
          return;
        }
      }
      if (sign <= 0) {
        return;
      }
      if (textSize == texts.length) {
        texts = java.util.Arrays.copyOf(texts, textSize * 2);
        textCounts = java.util.Arrays.copyOf(textCounts, textSize * 2);
      }
      texts[textSize] = text;
      textCounts[textSize] = sign;
      textSize++;
    }

    void addDistrict(int district, int sign) {
      if (district >= byDistrict.length) {
        byDistrict = java.util.Arrays.copyOf(byDistrict, district + 1);
      }
      byDistrict[district] = Math.max(0, byDistrict[district] + sign);
    }
  }

  private final ZoneId zone;
  private final AggregationConfig config;
  private final TermExtractor extractor;

  private final long[] byStatus = new long[SubmissionStatus.values().length];
  private long endorsements;
  private final Tally<District> byDistrict = new Tally<>();
  private final Map<District, Integer> districtNumbers = new HashMap<>();
  private final List<District> districtList = new ArrayList<>();
  private final long[] byChannel = new long[Channel.values().length];
  private final long[] byRole = new long[Role.values().length];
  private final long[] byKind = new long[SubmissionKind.values().length];
  private final Tally<Language> byLanguage = new Tally<>();
  private final Tally<LocalDateTime> byHour = new Tally<>();
  private final Tally<LocalDate> byDay = new Tally<>();

  private final LongCounter participants = new LongCounter();
  private final Map<District, LongCounter> participantsByDistrict = new HashMap<>();

  // Terms are counted by id: one hash lookup per term, then array increments per dimension.
  private final HashMap<String, Integer> termIds = new HashMap<>();
  private final ArrayList<String> termNames = new ArrayList<>();
  private final IdCounts terms = new IdCounts();
  private final Map<District, IdCounts> termsByDistrict = new HashMap<>();
  private final IdCounts[] termsByChannel = newCounts(Channel.values().length);
  private final IdCounts[] termsByRole = newCounts(Role.values().length);
  private final Map<LocalDate, IdCounts> termsByDay = new HashMap<>();
  // Pair of term ids (smaller id in the high half) to submissions containing both.
  private final LongCounter pairs = new LongCounter();

  private final Map<String, SloganState> slogans = new HashMap<>();

  // Endorsed submissions only. There is deliberately no index by endorser: erasure (rare) scans
  // this map instead, which saves a hash set per endorser in the maintained state.
  private final Map<SubmissionId, Endorsed> endorsed = new HashMap<>();

  StatsState(ZoneId zone, AggregationConfig config, TermExtractor extractor) {
    this.zone = zone;
    this.config = config;
    this.extractor = extractor;
  }

  // ---- extraction (thread-safe, may run outside the state's lock) ----------------------------

  Extracted extract(Submission s) {
    String text = TermExtractor.publicText(s);
    List<String> t = extractor.terms(s.kind(), text);
    String key = null;
    if (s.kind() == SubmissionKind.SLOGAN) {
      String k = extractor.sloganKey(text);
      key = k.isEmpty() ? null : k;
    }
    return new Extracted(t, key, text);
  }

  static boolean counted(Submission s) {
    return s.status() == SubmissionStatus.APPROVED;
  }

  // ---- events ---------------------------------------------------------------------------------

  /** A submission was stored; {@code x} is its extraction if it is counted, else ignored. */
  void accepted(Submission s, @Nullable Extracted x) {
    byStatus[s.status().ordinal()]++;
    if (counted(s)) {
      contribute(s, x != null ? x : extract(s), +1);
    }
  }

  /**
   * A submission's status changed; {@code x} is the extraction of the side that is counted ({@code
   * before} if it leaves the counts, {@code after} if it joins them), or null.
   */
  void statusChanged(Submission before, Submission after, @Nullable Extracted x) {
    byStatus[before.status().ordinal()]--;
    byStatus[after.status().ordinal()]++;
    boolean was = counted(before);
    boolean is = counted(after);
    Endorsed e = endorsed.get(after.id());
    if (was && !is) {
      contribute(before, x != null ? x : extract(before), -1);
      if (e != null) {
        e.counted = false;
      }
    } else if (!was && is) {
      if (e != null) {
        e.counted = true;
      }
      contribute(after, x != null ? x : extract(after), +1);
    }
  }

  /** A person endorsed a submission (at most once counts). */
  void endorsed(Submission s, ParticipantId by, @Nullable Extracted x) {
    long h = ParticipantHash.of(by);
    Endorsed e = endorsed.get(s.id());
    if (e == null) {
      String key = null;
      if (s.kind() == SubmissionKind.SLOGAN) {
        key = (x != null ? x : extract(s)).sloganKey();
      }
      e = new Endorsed(s.district(), key, counted(s));
      endorsed.put(s.id(), e);
    }
    if (e.has(h)) {
      return;
    }
    e.add(h);
    if (e.counted) {
      endorsement(e, h, +1);
    }
  }

  /** A person and everything of theirs were erased; {@code theirs} as they were just before. */
  void erased(
      ParticipantId participant, List<Submission> theirs, Map<SubmissionId, Extracted> extracted) {
    for (Submission s : theirs) {
      byStatus[s.status().ordinal()]--;
      if (counted(s)) {
        Extracted x = extracted.get(s.id());
        contribute(s, x != null ? x : extract(s), -1);
      }
      endorsed.remove(s.id());
    }
    long h = ParticipantHash.of(participant);
    Iterator<Endorsed> all = endorsed.values().iterator();
    while (all.hasNext()) {
      Endorsed e = all.next();
      if (!e.has(h)) {
        continue;
      }
      if (e.counted) {
        endorsement(e, h, -1);
      }
      e.remove(h);
      if (e.isEmpty()) {
        all.remove();
      }
    }
  }

  // ---- contributions --------------------------------------------------------------------------

  private void contribute(Submission s, Extracted x, int sign) {
    if (sign > 0) {
      submission(s, x, sign);
      endorsementsOf(s.id(), sign);
    } else {
      endorsementsOf(s.id(), sign);
      submission(s, x, sign);
    }
  }

  private void endorsementsOf(SubmissionId id, int sign) {
    Endorsed e = endorsed.get(id);
    if (e != null) {
      for (long endorser : e.endorsers()) {
        endorsement(e, endorser, sign);
      }
    }
  }

  private void endorsement(Endorsed e, long endorser, int sign) {
    endorsements += sign;
    participants.add(endorser, sign);
    participantsOf(e.district).add(endorser, sign);
    if (e.sloganKey != null) {
      SloganState slogan = slogans.get(e.sloganKey);
      if (slogan != null) {
        slogan.endorsements += sign;
        slogan.supporters.add(endorser, sign);
      }
    }
  }

  private void submission(Submission s, Extracted x, int sign) {
    District district = s.district();
    Channel channel = s.channel();
    Role role = s.participant().role();
    LocalDateTime local = LocalDateTime.ofInstant(s.receivedAt(), zone);
    LocalDate day = local.toLocalDate();
    byDistrict.add(district, sign);
    byChannel[channel.ordinal()] += sign;
    byRole[role.ordinal()] += sign;
    byKind[s.kind().ordinal()] += sign;
    byLanguage.add(s.language(), sign);
    byHour.add(local.truncatedTo(ChronoUnit.HOURS), sign);
    byDay.add(day, sign);

    long author = ParticipantHash.of(s.participant().id());
    participants.add(author, sign);
    participantsOf(district).add(author, sign);

    List<String> t = x.terms();
    if (!t.isEmpty()) {
      int[] ids = new int[t.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = termId(t.get(i));
      }
      IdCounts inDistrict = termsByDistrict.computeIfAbsent(district, d -> new IdCounts());
      IdCounts inChannel = termsByChannel[channel.ordinal()];
      IdCounts inRole = termsByRole[role.ordinal()];
      IdCounts onDay = termsByDay.computeIfAbsent(day, d -> new IdCounts());
      for (int id : ids) {
        terms.add(id, sign);
        inDistrict.add(id, sign);
        inChannel.add(id, sign);
        inRole.add(id, sign);
        onDay.add(id, sign);
      }
      if (inDistrict.isEmpty()) {
        termsByDistrict.remove(district);
      }
      if (onDay.isEmpty()) {
        termsByDay.remove(day);
      }
      int n = Math.min(ids.length, config.maxCooccurrenceTerms());
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          int lo = Math.min(ids[i], ids[j]);
          int hi = Math.max(ids[i], ids[j]);
          pairs.add(((long) lo << 32) | hi, sign);
        }
      }
    }

    String key = x.sloganKey();
    if (key != null) {
      SloganState slogan = slogans.get(key);
      if (slogan == null) {
        if (sign < 0) {
          return;
        }
        slogan = new SloganState();
        slogans.put(key, slogan);
      }
      slogan.addText(x.text(), sign);
      slogan.addDistrict(districtNumber(district), sign);
      slogan.byChannel[channel.ordinal()] += sign;
      slogan.byRole[role.ordinal()] += sign;
      slogan.supporters.add(author, sign);
      if (slogan.textSize == 0) {
        slogans.remove(key);
      }
    }
  }

  private LongCounter participantsOf(District district) {
    return participantsByDistrict.computeIfAbsent(district, d -> new LongCounter());
  }

  private int districtNumber(District district) {
    Integer n = districtNumbers.get(district);
    if (n == null) {
      n = districtList.size();
      districtNumbers.put(district, n);
      districtList.add(district);
    }
    return n;
  }

  private int termId(String term) {
    Integer id = termIds.get(term);
    if (id == null) {
      id = termNames.size();
      termIds.put(term, id);
      termNames.add(term);
    }
    return id;
  }

  private static IdCounts[] newCounts(int n) {
    IdCounts[] out = new IdCounts[n];
    for (int i = 0; i < n; i++) {
      out[i] = new IdCounts();
    }
    return out;
  }

  // ---- reading --------------------------------------------------------------------------------

  CampaignStats snapshot() {
    int limit = config.exactDistinctLimit();
    int p = config.hllPrecision();
    TreeMap<SubmissionStatus, Long> status = new TreeMap<>();
    for (SubmissionStatus s : SubmissionStatus.values()) {
      // Below zero only if events arrived for submissions this state never saw (see
      // IncrementalAggregator#startingFrom); such counts read as zero.
      status.put(s, Math.max(0, byStatus[s.ordinal()]));
    }
    Counts counts =
        new Counts(
            status,
            endorsements,
            byDistrict.toSortedMap(Comparator.naturalOrder()),
            enumCounts(Channel.values(), byChannel),
            enumCounts(Role.values(), byRole),
            enumCounts(SubmissionKind.values(), byKind),
            byLanguage.toSortedMap(Comparator.naturalOrder()),
            byHour.toSortedMap(Comparator.naturalOrder()));
    TreeMap<District, DistinctCount> perDistrict = new TreeMap<>();
    participantsByDistrict.forEach(
        (d, c) -> {
          if (!c.isEmpty()) {
            perDistrict.put(d, DistinctCount.ofHashes(c.sortedKeys(), limit, p));
          }
        });
    ParticipantStats people =
        new ParticipantStats(
            DistinctCount.ofHashes(participants.sortedKeys(), limit, p), perDistrict);
    TreeMap<District, SortedMap<String, Long>> byDistrictTerms = new TreeMap<>();
    termsByDistrict.forEach((d, c) -> byDistrictTerms.put(d, named(c)));
    TreeMap<Channel, SortedMap<String, Long>> byChannelTerms = new TreeMap<>();
    for (Channel c : Channel.values()) {
      byChannelTerms.put(c, named(termsByChannel[c.ordinal()]));
    }
    TreeMap<Role, SortedMap<String, Long>> byRoleTerms = new TreeMap<>();
    for (Role r : Role.values()) {
      byRoleTerms.put(r, named(termsByRole[r.ordinal()]));
    }
    TreeMap<LocalDate, SortedMap<String, Long>> byDayTerms = new TreeMap<>();
    termsByDay.forEach((d, c) -> byDayTerms.put(d, named(c)));
    TreeMap<String, SortedMap<String, Long>> pairTerms = new TreeMap<>();
    for (long key : pairs.sortedKeys()) {
      String a = termNames.get((int) (key >>> 32));
      String b = termNames.get((int) key);
      if (a.compareTo(b) > 0) {
        String swap = a;
        a = b;
        b = swap;
      }
      pairTerms.computeIfAbsent(a, k -> new TreeMap<>()).put(b, (long) pairs.get(key));
    }
    TermStats termStats =
        new TermStats(
            named(terms), byDistrictTerms, byChannelTerms, byRoleTerms, byDayTerms, pairTerms);
    TreeMap<String, SloganStats> sloganStats = new TreeMap<>();
    slogans.forEach(
        (key, s) ->
            sloganStats.put(
                key,
                new SloganStats(
                    texts(s),
                    districts(s),
                    enumCounts(Channel.values(), s.byChannel),
                    enumCounts(Role.values(), s.byRole),
                    s.endorsements,
                    DistinctCount.ofHashes(s.supporters.sortedKeys(), limit, p))));
    return new CampaignStats(zone, counts, people, termStats, sloganStats);
  }

  Dashboard dashboard(int k) {
    Map<District, List<TermCount>> top = new TreeMap<>();
    termsByDistrict.forEach((d, counts) -> top.put(d, top(counts, k)));
    long submissions = 0;
    for (long n : byKind) {
      submissions += n;
    }
    return new Dashboard(
        top, byDay.toSortedMap(Comparator.naturalOrder()), submissions, participants.size());
  }

  private List<TermCount> top(IdCounts counts, int k) {
    PriorityQueue<TermCount> heap = new PriorityQueue<>(TermCount.ORDER.reversed());
    for (int id = 0; id < counts.bound(); id++) {
      long n = counts.get(id);
      if (n <= 0) {
        continue;
      }
      if (heap.size() < k) {
        heap.add(new TermCount(termNames.get(id), n));
      } else if (k > 0) {
        TermCount worst = heap.peek();
        if (n > worst.count()
            || (n == worst.count() && termNames.get(id).compareTo(worst.term()) < 0)) {
          heap.poll();
          heap.add(new TermCount(termNames.get(id), n));
        }
      }
    }
    List<TermCount> out = new ArrayList<>(heap);
    out.sort(TermCount.ORDER);
    return out;
  }

  private static SortedMap<String, Long> texts(SloganState s) {
    TreeMap<String, Long> out = new TreeMap<>();
    for (int i = 0; i < s.textSize; i++) {
      out.put(s.texts[i], s.textCounts[i]);
    }
    return out;
  }

  private SortedMap<District, Long> districts(SloganState s) {
    TreeMap<District, Long> out = new TreeMap<>();
    for (int i = 0; i < s.byDistrict.length; i++) {
      if (s.byDistrict[i] > 0) {
        out.put(districtList.get(i), s.byDistrict[i]);
      }
    }
    return out;
  }

  private SortedMap<String, Long> named(IdCounts counts) {
    TreeMap<String, Long> out = new TreeMap<>();
    for (int id = 0; id < counts.bound(); id++) {
      long n = counts.get(id);
      if (n > 0) {
        out.put(termNames.get(id), n);
      }
    }
    return out;
  }

  private static <E extends Enum<E>> SortedMap<E, Long> enumCounts(E[] values, long[] counts) {
    TreeMap<E, Long> out = new TreeMap<>();
    for (E e : values) {
      if (counts[e.ordinal()] > 0) {
        out.put(e, counts[e.ordinal()]);
      }
    }
    return out;
  }
}
