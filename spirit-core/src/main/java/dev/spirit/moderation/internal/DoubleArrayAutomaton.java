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
 */
public final class DoubleArrayAutomaton {
  private static final int FREE = -1;

  private final char[] code;
  private final int[] base;
  private final int[] check;
  private final int[] fail;
  private final int[] output;
  private final int[] dictLink;
  private final int[] keyLength;

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
    int[] b = layout.base;
    int[] chk = layout.check;
    base = Arrays.copyOf(b, used);
    check = Arrays.copyOf(chk, used);
    fail = new int[used];
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
          while ((g = step(f, c)) < 0 && f != 0) {
            f = fail[f];
          }
          fail[t] = g < 0 ? 0 : g;
        }
        queue.add(kid);
      }
    }
    // Dictionary links need the outputs of shallower states, so a second breadth-first pass.
    queue.add(root);
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      int s = node.state;
      if (s != 0) {
        int f = fail[s];
        dictLink[s] = output[f] >= 0 ? f : dictLink[f];
      }
      for (int i = 0; i < node.size; i++) {
        queue.add(node.kids[i]);
      }
    }
  }

  private int step(int s, int c) {
    int t = base[s] + c;
    return t < check.length && check[t] == s ? t : -1;
  }

  /**
   * Number of states.
   *
   * @return states
   */
  public int states() {
    return base.length;
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
   * Finds every occurrence of every key in {@code text[0, length)}, overlapping ones included.
   *
   * @param text the characters
   * @param length how many to search
   * @param hits receives each occurrence
   */
  public void search(char[] text, int length, Hits hits) {
    char[] code = this.code;
    int[] base = this.base;
    int[] check = this.check;
    int[] fail = this.fail;
    int s = 0;
    for (int i = 0; i < length; i++) {
      int c = code[text[i]];
      if (c == 0) {
        s = 0;
        continue;
      }
      while (true) {
        int t = base[s] + c;
        if (t < check.length && check[t] == s) {
          s = t;
          break;
        }
        if (s == 0) {
          break;
        }
        s = fail[s];
      }
      int o = output[s] >= 0 ? s : dictLink[s];
      while (o > 0) {
        hits.hit(output[o], i);
        o = dictLink[o];
      }
    }
  }
}
