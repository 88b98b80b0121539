package dev.spirit.storage.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.SpiritException;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.SpiritCodec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rebuilds a {@link StoreState} from the newest snapshot and the log segments after it. */
final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
  static final ObjectMapper META = new ObjectMapper();
  private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{16})\\.log");
  private static final int DECODE_CHUNK = 2048;
  private static final int READ_CHUNK = 1 << 20;
  // the longest array a JVM reliably allocates
  private static final long MAX_FILE_READ = Integer.MAX_VALUE - 8;
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{16})\\.snap");

  /** What recovery hands to the store: the rebuilt state and the open tail segment. */
  record Result(
      StoreState state,
      long segmentNumber,
      RandomAccessFile file,
      long size,
      RecoveryReport report,
      int erasuresToComplete) {}

  private final Path directory;
  private final StoreState state = new StoreState();
  private long records;
  private int leftovers;
  // erasure and purge records replayed from the log: their data may still be in older records of
  // the log, so the store rewrites it (compacts) before it opens
  private int erasures;
  // bytes of the segments to replay, and of those replayed so far: to size the id index up front
  private long segmentBytes;
  private long segmentBytesSeen;
  private RecoveryReport.@Nullable TornTail torn;
  private @Nullable ExecutorService decoders;
  private @Nullable ExecutorService reader;
  // one per decoding thread; the threads, and with them the decoders' caches, end with the open
  private final ThreadLocal<SubmissionDecoder> decoder =
      ThreadLocal.withInitial(() -> new SubmissionDecoder(state));

  private Recovery(Path directory) {
    this.directory = directory;
  }

  static Result run(Path directory) throws IOException {
    return new Recovery(directory).run();
  }

  private Result run() throws IOException {
    try {
      return recover();
    } finally {
      if (decoders != null) {
        decoders.shutdownNow();
      }
      if (reader != null) {
        reader.shutdownNow();
      }
    }
  }

  /** A file read into the first {@code length} bytes of a buffer that may be longer. */
  @SuppressWarnings("ArrayRecordComponent") // never compared or hashed, only unpacked
  private record FileBytes(byte[] buf, int length) {}

  /**
   * Starts reading a whole segment on the reader thread, into {@code reuse} if it is long enough.
   * Recovery reads segments into two buffers by turns instead of a new array per segment: an array
   * the size of a segment is a "humongous" object for the G1 collector, whose allocation can start
   * a concurrent collection (GC logs of a 1M-submission open showed one per segment), and reading a
   * whole file at once also went through a temporary direct buffer of the file's size.
   */
  private Future<FileBytes> readAhead(Path file, byte @Nullable [] reuse) {
    ExecutorService r = reader;
    if (r == null) {
      r = daemonPool(1, "spirit-file-recovery-read");
      reader = r;
    }
    return r.submit(() -> readWhole(file, reuse));
  }

  /**
   * Reads a whole segment or snapshot, into {@code reuse} if it is long enough, in chunks, so the
   * channel's temporary direct buffer stays small (reading it at once would make it the size of the
   * file). A read error names the file.
   */
  private static FileBytes readWhole(Path file, byte @Nullable [] reuse) throws IOException {
    try {
      return readChunked(file, reuse);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      // Some read errors ("Is a directory") come without the file's name: add it.
      FileSystemException named = new FileSystemException(file.toString(), null, e.getMessage());
      named.initCause(e);
      throw named;
    }
  }

  private static FileBytes readChunked(Path file, byte @Nullable [] reuse) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > MAX_FILE_READ) {
        throw new CorruptStoreException(
            file.toString(),
            0,
            "the file holds " + size + " bytes, more than a segment or snapshot can");
      }
      int length = (int) size;
      byte[] buf = reuse;
      if (buf == null || buf.length < length) {
        // A little room, so that the next segment, a few bytes longer, fits as well.
        buf = new byte[(int) Math.min(MAX_FILE_READ, (long) length + READ_CHUNK)];
      }
      int read = 0;
      while (read < length) {
        int n = channel.read(ByteBuffer.wrap(buf, read, Math.min(READ_CHUNK, length - read)), read);
        if (n < 0) {
          break;
        }
        read += n;
      }
      return new FileBytes(buf, read);
    }
  }

  /**
   * The result of a read or decode task, or what it threw: an {@link IOException}, a runtime
   * exception ({@link CorruptStoreException} among them) or an error, as it was thrown there.
   */
  private static <T> T await(Future<T> task) throws IOException {
    try {
      return task.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException("opening the file store failed", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.spirit.error.StorageException("interrupted while opening the file store", e);
    }
  }

  private static ExecutorService daemonPool(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        runnable -> {
          Thread t = new Thread(runnable, name);
          t.setDaemon(true);
          return t;
        });
  }

  private Result recover() throws IOException {
    long started = System.nanoTime();
    TreeMap<Long, Path> segments = new TreeMap<>();
    TreeMap<Long, Path> snapshots = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        Matcher seg = SEGMENT.matcher(name);
        Matcher snap = SNAPSHOT.matcher(name);
        if (seg.matches()) {
          segments.put(Long.parseLong(seg.group(1)), file);
        } else if (snap.matches()) {
          snapshots.put(Long.parseLong(snap.group(1)), file);
        } else if (name.endsWith(".tmp")) {
          Files.delete(file);
          leftovers++;
        }
      }
    }
    Optional<String> snapshotName = Optional.empty();
    long first = 1;
    if (!snapshots.isEmpty()) {
      var newest = snapshots.lastEntry();
      first = newest.getKey();
      loadSnapshot(newest.getValue());
      snapshotName = Optional.of(newest.getValue().getFileName().toString());
      for (Path older : snapshots.headMap(first).values()) {
        Files.delete(older);
        leftovers++;
      }
      for (Path covered : segments.headMap(first).values()) {
        Files.delete(covered);
        leftovers++;
      }
      segments = new TreeMap<>(segments.tailMap(first));
    }
    if (leftovers > 0) {
      FileSupport.forceDirectory(directory);
      LOG.info("file store {}: removed {} leftover file(s) of a compaction", directory, leftovers);
    }
    long expected = segments.isEmpty() ? first : segments.firstKey();
    if (!snapshots.isEmpty() && expected != first) {
      throw new CorruptStoreException(
          directory.resolve(SegmentFile.segmentName(first)).toString(),
          0,
          "the segment that follows snapshot " + snapshotName.orElse("") + " is missing");
    }
    for (long number : segments.keySet()) {
      if (number != expected) {
        throw new CorruptStoreException(
            directory.resolve(SegmentFile.segmentName(expected)).toString(),
            0,
            "log segment missing (found " + segments.keySet() + ")");
      }
      expected++;
    }
    RandomAccessFile tailFile;
    long number;
    long size;
    if (segments.isEmpty()) {
      number = first;
      tailFile = SegmentFile.createSegment(directory, number);
      size = SegmentFile.SEGMENT_HEADER.length;
    } else {
      for (Path segment : segments.values()) {
        segmentBytes += Files.size(segment);
      }
      List<Path> files = new ArrayList<>(segments.values());
      // Read the next segment while this one is decoded: on a cold page cache (after a reboot, or
      // with a log written by direct I/O) reading would otherwise leave the decoders idle.
      Future<FileBytes> read = readAhead(files.get(0), null);
      byte[] free = null;
      for (int i = 0; i < files.size(); i++) {
        FileBytes segment = await(read);
        boolean last = i == files.size() - 1;
        if (!last) {
          read = readAhead(files.get(i + 1), free);
        }
        replaySegment(files.get(i), segment.buf(), segment.length(), last);
        free = segment.buf();
      }
      number = segments.lastKey();
      Path tail = segments.lastEntry().getValue();
      tailFile = new RandomAccessFile(tail.toFile(), "rw");
      size = tailFile.length();
    }
    RecoveryReport report =
        new RecoveryReport(
            snapshotName,
            segments.size(),
            records,
            Optional.ofNullable(torn),
            leftovers,
            Duration.ofNanos(System.nanoTime() - started));
    return new Result(state, number, tailFile, size, report, erasures);
  }

  private void loadSnapshot(Path file) throws IOException {
    FileBytes read = readWhole(file, null);
    byte[] buf = read.buf();
    int length = read.length();
    byte[] header = Snapshots.HEADER;
    if (length < header.length || !Arrays.equals(buf, 0, header.length, header, 0, header.length)) {
      throw new CorruptStoreException(file.toString(), 0, "not a Spirit snapshot (bad header)");
    }
    int[] frames = new int[Math.max(16, length / 256)];
    int count = 0;
    int pos = header.length;
    while (pos < length) {
      int n = Frames.check(buf, pos, length);
      if (n < 0) {
        throw new CorruptStoreException(
            file.toString(), pos, "damaged record (length, checksum or type wrong)");
      }
      if (count == frames.length) {
        frames = Arrays.copyOf(frames, count * 2);
      }
      frames[count++] = pos;
      pos += n;
    }
    if (count < 2
        || Frames.type(buf, frames[0]) != RecordType.SNAPSHOT_BEGIN
        || Frames.type(buf, frames[count - 1]) != RecordType.SNAPSHOT_END) {
      throw new CorruptStoreException(file.toString(), pos, "snapshot is incomplete");
    }
    state.submissions.ensureCapacity(count);
    int end = frames[count - 1];
    long declared = readMeta(file, end, Frames.payload(buf, end)).path("records").asLong(-1);
    if (declared != count - 2) {
      throw new CorruptStoreException(
          file.toString(),
          end,
          "snapshot declares " + declared + " records but holds " + (count - 2));
    }
    apply(file, buf, Arrays.copyOfRange(frames, 1, count - 1));
  }

  private void replaySegment(Path file, byte[] buf, int length, boolean last) throws IOException {
    byte[] header = SegmentFile.SEGMENT_HEADER;
    int headerMatch = 0;
    while (headerMatch < Math.min(length, header.length)
        && buf[headerMatch] == header[headerMatch]) {
      headerMatch++;
    }
    if (headerMatch < header.length) {
      if (last && headerMatch == length) {
        // Torn while being created: holds a prefix of the header and nothing else.
        cutTail(file, 0, length);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.write(ByteBuffer.wrap(header), 0);
          ch.force(true);
        }
        return;
      }
      throw new CorruptStoreException(file.toString(), 0, "not a Spirit log segment (bad header)");
    }
    int[] starts = new int[Math.max(16, length / 256)];
    int count = 0;
    int pos = header.length;
    while (pos < length) {
      int n = Frames.check(buf, pos, length);
      if (n < 0) {
        break;
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = pos;
      pos += n;
    }
    if (length > 0) {
      // Expect the rest of the log to hold records of about this segment's size.
      long rest = Math.max(length, segmentBytes - segmentBytesSeen);
      segmentBytesSeen += length;
      state.submissions.ensureCapacity(
          state.submissions.size() + (long) ((double) count * rest / length));
    }
    int used = SegmentFile.unusedSpaceStart(buf, pos, length);
    if (pos < length && used == pos) {
      // Only preallocated zeros follow the last record: an open store had reserved the space and
      // not yet written or trimmed it. Not a torn write; trim it silently.
      trimPreallocated(file, pos, length);
    } else if (pos < length) {
      if (!last) {
        throw new CorruptStoreException(
            file.toString(),
            pos,
            "damaged record (length, checksum or type wrong) in a segment that was complete");
      }
      long next = Frames.findIntactFrameAfter(buf, pos, length);
      if (next >= 0) {
        throw new CorruptStoreException(
            file.toString(),
            pos,
            "damaged record followed by intact records (the next at offset "
                + next
                + "), so this is not a torn write");
      }
      // In a preallocated segment only the bytes before its unused zeros were written.
      cutTail(file, pos, used - pos);
    }
    apply(file, buf, Arrays.copyOf(starts, count));
  }

  private void trimPreallocated(Path file, long offset, long length) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(offset);
      ch.force(true);
    }
    LOG.debug(
        "file store {}: trimmed {} unused preallocated byte(s) off {}",
        directory,
        length - offset,
        file.getFileName());
  }

  private void cutTail(Path file, long offset, long bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(offset);
      ch.force(true);
    }
    torn = new RecoveryReport.TornTail(file.toString(), offset, bytes);
    LOG.warn(
        "file store {}: cut off a torn write at the end of {}: {} byte(s) from offset {} (a"
            + " write that was in progress when the process stopped; it was never acknowledged in"
            + " SYNC mode)",
        directory,
        file.getFileName(),
        bytes,
        offset);
  }

  /**
   * Decodes the frames on worker threads, a chunk each (JSON parsing dominates), while this thread
   * applies the chunks already decoded, in log order.
   */
  private void apply(Path file, byte[] buf, int[] starts) throws IOException {
    List<Future<Object[]>> chunks = new ArrayList<>();
    for (int from = 0; from < starts.length; from += DECODE_CHUNK) {
      int first = from;
      int end = Math.min(starts.length, from + DECODE_CHUNK);
      chunks.add(
          decoders()
              .submit(
                  () -> {
                    Object[] out = new Object[end - first];
                    for (int i = first; i < end; i++) {
                      out[i - first] = decode(file, buf, starts[i]);
                    }
                    return out;
                  }));
    }
    try {
      int i = 0;
      for (Future<Object[]> chunk : chunks) {
        for (Object record : await(chunk)) {
          applyOne(file, buf, starts[i++], record);
        }
      }
    } finally {
      chunks.forEach(c -> c.cancel(false));
    }
  }

  private void applyOne(Path file, byte[] buf, int start, Object record) {
    switch (java.util.Objects.requireNonNull(Frames.type(buf, start))) {
      case CAMPAIGN_INSERT, CAMPAIGN_UPDATE ->
          state.putCampaign((dev.spirit.campaign.Campaign) record);
      case SUBMISSION_INSERT -> state.insertRow((SubmissionRow) record);
      case SUBMISSION_UPDATE -> state.updateRow((SubmissionRow) record);
      case REACTION -> state.addReaction((dev.spirit.submission.Reaction) record);
      case AUDIT -> state.appendAudit((dev.spirit.submission.AuditEntry) record);
      case ERASURE -> {
        state.erase((ParticipantId) record);
        erasures++;
      }
      case PURGE -> {
        state.eraseCampaign((CampaignId) record);
        erasures++;
      }
      case SNAPSHOT_BEGIN, SNAPSHOT_END ->
          throw new CorruptStoreException(
              file.toString(), start, "snapshot marker inside a log segment");
    }
    records++;
  }

  private ExecutorService decoders() {
    ExecutorService d = decoders;
    if (d == null) {
      d =
          daemonPool(
              Math.max(1, Runtime.getRuntime().availableProcessors()), "spirit-file-recovery");
      decoders = d;
    }
    return d;
  }

  private Object decode(Path file, byte[] buf, int start) {
    RecordType type = java.util.Objects.requireNonNull(Frames.type(buf, start));
    if (type == RecordType.SUBMISSION_INSERT || type == RecordType.SUBMISSION_UPDATE) {
      SubmissionRow row =
          decoder.get().decode(buf, start + Frames.HEADER, payloadLength(buf, start));
      if (row != null) {
        return row;
      }
    }
    String json = Frames.payload(buf, start);
    try {
      return switch (type) {
        case CAMPAIGN_INSERT, CAMPAIGN_UPDATE -> SpiritCodec.campaignFromJson(json);
        case SUBMISSION_INSERT, SUBMISSION_UPDATE -> {
          SubmissionRow row = SubmissionRow.of(SpiritCodec.submissionFromJson(json));
          state.canonicalize(row);
          yield row;
        }
        case REACTION -> SpiritCodec.reactionFromJson(json);
        case AUDIT -> SpiritCodec.auditFromJson(json);
        case ERASURE -> ParticipantId.of(readMeta(file, start, json).path("participant").asText());
        case PURGE -> CampaignId.parse(readMeta(file, start, json).path("campaign").asText());
        case SNAPSHOT_BEGIN, SNAPSHOT_END -> json;
      };
    } catch (SpiritException e) {
      throw new CorruptStoreException(
          file.toString(), start, "record passes its checksum but does not decode: " + e);
    }
  }

  /** The payload length at the start of an already checked frame (see {@link Frames}). */
  private static int payloadLength(byte[] buf, int pos) {
    return ((buf[pos] & 0xff) << 24)
        | ((buf[pos + 1] & 0xff) << 16)
        | ((buf[pos + 2] & 0xff) << 8)
        | (buf[pos + 3] & 0xff);
  }

  static JsonNode readMeta(Path file, long offset, String json) {
    try {
      return META.readTree(json);
    } catch (IOException e) {
      throw new CorruptStoreException(file.toString(), offset, "record is not JSON: " + e);
    }
  }

  static String erasureJson(ParticipantId participant) {
    return META.createObjectNode().put("participant", participant.value()).toString();
  }

  static String purgeJson(CampaignId campaign) {
    return META.createObjectNode().put("campaign", campaign.value().toString()).toString();
  }
}
