package dev.spirit.io.internal;

import dev.spirit.io.UnreadableInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns import bytes into text strictly: a byte sequence that is not valid in the encoding fails
 * with the line it is on instead of becoming replacement characters. Without a given encoding it
 * detects one: UTF-8 if the first non-ASCII bytes (and the 4 KiB after them) are valid UTF-8,
 * otherwise GB18030, the superset of GBK and GB2312 in which Chinese spreadsheets save CSV. A UTF-8
 * byte-order mark is skipped and means UTF-8.
 */
public final class Decoding {
  /** GB18030: the mandatory Chinese encoding, a superset of GBK. */
  public static final Charset GB18030 = Charset.forName("GB18030");

  // How far detection looks for a first non-ASCII byte; a file that is ASCII for longer is read
  // as UTF-8 (ASCII is the same in both), and a GBK byte after that fails strictly with its line.
  private static final int SNIFF_LIMIT = 1 << 20;
  private static final int SNIFF_AFTER = 4096;

  private Decoding() {}

  /**
   * The encoding a reader uses.
   *
   * @param charset the encoding
   * @param detected true if detected, false if given
   */
  public record Chosen(Charset charset, boolean detected) {}

  /**
   * A reader over the bytes.
   *
   * @param source the input's name, for errors
   * @param raw the bytes
   * @param given the encoding to use, or empty to detect one
   * @return the reader and the encoding it uses
   * @throws IOException if reading fails
   */
  public static Opened open(String source, InputStream raw, Optional<Charset> given)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
    Chosen chosen =
        given.isPresent() ? new Chosen(given.get(), false) : new Chosen(detect(in), true);
    if (chosen.charset().equals(StandardCharsets.UTF_8)) {
      skipUtf8Bom(in);
    }
    return new Opened(new StrictReader(source, in, chosen.charset()), chosen);
  }

  /**
   * A reader and its encoding.
   *
   * @param reader the text
   * @param chosen the encoding
   */
  public record Opened(Reader reader, Chosen chosen) {}

  private static void skipUtf8Bom(BufferedInputStream in) throws IOException {
    in.mark(3);
    byte[] head = in.readNBytes(3);
    if (!(head.length == 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF)) {
      in.reset();
    }
  }

  static Charset detect(BufferedInputStream in) throws IOException {
    in.mark(SNIFF_LIMIT + SNIFF_AFTER);
    try {
      byte[] head = in.readNBytes(SNIFF_LIMIT);
      int firstNonAscii = -1;
      for (int i = 0; i < head.length; i++) {
        if (head[i] < 0) {
          firstNonAscii = i;
          break;
        }
      }
      if (firstNonAscii < 0) {
        return StandardCharsets.UTF_8;
      }
      int end = Math.min(head.length, firstNonAscii + SNIFF_AFTER);
      byte[] more = end == head.length ? in.readNBytes(SNIFF_AFTER) : new byte[0];
      ByteBuffer window = ByteBuffer.allocate(end - firstNonAscii + more.length);
      window.put(head, firstNonAscii, end - firstNonAscii).put(more).flip();
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      CharBuffer out = CharBuffer.allocate(window.remaining() + 1);
      // Not end of input: a sequence cut at the window's edge is not an error.
      CoderResult r = utf8.decode(window, out, false);
      return r.isError() ? GB18030 : StandardCharsets.UTF_8;
    } finally {
      in.reset();
    }
  }

  /** Decodes strictly, knowing the line of every character it hands out. */
  static final class StrictReader extends Reader {
    private final String source;
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private long newlines;
    private boolean eof;
    private boolean flushed;
    private boolean failed;

    StrictReader(String source, InputStream in, Charset charset) {
      this.source = source;
      this.in = in;
      this.decoder =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!chars.hasRemaining() && !fill()) {
        return -1;
      }
      int n = Math.min(len, chars.remaining());
      chars.get(cbuf, off, n);
      count(cbuf, off, n);
      return n;
    }

    /** Decodes more text into {@code chars}; false at the end of input. */
    private boolean fill() throws IOException {
      if (failed) {
        throw undecodable();
      }
      chars.clear();
      try {
        while (true) {
          CoderResult r = flushed ? CoderResult.UNDERFLOW : decoder.decode(bytes, chars, eof);
          if (r.isError()) {
            failed = true;
            if (chars.position() > 0) {
              return true; // hand out the good text first; the next fill fails
            }
            throw undecodable();
          }
          if (eof && !flushed && r.isUnderflow()) {
            decoder.flush(chars);
            flushed = true;
          }
          if (chars.position() > 0) {
            return true;
          }
          if (flushed) {
            return false;
          }
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            eof = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
        }
      } finally {
        chars.flip();
      }
    }

    private void count(char[] cbuf, int off, int n) {
      for (int i = off; i < off + n; i++) {
        if (cbuf[i] == '\n') {
          newlines++;
        }
      }
    }

    private UnreadableInputException undecodable() {
      return new UnreadableInputException(
          source,
          newlines + 1,
          "bytes that are not valid "
              + decoder.charset().name()
              + "; give the file's encoding (e.g. GB18030 for GBK files) or save it as UTF-8");
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
