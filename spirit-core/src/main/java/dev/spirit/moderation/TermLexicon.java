package dev.spirit.moderation;

import dev.spirit.error.InvalidInputException;
import dev.spirit.moderation.internal.DoubleArrayAutomaton;
import dev.spirit.moderation.internal.NormalizedView;
import dev.spirit.moderation.internal.TextFolder;
import dev.spirit.submission.TextSpan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 *   <li>a term occurrence inside an occurrence of an allow-list phrase ({@code 垃圾分类}) is dropped;
 *   <li>spans are reported in the original text, separators and evasions included.
 * </ol>
 */
public final class TermLexicon {
  private static final int MAX_INNER_GAP = 3;

  private final List<Term> terms;
  private final List<String> allowList;
  private final Entry[] entries;
  private final int[][] keyEntries;
  private final DoubleArrayAutomaton automaton;
  private final String version;

  /** A compiled term or allow phrase. */
  private static final class Entry {
    final @Nullable Term term; // null for an allow phrase
    final byte[] runs;
    final boolean[] boundaryBefore;
    final byte[] kinds;

    Entry(@Nullable Term term, byte[] runs, boolean[] boundaryBefore, byte[] kinds) {
      this.term = term;
      this.runs = runs;
      this.boundaryBefore = boundaryBefore;
      this.kinds = kinds;
    }

    boolean isAllow() {
      return term == null;
    }
  }

  private TermLexicon(List<Term> terms, List<String> allowList) {
    this.terms = List.copyOf(terms);
    this.allowList = List.copyOf(allowList);
    List<Entry> compiled = new ArrayList<>();
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    for (Term term : terms) {
      compile(term.text(), term, compiled, byKey);
    }
    for (String phrase : allowList) {
      compile(phrase, null, compiled, byKey);
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

  private static void compile(
      String text, @Nullable Term term, List<Entry> compiled, Map<String, List<Integer>> byKey) {
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
    for (int i = 0; i < n; i++) {
      runs[i] = (byte) Math.min(view.run(i), 2);
      boundary[i] = i > 0 && view.gapBefore(i) > 0;
      kinds[i] = view.kind(i);
    }
    String key = view.toString();
    byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(compiled.size());
    compiled.add(new Entry(term, runs, boundary, kinds));
  }

  private static String fingerprint(List<Term> terms, List<String> allowList) {
    long h = 0xcbf29ce484222325L;
    TreeSet<String> lines = new TreeSet<>();
    for (Term t : terms) {
      lines.add(t.text() + '\t' + t.category() + '\t' + t.action());
    }
    for (String a : allowList) {
      lines.add("allow\t" + a);
    }
    for (String line : lines) {
      for (int i = 0; i < line.length(); i++) {
        h ^= line.charAt(i);
        h *= 0x100000001b3L;
      }
      h ^= '\n';
      h *= 0x100000001b3L;
    }
    return terms.size() + "t-" + allowList.size() + "a-" + Long.toHexString(h);
  }

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
    char[] chars = view.chars();
    int length = view.length();
    int state = 0;
    for (int end = 0; end < length; end++) {
      state = automaton.next(state, chars[end]);
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
    for (int[] hit : hits) {
      boolean allowed = false;
      for (int[] allow : allows) {
        allowed |= allow[1] <= hit[1] && hit[2] <= allow[2];
      }
      if (!allowed) {
        matches.add(
            new TermMatch(
                Objects.requireNonNull(entries[hit[0]].term),
                new TextSpan(view.start(hit[1]), view.end(hit[2]))));
      }
    }
    matches.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
    return matches;
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
      if (run != want && !(run >= 3 && run >= want)) {
        return false;
      }
      if (p > 0) {
        int gap = view.gapBefore(q);
        if (gap > 0) {
          if (gap > MAX_INNER_GAP || view.hardBefore(q)) {
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
   * Reads a lexicon in the tab-separated format: a header line {@code term category action}, then
   * one term per line with action {@code block} or {@code review}; blank lines and lines starting
   * with {@code #} are skipped; in a term, a backslash escapes {@code \t}, {@code \n} and {@code
   * \\}. The allow-list has one phrase per line.
   *
   * @param lexicon the terms
   * @param allowList the allow-list
   * @return the compiled lexicon
   * @throws InvalidInputException naming the line of a malformed entry
   */
  public static TermLexicon read(Reader lexicon, Reader allowList) {
    Builder builder = builder();
    try {
      BufferedReader terms = new BufferedReader(lexicon);
      int lineNo = 0;
      for (String line = terms.readLine(); line != null; line = terms.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#") || lineNo == 1 && line.startsWith("term\t")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length < 3) {
          throw new InvalidInputException(
              "lexicon line " + lineNo, "needs 3 tab-separated columns, has " + cols.length);
        }
        TermAction action;
        try {
          action = TermAction.valueOf(cols[2].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              "lexicon line " + lineNo, "action must be block or review, was '" + cols[2] + "'");
        }
        builder.add(new Term(unescape(cols[0]), cols[1], action));
      }
      BufferedReader allow = new BufferedReader(allowList);
      for (String line = allow.readLine(); line != null; line = allow.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          builder.allow(unescape(line.strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lexicon", e);
    }
    return builder.build();
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
