package dev.spirit.moderation.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An Aho–Corasick automaton over folded characters, stored as a double-array trie ({@code base},
 * {@code check}) with failure and dictionary-suffix links. Immutable and thread-safe once built.
 *
 * <p>Construction: (1) the keys are inserted into a pointer trie over a dense alphabet (each
 * distinct character of the keys gets a code from 1); (2) the trie is laid out breadth-first into
 * the double array, each state's children placed at {@code base[s] + code} by first fit; (3)
 * failure links are computed breadth-first, and each state's dictionary link points to the nearest
 * state on its failure chain where a key ends. Matching is one pass: per character one code lookup,
 * then one or more {@code base/check} probes, then the outputs along the dictionary chain.
 *
 * <p>Layout for speed: base, check, failure link and first output state of a state share one
 * 16-byte cell (one cache line per probe); the array is padded so that no probe needs a bounds
 * test; and for the 26 folded Latin letters every state has its complete transition precomputed
 * (failure links already followed: 104 bytes per state, about 4 MB for a 10,000-term lexicon),
 * because Latin text otherwise walks long failure chains. Han characters, too many for such a
 * table, take the goto transition, or the root's when the failure link is the root, computed side
 * by side and chosen with one branch (instead of three that the text makes hard to predict), and
 * walk the failure chain only in the remaining cases.
 */
public final class DoubleArrayAutomaton {
  private static final int FREE = -1;

  private final char[] code;
  // The matching path's per-state data interleaved, four ints per state (base, check, failure link,
  // first reporting state), so that one transition touches one cache line instead of four.
  private final int[] cells;
  private final int states;
  private final int[] output;
  private final int[] dictLink;
  private final int[] keyLength;
  // For the 26 folded Latin letters, the complete transition of every state (failure links already
  // followed): text in Latin script walks long failure chains otherwise, one dependent load and
  // one poorly predicted branch per link.
  private final int[] latin;

  private static final int LATIN_LETTERS = 26;
  private static final int BASE = 0;
  private static final int CHECK = 1;
  private static final int FAIL = 2;
  private static final int REPORT = 3;

  /** Receives matches: a key and the index of its last character. */
  @FunctionalInterface
  public interface Hits {
    /**
     * Called for each occurrence of a key.
     *
     * @param key the key's index in the list given at construction
     * @param end index of the key's last character in the searched text
     */
    void hit(int key, int end);
  }

  private static final class Node {
    int[] codes = new int[2];
    Node[] kids = new Node[2];
    int size;
    int key = -1;
    int state;

    java.util.@Nullable HashMap<Integer, Node> index;

    @Nullable Node child(int c) {
      if (index != null) {
        return index.get(c);
      }
      for (int i = 0; i < size; i++) {
        if (codes[i] == c) {
          return kids[i];
        }
      }
      return null;
    }

    Node add(int c) {
      if (size == codes.length) {
        codes = Arrays.copyOf(codes, size * 2);
        kids = Arrays.copyOf(kids, size * 2);
      }
      Node n = new Node();
      codes[size] = c;
      kids[size] = n;
      size++;
      if (index != null) {
        index.put(c, n);
      } else if (size > 16) {
        index = new java.util.HashMap<>();
        for (int i = 0; i < size; i++) {
          index.put(codes[i], kids[i]);
        }
      }
      return n;
    }

    void sort() {
      if (size < 2) {
        return;
      }
      long[] packed = new long[size];
      for (int i = 0; i < size; i++) {
        packed[i] = ((long) codes[i] << 32) | i;
      }
      Arrays.sort(packed);
      int[] sortedCodes = new int[codes.length];
      Node[] sortedKids = new Node[kids.length];
      for (int i = 0; i < size; i++) {
        sortedCodes[i] = (int) (packed[i] >>> 32);
        sortedKids[i] = kids[(int) packed[i]];
      }
      codes = sortedCodes;
      kids = sortedKids;
    }
  }

  /**
   * The double array under construction, with a union-find "next free cell" index so that finding
   * the first free cell at or after a position is amortised near-constant time.
   */
  private static final class Layout {
    int[] base;
    int[] check;
    int[] nextFree;
    int used = 1;

    Layout(int capacity) {
      base = new int[capacity];
      check = new int[capacity];
      nextFree = new int[capacity + 1];
      Arrays.fill(check, FREE);
      for (int i = 0; i <= capacity; i++) {
        nextFree[i] = i;
      }
    }

    void ensure(int size) {
      if (size <= check.length) {
        return;
      }
      int old = check.length;
      int grown = Math.max(size, old * 2);
      base = Arrays.copyOf(base, grown);
      check = Arrays.copyOf(check, grown);
      Arrays.fill(check, old, grown, FREE);
      nextFree = Arrays.copyOf(nextFree, grown + 1);
      for (int i = old + 1; i <= grown; i++) {
        nextFree[i] = i;
      }
    }

