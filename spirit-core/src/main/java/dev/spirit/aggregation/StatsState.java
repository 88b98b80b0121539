package dev.spirit.aggregation;

import dev.spirit.aggregation.internal.IdCounts;
import dev.spirit.aggregation.internal.LongCounter;
import dev.spirit.aggregation.internal.SmallCounter;
import dev.spirit.aggregation.internal.StringIds;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
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
   * in one form by one person, so texts are parallel arrays searched linearly, the counts per
   * channel, role and district share one array, and a single supporter is kept inline.
   */
  private static final class SloganState {
    static final int CHANNELS = Channel.values().length;
    static final int ROLES = Role.values().length;
    static final int DISTRICTS = CHANNELS + ROLES;

    String[] texts = new String[1];
    int[] textCounts = new int[1];
    int textSize;
    // Submissions per channel (by ordinal), then per author role, then per district number.
    int[] counts = new int[DISTRICTS + 1];
    long endorsements;
    final SmallCounter supporters = new SmallCounter();

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

    void add(Channel channel, Role role, int district, int sign) {
      counts[channel.ordinal()] += sign;
      counts[CHANNELS + role.ordinal()] += sign;
      int at = DISTRICTS + district;
      if (at >= counts.length) {
        counts = java.util.Arrays.copyOf(counts, at + 1);
      }
      counts[at] = Math.max(0, counts[at] + sign);
    }

    int district(int number) {
      int at = DISTRICTS + number;
      return at < counts.length ? counts[at] : 0;
    }
  }

  /**
   * Everything counted per district, found with one lookup per submission: counted submissions,
   * distinct participants (authors and endorsers) and term counts.
   */
  private static final class DistrictState {
    final District district;
    final int number;
    long submissions;
    final LongCounter participants = new LongCounter();
    final IdCounts terms = new IdCounts();

    DistrictState(District district, int number) {
      this.district = district;
      this.number = number;
    }
  }

  /** Everything counted per local day: submissions, submissions per local hour, term counts. */
  private static final class DayState {
    final LocalDate day;
    long submissions;
    // By local hour of day (0-23); the repeated hour of a DST fall-back day is one bucket.
    final long[] hours = new long[24];
    final IdCounts terms = new IdCounts();

    DayState(LocalDate day) {
      this.day = day;
    }
  }

  private final ZoneId zone;
  private final ZoneRules rules;
  private final AggregationConfig config;
  private final TermExtractor extractor;

  private final long[] byStatus = new long[SubmissionStatus.values().length];
  private long endorsements;
  private final Map<District, DistrictState> districts = new HashMap<>();
  private final List<DistrictState> districtList = new ArrayList<>();
  private final long[] byChannel = new long[Channel.values().length];
  private final long[] byRole = new long[Role.values().length];
  private final long[] byKind = new long[SubmissionKind.values().length];
  private final Tally<Language> byLanguage = new Tally<>();
  private final Map<LocalDate, DayState> days = new HashMap<>();

  // The day of the last submission and its bounds in epoch seconds: submissions mostly arrive in
  // time order, so most need no time-zone conversion at all. The hour is (second - start) / 3600
  // when the day starts at local midnight and has no offset transition (a fixed-offset day).
  private @Nullable DayState lastDay;
  private long lastDayStart = 1;
  private long lastDayEnd = 0;
  private boolean lastDayFixed;

  // Participants of the campaign: the number of districts each one takes part in. Every
  // contribution of a participant is also one to a district, so this changes only when a person
  // joins or leaves a district, not on every submission.
  private final LongCounter participants = new LongCounter();

  // Terms are counted by id: one hash lookup per term, then array increments per dimension.
  private final StringIds termIds = new StringIds();
  private final IdCounts terms = new IdCounts();
  private final IdCounts[] termsByChannel = newCounts(Channel.values().length);
  private final IdCounts[] termsByRole = newCounts(Role.values().length);
  // Pair of term ids (smaller id in the high half) to submissions containing both.
  private final LongCounter pairs = new LongCounter();

  private final Map<String, SloganState> slogans = new HashMap<>();

  // Endorsed submissions only. There is deliberately no index by endorser: erasure (rare) scans
  // this map instead, which saves a hash set per endorser in the maintained state.
  private final Map<SubmissionId, Endorsed> endorsed = new HashMap<>();

  StatsState(ZoneId zone, AggregationConfig config, TermExtractor extractor) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.config = config;
    this.extractor = extractor;
  }

  // ---- extraction (thread-safe, may run outside the state's lock) ----------------------------

  Extracted extract(Submission s) {
    String text = TermExtractor.publicText(s);
    TermExtractor.Memo m = extractor.extract(s.kind(), text);
    return new Extracted(m.terms, m.sloganKey, text);
  }

  static boolean counted(Submission s) {
    return s.countsInStatistics();
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
   * Like {@link #accepted}, for a full scan that hands over each submission before its
   * endorsements: no endorsement of it can be known yet, so none is looked up.
   */
  void scanned(Submission s, @Nullable Extracted x) {
    byStatus[s.status().ordinal()]++;
    if (counted(s)) {
      submission(s, x != null ? x : extract(s), +1);
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
    long h = config.participantKey().hash(by.value());
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
    long h = config.participantKey().hash(participant.value());
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
    participant(districtOf(e.district), endorser, sign);
    if (e.sloganKey != null) {
      SloganState slogan = slogans.get(e.sloganKey);
      if (slogan != null) {
        slogan.endorsements += sign;
        slogan.supporters.add(endorser, sign);
      }
    }
  }

  private void submission(Submission s, Extracted x, int sign) {
    Channel channel = s.channel();
    Role role = s.participant().role();
    DistrictState district = districtOf(s.district());
    district.submissions += sign;
    byChannel[channel.ordinal()] += sign;
    byRole[role.ordinal()] += sign;
    byKind[s.kind().ordinal()] += sign;
    byLanguage.add(s.language(), sign);
    Instant at = s.receivedAt();
    DayState day = dayOf(at);
    day.submissions += sign;
    day.hours[hourOf(at)] += sign;

    long author = config.participantKey().hash(s.participant().id().value());
    participant(district, author, sign);

    List<String> t = x.terms();
    int count = t.size();
    if (count > 0) {
      IdCounts inDistrict = district.terms;
      IdCounts inChannel = termsByChannel[channel.ordinal()];
      IdCounts inRole = termsByRole[role.ordinal()];
      IdCounts onDay = day.terms;
      int n = Math.min(count, config.maxCooccurrenceTerms());
      int[] ids = n > 1 ? new int[n] : null;
      for (int i = 0; i < count; i++) {
        int id = termId(t.get(i));
        terms.add(id, sign);
        inDistrict.add(id, sign);
        inChannel.add(id, sign);
        inRole.add(id, sign);
        onDay.add(id, sign);
        if (ids != null && i < n) {
          ids[i] = id;
        }
      }
      if (ids != null) {
        for (int i = 0; i < n; i++) {
          for (int j = i + 1; j < n; j++) {
            int lo = Math.min(ids[i], ids[j]);
            int hi = Math.max(ids[i], ids[j]);
            pairs.add(((long) lo << 32) | hi, sign);
          }
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
      slogan.add(channel, role, district.number, sign);
      slogan.supporters.add(author, sign);
      if (slogan.textSize == 0) {
        slogans.remove(key);
      }
    }
  }

  /** Counts a contribution of a participant to a district, and so to the campaign. */
  private void participant(DistrictState district, long participant, int sign) {
    int before = district.participants.add(participant, sign);
    if (before <= 0 && sign > 0) {
      participants.add(participant, 1);
    } else if (before > 0 && before + sign <= 0) {
      participants.add(participant, -1);
    }
  }

  private DistrictState districtOf(District district) {
    DistrictState d = districts.get(district);
    if (d == null) {
      d = new DistrictState(district, districtList.size());
      districts.put(district, d);
      districtList.add(d);
    }
    return d;
  }

  /** The local day of an instant, without a time-zone conversion while days follow each other. */
  private DayState dayOf(Instant at) {
    long second = at.getEpochSecond();
    DayState d = lastDay;
    if (d != null && second >= lastDayStart && second < lastDayEnd) {
      return d;
    }
    LocalDate date = LocalDate.ofInstant(at, zone);
    d = days.get(date);
    if (d == null) {
      d = new DayState(date);
      days.put(date, d);
    }
    ZonedDateTime start = date.atStartOfDay(zone);
    long end = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
    ZoneOffsetTransition next = rules.nextTransition(start.toInstant());
    lastDay = d;
    lastDayStart = start.toEpochSecond();
    lastDayEnd = end;
    lastDayFixed =
        start.toLocalTime().equals(LocalTime.MIDNIGHT)
            && (next == null || next.toEpochSecond() >= end);
    return d;
  }

  /** The local hour of an instant whose day {@link #dayOf} just returned. */
  private int hourOf(Instant at) {
    if (lastDayFixed) {
      return (int) ((at.getEpochSecond() - lastDayStart) / 3600);
    }
    return LocalDateTime.ofInstant(at, zone).getHour();
  }

  private int termId(String term) {
    return termIds.idOf(term);
  }

  private String termName(int id) {
    return termIds.name(id);
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
    List<DistrictState> sortedDistricts = new ArrayList<>(districtList);
    sortedDistricts.sort(Comparator.comparing(d -> d.district));
    TreeMap<District, Long> submissionsByDistrict = new TreeMap<>();
    for (DistrictState d : sortedDistricts) {
      if (d.submissions > 0) {
        submissionsByDistrict.put(d.district, d.submissions);
      }
    }
    List<DayState> sortedDays = new ArrayList<>(days.values());
    sortedDays.sort(Comparator.comparing(d -> d.day));
    TreeMap<LocalDateTime, Long> byHour = new TreeMap<>();
    for (DayState d : sortedDays) {
      for (int h = 0; h < d.hours.length; h++) {
        if (d.hours[h] > 0) {
          byHour.put(d.day.atTime(h, 0), d.hours[h]);
        }
      }
    }
    Counts counts =
        new Counts(
            status,
            endorsements,
            submissionsByDistrict,
            enumCounts(Channel.values(), byChannel),
            enumCounts(Role.values(), byRole),
            enumCounts(SubmissionKind.values(), byKind),
            byLanguage.toSortedMap(Comparator.naturalOrder()),
            byHour);
    TreeMap<District, DistinctCount> perDistrict = new TreeMap<>();
    for (DistrictState d : sortedDistricts) {
      if (!d.participants.isEmpty()) {
        perDistrict.put(d.district, DistinctCount.ofHashes(d.participants.sortedKeys(), limit, p));
      }
    }
    ParticipantStats people =
        new ParticipantStats(
            DistinctCount.ofHashes(participants.sortedKeys(), limit, p), perDistrict);

    // Terms in string order once; every per-dimension map is then built in order, in linear time.
    int[] byName = termsByName();
    int[] rank = new int[byName.length];
    for (int r = 0; r < byName.length; r++) {
      rank[byName[r]] = r;
    }
    TreeMap<District, SortedMap<String, Long>> byDistrictTerms = new TreeMap<>();
    for (DistrictState d : sortedDistricts) {
      if (!d.terms.isEmpty()) {
        byDistrictTerms.put(d.district, named(d.terms, byName));
      }
    }
    TreeMap<Channel, SortedMap<String, Long>> byChannelTerms = new TreeMap<>();
    for (Channel c : Channel.values()) {
      byChannelTerms.put(c, named(termsByChannel[c.ordinal()], byName));
    }
    TreeMap<Role, SortedMap<String, Long>> byRoleTerms = new TreeMap<>();
    for (Role r : Role.values()) {
      byRoleTerms.put(r, named(termsByRole[r.ordinal()], byName));
    }
    TreeMap<LocalDate, SortedMap<String, Long>> byDayTerms = new TreeMap<>();
    for (DayState d : sortedDays) {
      if (!d.terms.isEmpty()) {
        byDayTerms.put(d.day, named(d.terms, byName));
      }
    }
    TermStats termStats =
        new TermStats(
            named(terms, byName),
            byDistrictTerms,
            byChannelTerms,
            byRoleTerms,
            byDayTerms,
            pairsByName(byName, rank));

    List<Map.Entry<String, SloganState>> sorted = new ArrayList<>(slogans.entrySet());
    sorted.sort(Map.Entry.comparingByKey());
    String[] sloganKeys = new String[sorted.size()];
    SloganStats[] sloganValues = new SloganStats[sloganKeys.length];
    for (int i = 0; i < sloganKeys.length; i++) {
      SloganState s = sorted.get(i).getValue();
      sloganKeys[i] = sorted.get(i).getKey();
      sloganValues[i] =
          new SloganStats(
              texts(s),
              districts(s, sortedDistricts),
              enumCounts(Channel.values(), s.counts, 0),
              enumCounts(Role.values(), s.counts, SloganState.CHANNELS),
              s.endorsements,
              DistinctCount.ofHashes(s.supporters.sortedKeys(), limit, p));
    }
    return new CampaignStats(
        zone,
        config.participantKey().id(),
        counts,
        people,
        termStats,
        SortedArrayMap.ofSorted(sloganKeys, sloganValues, sloganKeys.length));
  }

  /** Every term id, ordered by the term's string order. */
  private int[] termsByName() {
    Integer[] ids = new Integer[termIds.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }
    java.util.Arrays.sort(ids, Comparator.comparing(this::termName));
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = ids[i];
    }
    return out;
  }

  /** Co-occurrences as {@code a -> b -> count} with {@code a < b}, built from rank-sorted pairs. */
  private SortedMap<String, SortedMap<String, Long>> pairsByName(int[] byName, int[] rank) {
    long[] ranked = new long[pairs.size()];
    int[] n = {0};
    pairs.forEach(
        (key, count) -> {
          int ra = rank[(int) (key >>> 32)];
          int rb = rank[(int) key];
          ranked[n[0]++] = ((long) Math.min(ra, rb) << 32) | Math.max(ra, rb);
        });
    java.util.Arrays.sort(ranked, 0, n[0]);
    List<String> outerKeys = new ArrayList<>();
    List<SortedMap<String, Long>> outerValues = new ArrayList<>();
    String[] innerKeys = new String[16];
    Long[] innerValues = new Long[16];
    int i = 0;
    while (i < n[0]) {
      int lo = (int) (ranked[i] >>> 32);
      int size = 0;
      for (; i < n[0] && (int) (ranked[i] >>> 32) == lo; i++) {
        int hi = (int) ranked[i];
        int a = byName[lo];
        int b = byName[hi];
        long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        if (size == innerKeys.length) {
          innerKeys = java.util.Arrays.copyOf(innerKeys, size * 2);
          innerValues = java.util.Arrays.copyOf(innerValues, size * 2);
        }
        innerKeys[size] = termName(b);
        innerValues[size] = (long) pairs.get(key);
        size++;
      }
      outerKeys.add(termName(byName[lo]));
      outerValues.add(SortedArrayMap.ofSorted(innerKeys, innerValues, size));
    }
    return SortedArrayMap.ofSorted(
        outerKeys.toArray(new String[0]), outerValues.toArray(), outerKeys.size());
  }

  Dashboard dashboard(int k) {
    Map<District, List<TermCount>> top = new TreeMap<>();
    for (DistrictState d : districtList) {
      if (!d.terms.isEmpty()) {
        top.put(d.district, top(d.terms, k));
      }
    }
    TreeMap<LocalDate, Long> byDay = new TreeMap<>();
    long submissions = 0;
    for (DayState d : days.values()) {
      if (d.submissions > 0) {
        byDay.put(d.day, d.submissions);
      }
    }
    for (long n : byKind) {
      submissions += n;
    }
    return new Dashboard(top, byDay, submissions, participants.size());
  }

  private List<TermCount> top(IdCounts counts, int k) {
    PriorityQueue<TermCount> heap = new PriorityQueue<>(TermCount.ORDER.reversed());
    for (int id = 0; id < counts.bound(); id++) {
      long n = counts.get(id);
      if (n <= 0) {
        continue;
      }
      if (heap.size() < k) {
        heap.add(new TermCount(termName(id), n));
      } else if (k > 0) {
        TermCount worst = heap.peek();
        if (n > worst.count() || (n == worst.count() && termName(id).compareTo(worst.term()) < 0)) {
          heap.poll();
          heap.add(new TermCount(termName(id), n));
        }
      }
    }
    List<TermCount> out = new ArrayList<>(heap);
    out.sort(TermCount.ORDER);
    return out;
  }

  private static SortedMap<String, Long> texts(SloganState s) {
    if (s.textSize == 1) {
      return SortedArrayMap.ofSorted(
          new String[] {s.texts[0]}, new Long[] {(long) s.textCounts[0]}, 1);
    }
    TreeMap<String, Long> out = new TreeMap<>();
    for (int i = 0; i < s.textSize; i++) {
      out.put(s.texts[i], (long) s.textCounts[i]);
    }
    return out;
  }

  private static SortedMap<District, Long> districts(
      SloganState s, List<DistrictState> sortedDistricts) {
    District[] keys = new District[sortedDistricts.size()];
    Long[] values = new Long[keys.length];
    int n = 0;
    for (DistrictState d : sortedDistricts) {
      int count = s.district(d.number);
      if (count > 0) {
        keys[n] = d.district;
        values[n] = (long) count;
        n++;
      }
    }
    return SortedArrayMap.ofSorted(keys, values, n);
  }

  private SortedMap<String, Long> named(IdCounts counts, int[] byName) {
    String[] keys = new String[counts.size()];
    Long[] values = new Long[keys.length];
    int n = 0;
    int bound = counts.bound();
    for (int id : byName) {
      if (id < bound) {
        long c = counts.get(id);
        if (c > 0) {
          keys[n] = termName(id);
          values[n] = c;
          n++;
        }
      }
    }
    return SortedArrayMap.ofSorted(keys, values, n);
  }

  private static <E extends Enum<E>> SortedMap<E, Long> enumCounts(
      E[] values, int[] counts, int offset) {
    long[] wide = new long[values.length];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = counts[offset + i];
    }
    return enumCounts(values, wide);
  }

  private static <E extends Enum<E>> SortedMap<E, Long> enumCounts(E[] values, long[] counts) {
    E[] keys = java.util.Arrays.copyOf(values, values.length);
    Long[] out = new Long[values.length];
    int n = 0;
    for (E e : values) {
      if (counts[e.ordinal()] > 0) {
        keys[n] = e;
        out[n] = counts[e.ordinal()];
        n++;
      }
    }
    return SortedArrayMap.ofSorted(keys, out, n);
  }
}
