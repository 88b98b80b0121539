package dev.spirit.storage.file;

import dev.spirit.campaign.CampaignId;
import dev.spirit.error.StorageException;
import dev.spirit.moderation.state.InMemoryModerationState;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.moderation.state.TextMark;
import dev.spirit.participant.ParticipantId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.CRC32C;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file store's {@link ModerationState}: an {@link InMemoryModerationState} (the decisions'
 * speed and atomicity) with a journal, {@code moderation-state.log}, from which it is rebuilt when
 * the store is opened, so a restart keeps the windows.
 *
 * <ul>
 *   <li><b>Journal.</b> One text line per call (the call's key, instant, window, keep and text
 *       mark) with a CRC32C; replayed in order on open, which rebuilds exactly the windows the
 *       calls built. A damaged or partial line (a torn write) is skipped with a warning. Each call
 *       and its line are one critical section, so the journal's order is the calls' order (the
 *       store has one process, {@link DirectoryLock}).
 *   <li><b>Durability.</b> Lines are written to the file as they happen and forced on close, on
 *       compaction and on erasure, not per call: a process crash loses nothing (the OS has the
 *       lines), a power loss may lose the last unforced lines, so a window restarts a little
 *       emptier; submissions are never affected (they are in the forced log).
 *   <li><b>Bounded.</b> On open, and whenever the journal has grown to twice its size after the
 *       last rewrite (and at least 16 MiB), it is rewritten (to a {@code .tmp} file, forced,
 *       renamed) without the lines whose window ended before the newest instant seen.
 *   <li><b>No personal data.</b> Subjects and owners are HMAC-SHA256 digests (128 bits) under a
 *       random key in {@code moderation-state.key}; texts are {@link TextMark}s (hashes). Erasure
 *       drops the participant's windows and texts from memory and rewrites the journal without
 *       their lines before it returns.
 * </ul>
 */