    int firstFree(int from) {
      ensure(from + 2);
      int root = from;
      while (nextFree[root] != root) {
        root = nextFree[root];
        if (root >= check.length) {
          ensure(root + 2);
        }
      }
      int x = from;
      while (nextFree[x] != root) {
        int next = nextFree[x];
        nextFree[x] = root;
        x = next;
      }
      if (root >= check.length) {
        ensure(root + 2);
      }
      return root;
    }

    void occupy(int cell, int parent) {
      ensure(cell + 2);
      check[cell] = parent;
      nextFree[cell] = cell + 1;
      used = Math.max(used, cell + 1);
    }
  }

  /**
   * Builds the automaton.
   *
   * @param keys distinct, non-empty keys
   */
  public DoubleArrayAutomaton(List<String> keys) {
    code = new char[65536];
    int alphabet = 0;
    Node root = new Node();
    keyLength = new int[keys.size()];
    int nodes = 1;
    for (int k = 0; k < keys.size(); k++) {
      String key = keys.get(k);
      keyLength[k] = key.length();
      Node node = root;
      for (int i = 0; i < key.length(); i++) {
        char ch = key.charAt(i);
        if (code[ch] == 0) {
          if (alphabet == Character.MAX_VALUE - 1) {
            throw new IllegalArgumentException("too many distinct characters in the keys");
          }
          code[ch] = (char) ++alphabet;
        }
        Node next = node.child(code[ch]);
        if (next == null) {
          next = node.add(code[ch]);
          nodes++;
        }
        node = next;
      }
      node.key = k;
    }
    Layout layout = new Layout(Math.max(1024, nodes * 2 + alphabet + 1));
    layout.occupy(0, 0);
    ArrayDeque<Node> queue = new ArrayDeque<>();
    root.state = 0;
    queue.add(root);
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      if (node.size == 0) {
        continue;
      }
      node.sort();
      int first = node.codes[0];
      int last = node.codes[node.size - 1];
      int pos = layout.firstFree(first + 1);
      int baseValue;
      while (true) {
        baseValue = pos - first;
        layout.ensure(baseValue + last + 2);
        boolean fits = true;
        for (int i = 1; i < node.size; i++) {
          if (layout.check[baseValue + node.codes[i]] != FREE) {
            fits = false;
            break;
          }
        }
        if (fits) {
          break;
        }
        pos = layout.firstFree(pos + 1);
      }
      layout.base[node.state] = baseValue;
      for (int i = 0; i < node.size; i++) {
        int t = baseValue + node.codes[i];
        layout.occupy(t, node.state);
        node.kids[i].state = t;
        queue.add(node.kids[i]);
      }
    }
    int used = layout.used;
    int[] base = Arrays.copyOf(layout.base, used);
    int[] check = Arrays.copyOf(layout.check, used);
    int[] fail = new int[used];
    output = new int[used];
    dictLink = new int[used];
    Arrays.fill(output, -1);
    Arrays.fill(dictLink, -1);
    // Failure links, breadth-first.
    queue.add(root);
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      int s = node.state;
      output[s] = node.key;
      for (int i = 0; i < node.size; i++) {
        Node kid = node.kids[i];
        int c = node.codes[i];
        int t = kid.state;
        if (s == 0) {
          fail[t] = 0;
        } else {
          int f = fail[s];
          int g;
          while ((g = step(base, check, f, c)) < 0 && f != 0) {
            f = fail[f];
          }
          fail[t] = g < 0 ? 0 : g;
        }
        queue.add(kid);
      }
    }
    // Dictionary links and the Latin transitions need the results of shallower states, so a
    // second breadth-first pass.
    boolean anyLatin = false;
    for (char letter = 'a'; letter <= 'z'; letter++) {
      anyLatin |= code[letter] != 0;
    }
    latin = new int[anyLatin ? used * LATIN_LETTERS : 0];
    int[] letterOfCode = new int[alphabet + 1];
    Arrays.fill(letterOfCode, -1);
    for (int letter = 0; letter < LATIN_LETTERS; letter++) {
      if (code['a' + letter] != 0) {
        letterOfCode[code['a' + letter]] = letter;
      }
    }
    queue.add(root);
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      int s = node.state;
      if (s != 0) {
        int f = fail[s];
        dictLink[s] = output[f] >= 0 ? f : dictLink[f];
      }
      if (anyLatin) {
        // The failure state's row (complete, being shallower), overridden by this state's own
        // Latin children; the root's row is all root except for its children.
        if (s != 0) {
          System.arraycopy(latin, fail[s] * LATIN_LETTERS, latin, s * LATIN_LETTERS, LATIN_LETTERS);
        }
        for (int i = 0; i < node.size; i++) {
          int letter = letterOfCode[node.codes[i]];
          if (letter >= 0) {
            latin[s * LATIN_LETTERS + letter] = node.kids[i].state;
          }
        }
      }
      for (int i = 0; i < node.size; i++) {
        queue.add(node.kids[i]);
      }
    }
    states = used;
    // Padded so that base + code of any state and any code is a cell: no bounds test on the
    // matching path (the padding's check is FREE, which no state equals).
    int maxBase = 0;
    for (int s = 0; s < used; s++) {
      maxBase = Math.max(maxBase, base[s]);
    }
    int cellCount = Math.max(used, maxBase + alphabet + 1);
    cells = new int[cellCount * 4];
    for (int s = 0; s < cellCount; s++) {
      if (s < used) {
        cells[4 * s + BASE] = base[s];
        cells[4 * s + CHECK] = check[s];
        cells[4 * s + FAIL] = fail[s];
        cells[4 * s + REPORT] = output[s] >= 0 ? s : dictLink[s];
      } else {
        cells[4 * s + CHECK] = FREE;
        cells[4 * s + REPORT] = -1;
      }
    }
  }

  private static int step(int[] base, int[] check, int s, int c) {
    int t = base[s] + c;
    return t < check.length && check[t] == s ? t : -1;
  }

  /**
   * Number of states.
   *
   * @return states
   */
  public int states() {
    return states;
  }

  /**
   * Length of a key.
   *
   * @param key its index
   * @return its length in characters
   */
  public int keyLength(int key) {
    return keyLength[key];
  }

  /**
   * The state after reading one character: the goto transition, following failure links where there
   * is none. Together with {@link #firstOutput}, {@link #nextOutput} and {@link #keyAt} this lets a
   * caller walk a text without a callback.
   *
   * @param state the current state (0, the root, before the first character)
   * @param ch the next character
   * @return the next state
   */
  public int next(int state, char ch) {
    int letter = ch - 'a';
    if (letter >= 0 && letter < LATIN_LETTERS && latin.length > 0) {
      return latin[state * LATIN_LETTERS + letter];
    }
    int c = code[ch];
    int[] cells = this.cells;
    // The common case without branches that depend on the text (they mispredict often): the goto
    // transition of the state if it has one, else that of the root if the state's failure link is
    // the root. A character outside the keys' alphabet (code 0) matches no check: the root.
    int t = cells[4 * state + BASE] + c;
    int fromRoot = cells[BASE] + c;
    int viaRoot = cells[4 * fromRoot + CHECK] == 0 && c != 0 ? fromRoot : 0;
    boolean hasDirect = cells[4 * t + CHECK] == state;
    int s = cells[4 * state + FAIL];
    int simple = hasDirect ? t : viaRoot;
    // Non-short-circuit: one well-predicted branch instead of three poorly predicted ones.
    if (hasDirect | s == 0 | c == 0) {
      return simple;
    }
    while (true) {
      t = cells[4 * s + BASE] + c;
      if (cells[4 * t + CHECK] == s) {
        return t;
      }
      if (s == 0) {
        return 0;
      }
      s = cells[4 * s + FAIL];
    }
  }

  /**
   * The first state on the dictionary chain of {@code state} where a key ends (the state itself if
   * one ends there).
   *
   * @param state a state
   * @return that state, or a value &le; 0 if no key ends at this position
   */
  public int firstOutput(int state) {
    return cells[4 * state + REPORT];
  }

  /**
   * The next state on the dictionary chain where a key ends.
   *
   * @param outputState a state returned by {@link #firstOutput} or this method
   * @return that state, or a value &le; 0 if there is none
   */
  public int nextOutput(int outputState) {
    return dictLink[outputState];
  }

  /**
   * The key that ends at an output state.
   *
   * @param outputState a state returned by {@link #firstOutput} or {@link #nextOutput}
   * @return the key's index in the list given at construction
   */
  public int keyAt(int outputState) {
    return output[outputState];
  }

  /**
   * Finds every occurrence of every key in {@code text[0, length)}, overlapping ones included.
   *
   * @param text the characters
   * @param length how many to search
   * @param hits receives each occurrence
   */
  public void search(char[] text, int length, Hits hits) {
    int s = 0;
    for (int i = 0; i < length; i++) {
      s = next(s, text[i]);
      for (int o = firstOutput(s); o > 0; o = nextOutput(o)) {
        hits.hit(output[o], i);
      }
    }
  }
}
