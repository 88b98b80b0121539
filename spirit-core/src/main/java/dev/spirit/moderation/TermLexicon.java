package dev.spirit.moderation;

import dev.spirit.error.InvalidInputException;
import dev.spirit.moderation.internal.ChineseFolding;
import dev.spirit.moderation.internal.DoubleArrayAutomaton;
import dev.spirit.moderation.internal.NormalizedView;
import dev.spirit.moderation.internal.TextFolder;
import dev.spirit.submission.TextSpan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, compiled lexicon of blocked and review-only terms with an allow-list, matched in
 * one pass over a normalized view of a text. Build one with {@link #builder()} or read the
 * tab-separated format with {@link #read(Reader, Reader)}; swap it at run time with {@link
 * LexiconRule#reload(TermLexicon)}.
 *
 * <p>How matching works:
 *
 * <ol>
 *   <li>terms, allow-list phrases and the text all go through the same folding ({@link
 *       NormalizedView}: case, full/half width, NFKC, zero-width and bidi characters, combining
 *       accents, Cyrillic/Greek look-alikes, traditional→simplified Chinese, digit/symbol
 *       look-alikes, separators, repeated letters), so a term is compiled once into folded form;
 *   <li>a double-array Aho–Corasick automaton over the folded symbols finds every candidate in one
 *       pass;
 *   <li>each candidate is confirmed against the text around it: a letter repeated 3 times or more
 *       matches a single or double letter of the term, a double letter only a double letter (so
 *       {@code Cassino} is not {@code casino}); a term that begins or ends with a Latin letter must
 *       begin or end at a word boundary (so {@code ass} is not found in {@code classic}), Chinese
 *       terms match anywhere; at most 3 separators between two letters of a term and no sentence
 *       punctuation; between two Latin letters of one word of the term a separator is only skipped
 *       when both sides are single letters ({@code c.a.s.i.n.o}, but not {@code is cam} for {@code
 *       scam});
 *   <li>Chinese: every Han character reaches the automaton as its toneless syllable, so homophones
 *       ({@code 瑟情}) meet the term, unless its row says {@code exact}; a Chinese term of two
 *       characters or more is also compiled as every mixture of hanzi and pinyin ({@code duchang},
 *       {@code 赌chang}, {@code du场}; separators only between syllables; the pinyin must be whole
 *       tokens, so {@code bingdun} is not {@code bingdu}), and with each character written as its
 *       two components ({@code 贝者场}, from the bundled split table); punctuation may separate two
 *       characters of a term when they are spread out ({@code 枪，支}); aliases match as whole words
 *       ({@code sb});
 *   <li>a Chinese occurrence that begins inside one word and ends inside another ({@code 特色|情调}) is
 *       dropped, as is a homophone spelling that is itself a dictionary word ({@code 病毒} is not
 *       {@code 冰毒}); one in a clause that warns against it ({@code 远离毒品}, {@code 刷单诈骗}) is marked
 *       {@link TermMatch#warning()};
 *   <li>a term occurrence inside an occurrence of an allow-list phrase ({@code 垃圾分类}) is dropped;
 *   <li>spans are reported in the original text, separators and evasions included.
 * </ol>
 */
public final class TermLexicon {
  private static final int MAX_INNER_GAP = 3;
  // Longest term (in characters) for which every hanzi/pinyin mixture is compiled; longer terms
  // get the all-hanzi and all-pinyin forms only (2^n keys per term otherwise).
  private static final int MAX_MIXED = 6;
  // How far a clause is looked at around a Chinese occurrence for word boundaries and warnings.
  private static final int CLAUSE_REACH = 8;

  private final List<Term> terms;
  private final List<String> allowList;
  private final Entry[] entries;
  private final int[][] keyEntries;
  private final DoubleArrayAutomaton automaton;
  private final String version;

  /** A compiled form of a term (one of its spellings) or of an allow phrase. */
  private static final class Entry {
    final @Nullable Term term; // null for an allow phrase
    final byte[] runs;
    final boolean[] boundaryBefore;
    final byte[] kinds;
    // Per symbol: the character the text must hold there, or 0 if any character with the same
    // syllable will do (a homophone).
    final char[] exact;
    // The term's own characters per symbol (0 where the symbol is pinyin or a split component):
    // what a homophone is compared with.
    final char[] own;

    Entry(
        @Nullable Term term,
        byte[] runs,
        boolean[] boundaryBefore,
        byte[] kinds,
        char[] exact,
        char[] own) {
      this.term = term;
      this.runs = runs;
      this.boundaryBefore = boundaryBefore;
      this.kinds = kinds;
      this.exact = exact;
      this.own = own;
    }

    boolean isAllow() {
      return term == null;
    }
  }

  /** One spelling of a term: its text and, per character, whether it must be matched exactly. */
  private record Spelling(String text, boolean[] exactChars, boolean[] ownChars) {}

  private TermLexicon(List<Term> terms, List<String> allowList) {
    this.terms = List.copyOf(terms);
    this.allowList = List.copyOf(allowList);
    List<Entry> compiled = new ArrayList<>();
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    for (Term term : terms) {
      for (Spelling spelling : spellings(term)) {
        compile(spelling, term, compiled, byKey);
      }
      for (String alias : term.aliases()) {
        compile(literal(alias, true), term, compiled, byKey);
      }
    }
    for (String phrase : allowList) {
      compile(literal(phrase, true), null, compiled, byKey);
    }
    this.entries = compiled.toArray(new Entry[0]);
    this.keyEntries = new int[byKey.size()][];
    int k = 0;
    for (List<Integer> ids : byKey.values()) {
      keyEntries[k++] = ids.stream().mapToInt(Integer::intValue).toArray();
    }
    this.automaton = new DoubleArrayAutomaton(new ArrayList<>(byKey.keySet()));
    this.version = fingerprint(terms, allowList);
  }

  private static Spelling literal(String text, boolean exact) {
    boolean[] e = new boolean[text.length()];
    boolean[] own = new boolean[text.length()];
    Arrays.fill(e, exact);
    Arrays.fill(own, true);
    return new Spelling(text, e, own);
  }

  /**
   * The spellings a term is compiled into: as written; for a Chinese term of two characters or
   * more, every mixture of its characters and their toneless pinyin (syllables separated, so that
   * separators are allowed between syllables only); and each character written as its two
   * components.
   */
  static List<Spelling> spellings(Term term) {
    String text = term.text();
    List<Spelling> out = new ArrayList<>();
    boolean homophones = term.homophones();
    out.add(literal(text, !homophones));
    String simplified = simplifiedHan(text);
    if (simplified.isEmpty()) {
      return out;
    }
    int n = simplified.length();
    Set<String> seen = new HashSet<>();
    seen.add(text);
    if (n >= 2) {
      List<List<String>> readings = new ArrayList<>();
      List<Optional<String>> contextual = ChineseFolding.pinyin(simplified);
      boolean complete = true;
      for (int i = 0; i < n; i++) {
        List<String> r = new ArrayList<>(2);
        contextual.get(i).ifPresent(r::add);
        ChineseFolding.pinyinOf(simplified.charAt(i)).filter(x -> !r.contains(x)).ifPresent(r::add);
        complete &= !r.isEmpty();
        readings.add(r);
      }
      if (complete) {
        for (int mask = 1; mask < (1 << n); mask++) {
          if (n > MAX_MIXED && mask != (1 << n) - 1) {
            continue;
          }
          // The contextual reading everywhere, then each other reading alone.
          addMixture(simplified, readings, mask, -1, homophones, seen, out);
          for (int i = 0; i < n; i++) {
            if ((mask & (1 << i)) != 0 && readings.get(i).size() > 1) {
              addMixture(simplified, readings, mask, i, homophones, seen, out);
            }
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      Optional<String> parts = ChineseFolding.split(simplified.charAt(i));
      if (parts.isPresent()) {
        String spelled = simplified.substring(0, i) + parts.get() + simplified.substring(i + 1);
        boolean[] exact = new boolean[spelled.length()];
        boolean[] own = new boolean[spelled.length()];
        for (int j = 0; j < spelled.length(); j++) {
          boolean component = j == i || j == i + 1;
          exact[j] = component || !homophones;
          own[j] = !component;
        }
        if (seen.add(spelled)) {
          out.add(new Spelling(spelled, exact, own));
        }
      }
    }
    return out;
  }

  private static void addMixture(
      String han,
      List<List<String>> readings,
      int mask,
      int alternative,
      boolean homophones,
      Set<String> seen,
      List<Spelling> out) {
    StringBuilder text = new StringBuilder();
    List<Boolean> exact = new ArrayList<>();
    List<Boolean> own = new ArrayList<>();
    for (int i = 0; i < han.length(); i++) {
      if (i > 0) {
        text.append(' ');
        exact.add(false);
        own.add(false);
      }
      if ((mask & (1 << i)) != 0) {
        List<String> r = readings.get(i);
        String syllable = i == alternative ? r.get(1) : r.get(0);
        text.append(syllable);
        for (int j = 0; j < syllable.length(); j++) {
          exact.add(false);
          own.add(false);
        }
      } else {
        text.append(han.charAt(i));
        exact.add(!homophones);
        own.add(true);
      }
    }
    String spelled = text.toString();
    if (seen.add(spelled)) {
      boolean[] e = new boolean[exact.size()];
      boolean[] o = new boolean[own.size()];
      for (int i = 0; i < e.length; i++) {
        e[i] = exact.get(i);
        o[i] = own.get(i);
      }
      out.add(new Spelling(spelled, e, o));
    }
  }

  /** The term folded to simplified Han characters, or empty if it holds anything else. */
  private static String simplifiedHan(String text) {
    NormalizedView view = NormalizedView.of(text);
    StringBuilder out = new StringBuilder(view.length());
    for (int i = 0; i < view.length(); i++) {
      if (view.kind(i) != TextFolder.HAN || view.gapBefore(i) > 0) {
        return "";
      }
      out.append(view.charAt(i));
    }
    return out.toString();
  }

  private static void compile(
      Spelling spelling,
      @Nullable Term term,
      List<Entry> compiled,
      Map<String, List<Integer>> byKey) {
    String text = spelling.text();
    NormalizedView view = NormalizedView.of(text);
    int n = view.length();
    if (n == 0) {
      throw new InvalidInputException(
          term == null ? "allowList" : "lexicon",
          "'" + text + "' has no letters left after normalization");
    }
    byte[] runs = new byte[n];
    boolean[] boundary = new boolean[n];
    byte[] kinds = new byte[n];
    char[] exact = new char[n];
    char[] own = new char[n];
    char[] key = new char[n];
    for (int i = 0; i < n; i++) {
      runs[i] = (byte) Math.min(view.run(i), 2);
      boundary[i] = i > 0 && view.gapBefore(i) > 0;
      kinds[i] = view.kind(i);
      char c = view.charAt(i);
      key[i] = ChineseFolding.symbol(c);
      int at = view.start(i);
      if (kinds[i] == TextFolder.HAN && at < spelling.exactChars().length) {
        exact[i] = spelling.exactChars()[at] ? c : 0;
        own[i] = spelling.ownChars()[at] ? c : 0;
      }
    }
    byKey.computeIfAbsent(new String(key), x -> new ArrayList<>()).add(compiled.size());
    compiled.add(new Entry(term, runs, boundary, kinds, exact, own));
  }

  private static String fingerprint(List<Term> terms, List<String> allowList) {
    TreeSet<String> lines = new TreeSet<>();
    for (Term t : terms) {
      lines.add(
          "term\t"
              + t.text()
              + '\t'
              + t.category()
              + '\t'
              + t.action()
              + '\t'
              + String.join(",", new TreeSet<>(t.aliases()))
              + '\t'
              + (t.homophones() ? "" : "exact"));
    }
    for (String a : allowList) {
      lines.add("allow\t" + a);
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    // The matcher's own revision goes in too: the same rows compiled by a matcher that folds
    // differently do not moderate the same way.
    sha.update(("matcher " + MATCHER_REVISION + "\n").getBytes(StandardCharsets.UTF_8));
    for (String line : lines) {
      sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return terms.size() + "t-" + allowList.size() + "a-" + HexFormat.of().formatHex(sha.digest());
  }

  // Raised whenever a change to the matching changes what a given lexicon matches.
  private static final int MATCHER_REVISION = 3;

  /**
   * Finds every term occurrence in a text, in order of position.
   *
   * @param text the original text
   * @return the occurrences, allow-listed ones excluded
   */
  public List<TermMatch> find(String text) {
    NormalizedView view = NormalizedView.ofTransient(text);
    // The walk is inlined here rather than given a callback, and the lists are only made once
    // something is confirmed, so that a clean text (the common case) allocates nothing.
    List<int[]> hits = null;
    List<int[]> allows = List.of();
    DoubleArrayAutomaton automaton = this.automaton;
    char[] symbols = ChineseFolding.symbolTable();
    char[] chars = view.chars();
    int length = view.length();
    int state = 0;
    for (int end = 0; end < length; end++) {
      char c = chars[end];
      char s = symbols[c];
      state = automaton.next(state, s == 0 ? c : s);
      for (int o = automaton.firstOutput(state); o > 0; o = automaton.nextOutput(o)) {
        int key = automaton.keyAt(o);
        int start = end - automaton.keyLength(key) + 1;
        for (int e : keyEntries[key]) {
          if (confirm(entries[e], view, start, end)) {
            if (entries[e].isAllow()) {
              if (allows.isEmpty()) {
                allows = new ArrayList<>(2);
              }
              allows.add(new int[] {e, start, end});
            } else {
              if (hits == null) {
                hits = new ArrayList<>(2);
              }
              hits.add(new int[] {e, start, end});
            }
          }
        }
      }
    }
    if (hits == null) {
      return List.of();
    }
    List<TermMatch> matches = new ArrayList<>(hits.size());
    Set<String> reported = new HashSet<>();
    for (int[] hit : hits) {
      boolean allowed = false;
      for (int[] allow : allows) {
        allowed |= allow[1] <= hit[1] && hit[2] <= allow[2];
      }
      Entry entry = entries[hit[0]];
      Term term = Objects.requireNonNull(entry.term);
      int from = view.start(hit[1]);
      int to = view.end(hit[2]);
      if (allowed || !inWords(entry, view, text, hit[1], hit[2])) {
        continue;
      }
      // Two spellings of one term over one stretch are one occurrence.
      if (!reported.add(term.text() + '\t' + from + '\t' + to)) {
        continue;
      }
      boolean warning = hasHan(entry) && warns(text, from, to);
      matches.add(new TermMatch(term, new TextSpan(from, to), warning));
    }
    matches.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return matches;
  }

  private static boolean hasHan(Entry entry) {
    for (byte k : entry.kinds) {
      if (k == TextFolder.HAN) {
        return true;
      }
    }
    return false;
  }

  /**
   * The word-level checks of a Chinese occurrence, done only once the automaton and {@link
   * #confirm} found one (rare in clean text): it must not straddle a word boundary (特色|情调 is not
   * 色情), and a homophone spelling must not be an ordinary word itself (病毒 is not 冰毒).
   */
  private static boolean inWords(
      Entry entry, NormalizedView view, String text, int first, int last) {
    int n = last - first + 1;
    boolean hanStart = entry.kinds[0] == TextFolder.HAN;
    boolean hanEnd = entry.kinds[n - 1] == TextFolder.HAN;
    if (!hanStart && !hanEnd) {
      return true;
    }
    boolean homophone = false;
    boolean contiguous = true;
    int ownTotal = 0;
    int ownSame = 0;
    StringBuilder matched = new StringBuilder(n);
    for (int p = 0; p < n; p++) {
      int q = first + p;
      if (entry.kinds[p] != TextFolder.HAN) {
        contiguous = false;
        continue;
      }
      if (p > 0 && view.gapBefore(q) > 0) {
        contiguous = false;
      }
      matched.append(view.charAt(q));
      if (entry.own[p] != 0) {
        ownTotal++;
        if (view.charAt(q) == entry.own[p]) {
          ownSame++;
        } else {
          homophone = true;
        }
      }
    }
    if (homophone
        && contiguous
        && n >= 2
        && (ChineseFolding.isCommonWord(matched.toString())
            || inLongerWord(text, view.start(first), view.end(last)))) {
      return false;
    }
    // Two syllables alone are too likely by chance (about 400 toneless syllables, so any pair of
    // common characters sounds like some term of a large lexicon): a spelling of fewer than three
    // of the term's characters must keep at least one of them as written (瑟情, 睹场; 草泥马 may
    // change all three).
    if (ownTotal > 0 && ownSame == 0 && ownTotal < 3) {
      return false;
    }
    int from = view.start(first);
    int to = view.end(last);
    // Nothing to straddle (and no dictionary lookups) unless Han characters touch the
    // occurrence on both sides.
    boolean hanBefore =
        hanStart && from > 0 && TextFolder.kind(text.charAt(from - 1)) == TextFolder.HAN;
    boolean hanAfter =
        hanEnd && to < text.length() && TextFolder.kind(text.charAt(to)) == TextFolder.HAN;
    if (!hanBefore || !hanAfter) {
      return true;
    }
    // A dictionary boundary model rather than a full segmentation (which cost more than the
    // whole rest of a check): the occurrence begins inside a word when a dictionary word of two or
    // three characters runs from before it into it (not over all of it), and ends inside one when
    // a word runs from inside it past its end; it straddles when both hold.
    int left = clauseStart(text, from);
    int right = clauseEnd(text, to);
    String clause = simplified(text, left, right);
    int a = from - left;
    int b = to - left;
    return !(startsInsideWord(clause, a, b) && endsInsideWord(clause, a, b));
  }

  /**
   * Whether a homophone spelling is part of a longer dictionary word written around it (博采 in
   * 博采众长): then the text writes that word, whatever the frequency of the spelling alone.
   */
  private static boolean inLongerWord(String text, int from, int to) {
    for (int start = Math.max(0, from - 2); start <= from; start++) {
      for (int end = to; end <= Math.min(text.length(), to + 2); end++) {
        if ((start < from || end > to) && end - start <= 4 && allHan(text, start, end)) {
          if (ChineseFolding.isDictionaryWord(simplified(text, start, end))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean allHan(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (TextFolder.kind(text.charAt(i)) != TextFolder.HAN) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a dictionary word of 2–3 characters starts before {@code a} and ends before {@code b}.
   */
  private static boolean startsInsideWord(String clause, int a, int b) {
    for (int start = Math.max(0, a - 2); start < a; start++) {
      for (int end = a + 1; end < b && end <= start + 3; end++) {
        if (ChineseFolding.isDictionaryWord(clause.substring(start, end))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a dictionary word of 2–3 characters starts after {@code a} and ends after {@code b}.
   */
  private static boolean endsInsideWord(String clause, int a, int b) {
    for (int start = Math.max(a + 1, b - 2); start < b; start++) {
      for (int end = b + 1; end <= clause.length() && end <= start + 3; end++) {
        if (ChineseFolding.isDictionaryWord(clause.substring(start, end))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean warns(String text, int from, int to) {
    int left = clauseStart(text, from);
    int right = clauseEnd(text, to);
    return ChineseFolding.warns(simplified(text, left, from), simplified(text, to, right));
  }

  private static int clauseStart(String text, int from) {
    int i = from;
    while (i > 0 && from - i < CLAUSE_REACH && !isClauseBreak(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int clauseEnd(String text, int to) {
    int i = to;
    while (i < text.length() && i - to < CLAUSE_REACH && !isClauseBreak(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isClauseBreak(char c) {
    return TextFolder.kind(c) == TextFolder.HARD || "，。！？；：,.!?;:\n".indexOf(c) >= 0;
  }

  private static String simplified(String text, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      out.append(TextFolder.kind(c) == TextFolder.HAN ? TextFolder.fold(c) : c);
    }
    return out.toString();
  }

  /**
   * Whether a text contains any term (allow-list respected).
   *
   * @param text the original text
   * @return true if {@link #find} would return something
   */
  public boolean containsAny(String text) {
    return !find(text).isEmpty();
  }

  private static boolean confirm(Entry entry, NormalizedView view, int start, int end) {
    int n = view.length();
    for (int p = 0; p <= end - start; p++) {
      int q = start + p;
      int run = view.run(q);
      int want = entry.runs[p];
      if (run != want
          && !(run >= 3 && run >= want)
          && !(run == 2 && want == 1 && strayDouble(view, q))) {
        return false;
      }
      char exact = entry.exact[p];
      if (exact != 0 && view.charAt(q) != exact) {
        return false;
      }
      if (p > 0) {
        int gap = view.gapBefore(q);
        if (gap > 0) {
          boolean hanPair =
              entry.kinds[p] == TextFolder.HAN && entry.kinds[p - 1] == TextFolder.HAN;
          if (gap > MAX_INNER_GAP) {
            return false;
          }
          if (view.hardBefore(q)
              && !(hanPair && (view.segment(q - 1) == 1 || view.segment(q) == 1))) {
            // Punctuation between two characters of a term only when they are spread out, one of
            // them standing alone (枪，支，出售), not across two words of a sentence (景色，情意).
            return false;
          }
          boolean latinPair =
              entry.kinds[p] == TextFolder.LATIN && entry.kinds[p - 1] == TextFolder.LATIN;
          if (latinPair
              && !entry.boundaryBefore[p]
              && (view.segment(q - 1) != 1 || view.segment(q) != 1)) {
            return false;
          }
        }
      }
    }
    if (entry.isAllow()) {
      return true;
    }
    if (entry.kinds[0] == TextFolder.LATIN
        && start > 0
        && view.gapBefore(start) == 0
        && view.kind(start - 1) == TextFolder.LATIN) {
      return false;
    }
    int last = end - start;
    return entry.kinds[last] != TextFolder.LATIN
        || end + 1 >= n
        || view.gapBefore(end + 1) != 0
        || view.kind(end + 1) != TextFolder.LATIN;
  }

  /**
   * Whether a doubled letter of the text is one English spelling would not double there, so that it
   * may stand for a single letter of a term ({@code fuuck}, {@code fucck}, {@code escorrt}), while
   * a double that English writes ({@code Cassino}, {@code passion}) still only matches a double: a
   * doubled {@code a}, {@code i} or {@code u} (English doubles e and o, hardly these), or a doubled
   * consonant right before another consonant of the same word (English doubles a consonant between
   * vowels or at the end of a word: {@code rrt} and {@code cck} are not English).
   */
  private static boolean strayDouble(NormalizedView view, int q) {
    char c = view.charAt(q);
    if (c == 'a' || c == 'i' || c == 'u') {
      return true;
    }
    if (isVowel(c) || q + 1 >= view.length()) {
      return false;
    }
    return view.gapBefore(q + 1) == 0
        && view.kind(q + 1) == TextFolder.LATIN
        && !isVowel(view.charAt(q + 1));
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }

  /**
   * The terms.
   *
   * @return the terms, in the order given
   */
  public List<Term> terms() {
    return terms;
  }

  /**
   * The allow-list.
   *
   * @return the phrases
   */
  public List<String> allowList() {
    return allowList;
  }

  /**
   * How many terms.
   *
   * @return the count
   */
  public int size() {
    return terms.size();
  }

  /**
   * A fingerprint of the content: term and phrase counts and a hash of the sorted entries. Equal
   * content gives an equal version.
   *
   * @return e.g. {@code 27t-5a-8c3f...}
   */
  public String version() {
    return version;
  }

  @Override
  public String toString() {
    return "TermLexicon[" + version + "]";
  }

  /**
   * An empty lexicon.
   *
   * @return a lexicon without terms
   */
  public static TermLexicon empty() {
    return builder().build();
  }

  /**
   * Starts a lexicon.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a lexicon in the tab-separated format: a header line {@code term category action [aliases
   * [options]]}, then one term per line with action {@code block} or {@code review}, an optional
   * fourth column of comma-separated aliases (short forms matched as whole words, {@code sb} for
   * 傻逼) and an optional fifth column of options ({@code exact}: no homophones for this term); blank
   * lines and lines starting with {@code #} are skipped; in a term, a backslash escapes {@code \t},
   * {@code \n} and {@code \\}. The allow-list has one phrase per line.
   *
   * <p>A file with a bad row is refused whole: a missing column, an unknown action or option, an
   * empty term, a term or phrase that folds to nothing, or a term given twice with two actions.
   *
   * @param lexicon the terms
   * @param allowList the allow-list
   * @return the compiled lexicon
   * @throws LexiconFormatException naming the line of the first bad row
   */
  public static TermLexicon read(Reader lexicon, Reader allowList) {
    return read(lexicon, "lexicon.tsv", allowList, "allow.txt");
  }

  /**
   * Reads a lexicon as {@link #read(Reader, Reader)} does, naming the files in errors.
   *
   * @param lexicon the terms
   * @param lexiconName the terms file's name, used in error messages
   * @param allowList the allow-list
   * @param allowName the allow-list file's name, used in error messages
   * @return the compiled lexicon
   * @throws LexiconFormatException naming {@code file:line} of the first bad row
   */
  public static TermLexicon read(
      Reader lexicon, String lexiconName, Reader allowList, String allowName) {
    Builder builder = builder();
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    try {
      BufferedReader terms = new BufferedReader(lexicon);
      int lineNo = 0;
      for (String line = terms.readLine(); line != null; line = terms.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#") || lineNo == 1 && line.startsWith("term\t")) {
          continue;
        }
        Term term = parseRow(line, lexiconName, lineNo);
        Term earlier = builder.terms.get(term.text());
        if (earlier != null && earlier.action() != term.action()) {
          throw new LexiconFormatException(
              lexiconName,
              lineNo,
              "term '"
                  + term.text()
                  + "' is "
                  + term.action().name().toLowerCase(Locale.ROOT)
                  + " here but "
                  + earlier.action().name().toLowerCase(Locale.ROOT)
                  + " on line "
                  + firstLine.get(term.text()));
        }
        firstLine.putIfAbsent(term.text(), lineNo);
        checkFolds(term.text(), lexiconName, lineNo, "term");
        for (String alias : term.aliases()) {
          checkFolds(alias, lexiconName, lineNo, "alias");
        }
        builder.add(term);
      }
      BufferedReader allow = new BufferedReader(allowList);
      lineNo = 0;
      for (String line = allow.readLine(); line != null; line = allow.readLine()) {
        lineNo++;
        if (!line.isBlank() && !line.startsWith("#")) {
          String phrase = unescape(line.strip());
          checkFolds(phrase, allowName, lineNo, "phrase");
          builder.allow(phrase);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lexicon", e);
    }
    return builder.build();
  }

  private static Term parseRow(String line, String source, int lineNo) {
    String[] cols = line.split("\t", -1);
    if (cols.length < 3) {
      throw new LexiconFormatException(
          source,
          lineNo,
          "needs at least 3 tab-separated columns (term, category, action), has " + cols.length);
    }
    if (cols.length > 5) {
      throw new LexiconFormatException(
          source, lineNo, "has " + cols.length + " columns, at most 5 are defined");
    }
    String text = unescape(cols[0]).strip();
    if (text.isEmpty()) {
      throw new LexiconFormatException(source, lineNo, "the term is empty");
    }
    if (cols[1].isBlank()) {
      throw new LexiconFormatException(source, lineNo, "the category of '" + text + "' is empty");
    }
    TermAction action;
    try {
      action = TermAction.valueOf(cols[2].strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new LexiconFormatException(
          source, lineNo, "action must be block or review, was '" + cols[2] + "'");
    }
    List<String> aliases = new ArrayList<>();
    if (cols.length > 3 && !cols[3].isBlank()) {
      for (String alias : cols[3].split(",", -1)) {
        if (alias.isBlank()) {
          throw new LexiconFormatException(
              source, lineNo, "empty alias in '" + cols[3] + "' (aliases are comma-separated)");
        }
        aliases.add(alias.strip());
      }
    }
    boolean homophones = true;
    if (cols.length > 4 && !cols[4].isBlank()) {
      for (String option : cols[4].split(",", -1)) {
        if (option.strip().equals("exact")) {
          homophones = false;
        } else {
          throw new LexiconFormatException(
              source, lineNo, "unknown option '" + option.strip() + "' (known: exact)");
        }
      }
    }
    return new Term(text, cols[1], action, aliases, homophones);
  }

  private static void checkFolds(String text, String source, int lineNo, String what) {
    if (NormalizedView.of(text).length() == 0) {
      throw new LexiconFormatException(
          source,
          lineNo,
          what + " '" + text + "' has no letters left after normalization (only separators)");
    }
  }

  /**
   * Parses a lexicon held in strings (see {@link #read(Reader, Reader)}).
   *
   * @param lexiconTsv the terms
   * @param allowList the allow-list
   * @return the compiled lexicon
   */
  public static TermLexicon parse(String lexiconTsv, String allowList) {
    return read(new StringReader(lexiconTsv), new StringReader(allowList));
  }

  /**
   * Layers a district's lexicon over a city-wide one: the result holds every city term and allow
   * phrase plus the district's. A district may add terms, aliases and allow phrases and may make a
   * city {@code review} term {@code block}; it may not lower a city {@code block} term to {@code
   * review} (refused, rather than silently kept, so that the district learns its row has no
   * effect).
   *
   * @param city the city-wide lexicon
   * @param district the district's own lexicon
   * @return the compiled layered lexicon, with its own {@link #version()}
   * @throws InvalidInputException if the district lowers a city block term
   */
  public static TermLexicon layered(TermLexicon city, TermLexicon district) {
    Map<String, Term> cityTerms = new LinkedHashMap<>();
    for (Term t : city.terms()) {
      cityTerms.put(t.text(), t);
    }
    Builder builder = builder();
    city.terms().forEach(builder::add);
    for (Term t : district.terms()) {
      Term base = cityTerms.get(t.text());
      if (base != null && base.action() == TermAction.BLOCK && t.action() == TermAction.REVIEW) {
        throw new InvalidInputException(
            "district lexicon",
            "term '"
                + t.text()
                + "' is block in the city lexicon; a district cannot lower it to review");
      }
      if (base != null) {
        List<String> aliases = new ArrayList<>(base.aliases());
        aliases.addAll(t.aliases());
        builder.terms.put(
            t.text(),
            new Term(
                t.text(),
                base.category(),
                t.action() == TermAction.BLOCK ? TermAction.BLOCK : base.action(),
                aliases,
                base.homophones() && t.homophones()));
      } else {
        builder.add(t);
      }
    }
    city.allowList().forEach(builder::allow);
    district.allowList().forEach(builder::allow);
    return builder.build();
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Builds {@link TermLexicon}s. A term given twice keeps its strictest action. */
  public static final class Builder {
    private final Map<String, Term> terms = new LinkedHashMap<>();
    private final Map<String, String> allow = new TreeMap<>();

    private Builder() {}

    /**
     * Adds a term.
     *
     * @param term the term
     * @return this builder
     */
    public Builder add(Term term) {
      terms.merge(term.text(), term, (old, neu) -> old.action() == TermAction.BLOCK ? old : neu);
      return this;
    }

    /**
     * Adds a blocked term.
     *
     * @param text the term
     * @param category its category
     * @return this builder
     */
    public Builder block(String text, String category) {
      return add(new Term(text, category, TermAction.BLOCK));
    }

    /**
     * Adds a review-only term.
     *
     * @param text the term
     * @param category its category
     * @return this builder
     */
    public Builder review(String text, String category) {
      return add(new Term(text, category, TermAction.REVIEW));
    }

    /**
     * Adds an allow-list phrase: an innocent phrase containing a term, never flagged.
     *
     * @param phrase the phrase
     * @return this builder
     */
    public Builder allow(String phrase) {
      if (phrase == null || phrase.isBlank()) {
        throw new InvalidInputException("allowList", "phrases must not be blank");
      }
      allow.put(phrase.strip(), phrase.strip());
      return this;
    }

    /**
     * Compiles the lexicon.
     *
     * @return the lexicon
     * @throws InvalidInputException if a term has no letters after normalization
     */
    public TermLexicon build() {
      return new TermLexicon(new ArrayList<>(terms.values()), new ArrayList<>(allow.values()));
    }
  }
}