final class FileModerationState implements ModerationState, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FileModerationState.class);
  static final String JOURNAL = "moderation-state.log";
  static final String KEY = "moderation-state.key";
  private static final long MIN_COMPACTION_BYTES = 16L << 20;
  private static final long MAX_SECOND = Long.MAX_VALUE / 1_000_000_000L - 1;
  private static final StateKey.Kind[] KINDS = StateKey.Kind.values();

  private final Path directory;
  private final Path journal;
  private final byte[] secret;
  private final ThreadLocal<Mac> macs;
  private final InMemoryModerationState memory = new InMemoryModerationState();
  private @Nullable FileChannel channel;
  private long size;
  private long sizeAfterRewrite;
  private long newest = Long.MIN_VALUE;

  private FileModerationState(Path directory, byte[] secret) {
    this.directory = directory;
    this.journal = directory.resolve(JOURNAL);
    this.secret = secret;
    this.macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
                return mac;
              } catch (GeneralSecurityException e) {
                throw new StorageException("HmacSHA256 is not available in this JVM", e);
              }
            });
  }

  /** Opens (creating if needed) the state of a store directory, replaying and rewriting it. */
  static FileModerationState open(Path directory) throws IOException {
    FileModerationState state = new FileModerationState(directory, readOrCreateKey(directory));
    state.replay();
    state.rewrite(line -> true);
    return state;
  }

  private static byte[] readOrCreateKey(Path directory) throws IOException {
    Path file = directory.resolve(KEY);
    if (!Files.exists(file)) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      Path tmp = directory.resolve(KEY + ".tmp");
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        FileSupport.writeFully(
            out,
            ByteBuffer.wrap(HexFormat.of().formatHex(fresh).getBytes(StandardCharsets.US_ASCII)),
            0);
        out.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      FileSupport.forceDirectory(directory);
    }
    String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
    try {
      byte[] key = HexFormat.of().parseHex(hex);
      if (key.length < 16) {
        throw new IllegalArgumentException("too short");
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw new CorruptStoreException(
          file.toString(), 0, "the moderation-state key is not a hexadecimal key");
    }
  }

  // ---- the primitives -------------------------------------------------------------------------

  @Override
  public synchronized int countThenAdd(StateKey key, Instant now, Duration window, int keep) {
    StateKey hashed = hashed(key);
    int count = memory.countThenAdd(hashed, now, window, keep);
    append(line('c', hashed, null, now, window, keep, null));
    return count;
  }

  @Override
  public synchronized List<TextMark> recentThenAdd(
      StateKey key, Instant now, Duration window, int keep, TextMark mark) {
    StateKey hashed = hashed(key);
    TextMark owned = mark.ownedBy(ParticipantId.of(digest(mark.owner().value())));
    List<TextMark> recent = memory.recentThenAdd(hashed, now, window, keep, owned);
    append(line('t', hashed, owned.owner().value(), now, window, keep, owned.encode()));
    return recent;
  }

  @Override
  public synchronized void eraseParticipant(ParticipantId participant) {
    String who = digest(participant.value());
    memory.eraseParticipant(ParticipantId.of(who));
    try {
      rewrite(
          line -> {
            String[] f = line.split(" ", -1);
            boolean theirWindow =
                KINDS[Integer.parseInt(f[1])].participantSubject() && f[3].equals(who);
            boolean theirText = f[0].equals("t") && f[4].equals(who);
            return !theirWindow && !theirText;
          });
    } catch (IOException e) {
      throw new StorageException(
          "cannot rewrite the moderation state in " + directory + " without the participant", e);
    }
  }

  private StateKey hashed(StateKey key) {
    return new StateKey(key.kind(), key.campaign(), digest(key.subject()));
  }

  private String digest(String value) {
    Mac mac = macs.get();
    byte[] out = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(out, 0, 16);
  }

  // ---- the journal ----------------------------------------------------------------------------

  private static String line(
      char type,
      StateKey key,
      @Nullable String owner,
      Instant now,
      Duration window,
      int keep,
      @Nullable String mark) {
    StringBuilder sb = new StringBuilder(128);
    sb.append(type)
        .append(' ')
        .append(key.kind().ordinal())
        .append(' ')
        .append(key.campaign())
        .append(' ')
        .append(key.subject())
        .append(' ')
        .append(owner == null ? "-" : owner)
        .append(' ')
        .append(stamp(now))
        .append(' ')
        .append(nanos(window))
        .append(' ')
        .append(keep)
        .append(' ')
        .append(mark == null ? "-" : mark);
    CRC32C crc = new CRC32C();
    byte[] body = sb.toString().getBytes(StandardCharsets.US_ASCII);
    crc.update(body);
    return sb.append(' ').append(Long.toHexString(crc.getValue())).toString();
  }

  private void append(String line) {
    FileChannel out = channel;
    if (out == null) {
      throw new StorageException("the moderation state of " + directory + " is closed");
    }
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      size = FileSupport.writeFully(out, ByteBuffer.wrap(bytes), size);
      if (size > Math.max(MIN_COMPACTION_BYTES, 2 * sizeAfterRewrite)) {
        rewrite(l -> true);
      }
    } catch (IOException e) {
      throw new StorageException("cannot write the moderation state in " + directory, e);
    }
  }

  /** Applies every intact line of the journal to the in-memory state, in order. */
  private void replay() throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(journal, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return;
    }
    int skipped = 0;
    for (String line : lines) {
      String[] f = intact(line);
      if (f == null) {
        skipped++;
        continue;
      }
      StateKey key = new StateKey(KINDS[Integer.parseInt(f[1])], CampaignId.parse(f[2]), f[3]);
      long at = Long.parseLong(f[5]);
      Instant now =
          Instant.ofEpochSecond(
              Math.floorDiv(at, 1_000_000_000L), Math.floorMod(at, 1_000_000_000L));
      Duration window = Duration.ofNanos(Long.parseLong(f[6]));
      int keep = Integer.parseInt(f[7]);
      if (f[0].equals("c")) {
        memory.countThenAdd(key, now, window, keep);
      } else {
        memory.recentThenAdd(key, now, window, keep, TextMark.decode(ParticipantId.of(f[4]), f[8]));
      }
      newest = Math.max(newest, at);
    }
    if (skipped > 0) {
      LOG.warn("{}: skipped {} damaged line(s) of the moderation-state journal", journal, skipped);
    }
  }

  /** The fields of an intact line, or null. */
  private static String @Nullable [] intact(String line) {
    int last = line.lastIndexOf(' ');
    if (last < 0) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(line.substring(0, last).getBytes(StandardCharsets.US_ASCII));
    if (!Long.toHexString(crc.getValue()).equals(line.substring(last + 1))) {
      return null;
    }
    String[] f = line.split(" ", -1);
    if (f.length != 10 || !(f[0].equals("c") || f[0].equals("t"))) {
      return null;
    }
    try {
      int kind = Integer.parseInt(f[1]);
      return kind >= 0 && kind < KINDS.length ? f : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Rewrites the journal with the intact lines {@code keep} accepts whose window has not ended
   * before the newest instant seen, forced and renamed into place.
   */
  private void rewrite(Predicate<String> keep) throws IOException {
    FileChannel old = channel;
    if (old != null) {
      old.force(false);
    }
    List<String> kept = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(journal, StandardCharsets.US_ASCII)) {
        String[] f = intact(line);
        if (f == null) {
          continue;
        }
        long at = Long.parseLong(f[5]);
        newest = Math.max(newest, at);
        long end = at + Long.parseLong(f[6]);
        boolean expired = end >= at && end < newest;
        if (!expired && keep.test(line)) {
          kept.add(line);
        }
      }
    } catch (NoSuchFileException e) {
      // a new store: nothing to keep
    }
    Path tmp = directory.resolve(JOURNAL + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
      for (String line : kept) {
        out.write(line);
        out.write('\n');
      }
    }
    try (FileChannel forced = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      forced.force(true);
    }
    if (old != null) {
      old.close();
    }
    Files.move(tmp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    FileSupport.forceDirectory(directory);
    channel = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    size = channel.size();
    sizeAfterRewrite = size;
  }

  /** Forces and closes the journal. */
  @Override
  public synchronized void close() throws IOException {
    FileChannel out = channel;
    channel = null;
    if (out != null) {
      try {
        out.force(false);
      } finally {
        out.close();
      }
    }
  }

  private static long stamp(Instant t) {
    long s = t.getEpochSecond();
    if (s > MAX_SECOND) {
      return Long.MAX_VALUE;
    }
    if (s < -MAX_SECOND) {
      return Long.MIN_VALUE;
    }
    return s * 1_000_000_000L + t.getNano();
  }

  private static long nanos(Duration window) {
    return window.getSeconds() > MAX_SECOND ? Long.MAX_VALUE : window.toNanos();
  }
}
