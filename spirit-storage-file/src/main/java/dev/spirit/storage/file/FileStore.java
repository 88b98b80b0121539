package dev.spirit.storage.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.StorageException;
import dev.spirit.kiosk.KioskCredential;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageCursor;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.ReactionWrite;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.SubmissionWrite;
import dev.spirit.storage.WriteResult;
import dev.spirit.submission.AuditChain;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link SpiritStore} in a directory of append-only, checksummed log files: what a
 * district gets with zero setup ({@code file:./spirit-data}). How it works:
 *
 * <ol>
 *   <li><b>Files.</b> The directory holds {@code spirit.lock}, log segments {@code segment-<n>.log}
 *       and at most one snapshot {@code snapshot-<n>.snap} (covering every segment before segment
 *       n). Each record is one frame: payload length, CRC32C, a type letter (campaign
 *       insert/update, submission insert/update, reaction, audit entry, erasure) and the record as
 *       one line of {@link SpiritCodec} JSON ending in a newline, so {@code strings} and {@code
 *       grep} read the files. A segment rolls over once it reaches {@link
 *       FileStoreOptions#segmentBytes()} (it may exceed it by one commit batch).
 *   <li><b>Writes.</b> Every write is decided in memory under one write lock: the atomic checks (id
 *       taken, idempotency key, per-participant limit, version, reaction duplicate) run against the
 *       indexes, then the record is queued to the log and applied to the indexes, in that order and
 *       in the same critical section, so log order equals decision order. JSON encoding happens
 *       before the lock is taken.
 *   <li><b>Group commit ({@link Durability#SYNC}).</b> After leaving the lock a writer waits until
 *       its record is forced. A writer that finds no flush running writes the whole queue with one
 *       {@code write} and forces it with one {@code fdatasync} itself; writers arriving meanwhile
 *       park. When a flush ends with writers still waiting, the store's log thread (or a newly
 *       arriving writer, whichever runs first) at once flushes everything that queued up meanwhile
 *       (pipelined), so concurrent writers share each force. When the log thread has the next batch
 *       already queued, it unparks only the first writer a force covered, which unparks the other
 *       covered ones; writers whose record is not yet forced stay asleep. A writer returns only
 *       after the force that covers its record. While flushes are quick (two of them within a
 *       millisecond, from a running average), a waiting writer first yields its processor ({@link
 *       Thread#yield}) for up to a millisecond before it parks: on virtual processors waking a
 *       parked thread costs about as much as an insert, and those wake-ups, not the disk, limited
 *       many writers. A yielding thread lets any other thread that is ready to run go first, but it
 *       does keep its processor busy while none is; on a slow disk writers park at once, and {@link
 *       FileStoreOptions#yieldWhileWaiting()} turns yielding off.
 *   <li><b>Preallocation.</b> The log thread grows a segment in 256 KiB chunks of zeros, written
 *       and forced with the batch that first needs them; most commits then overwrite space that is
 *       already allocated inside the file, so their {@code fdatasync} writes only the data, no file
 *       size or block map. Closing (or rolling) a segment trims it back to its last record.
 *   <li><b>Direct I/O.</b> Where the file system accepts {@code O_DIRECT} (and unless {@link
 *       FileStoreOptions#directIo()} is off), the log is written with it, in whole aligned blocks
 *       (the partial last block is kept in memory and written again with the next batch), so the
 *       data goes straight to the device and each {@code fdatasync} has only the device cache to
 *       flush. Elsewhere the same writes go through the page cache; every commit is forced either
 *       way.
 *   <li><b>Visibility.</b> A record enters the indexes before it is forced, but in SYNC mode no
 *       operation returns anything that depends on an unforced record: every read notes the newest
 *       record applied when it looked and waits for that record to be forced before returning (a
 *       read barrier; it costs nothing when no write is in flight, and at most one fsync
 *       otherwise). So another thread never observes a write that a crash could still take back,
 *       and a writer reads its own writes. If a write or force fails, the store stops (fail-stop):
 *       that call and every later one throws {@link StorageException} ({@link StoreFullException}
 *       if the disk is full), nothing more is acknowledged, and the indexes that may hold the
 *       failed record are never read again; reopening rebuilds them from what is on disk.
 *   <li><b>{@link Durability#ASYNC}.</b> Writers return once their record is queued; the log thread
 *       forces the queue every {@link FileStoreOptions#asyncWindow()}, and a writer that finds more
 *       than 8 MiB queued waits for a flush. A crash (of the process or of the machine) loses the
 *       writes since the last completed flush (about one window, stretched by a slow disk, at most
 *       8 MiB), always a suffix of the log, never a partial record. Reads do not wait; they may
 *       show writes a crash would take back.
 *   <li><b>Recovery on open.</b> Load the newest snapshot (it must be intact), then replay the
 *       segments after it in order, verifying every frame. A damaged frame at the end of the newest
 *       segment with no intact frame after it is a torn write: it is cut off, logged as a warning
 *       and reported by {@link #recoveryReport()}. Any other damage stops the open with {@link
 *       CorruptStoreException} naming the file and byte offset; nothing acknowledged is ever
 *       dropped silently. (Limit: a bit flip in the very last record of the newest segment looks
 *       exactly like a torn write and is cut off too, with the same warning.) Zeros after the last
 *       record of a segment whose length is a whole number of preallocation chunks are space the
 *       store had reserved and not yet used when it stopped: they are trimmed silently, not
 *       reported as a torn write; a torn record inside that space is reported with its own length.
 *       Frames are decoded by one worker thread per core, a chunk at a time, while the opening
 *       thread applies the decoded chunks in log order. Submission records are read from the
 *       frame's bytes by a strict reader of the exact JSON shape the store writes, straight into
 *       the compact row; a record in any other shape (older or newer code, hand edits) is decoded
 *       by {@link SpiritCodec} instead, with the same result.
 *   <li><b>Compaction ({@link #compact()}).</b> Roll the log to a new segment n, write the whole
 *       state to {@code snapshot-<n>.snap.tmp}, fsync it, rename it atomically, fsync the
 *       directory, and only then delete the older segments and snapshot (and fsync the directory
 *       again). Writers wait while the snapshot is written; readers do not. A crash at any point
 *       leaves either the old files or the new snapshot; leftovers are removed at the next open.
 *   <li><b>Erasure.</b> {@link #eraseParticipant} (and a retention purge, {@link
 *       #eraseSubmissions}) first appends an erasure record and forces it: the intent, from which
 *       on nothing returns the data. Before returning it then compacts (as {@link #compact()}
 *       below): the snapshot is written from the state without the data, and every older segment
 *       and snapshot, which hold the data and the erasure record itself, is deleted. So once the
 *       call returns, neither the text (original, normalized or redacted), the participant id, the
 *       idempotency keys, the reactions nor an audit reason of an erased submission is in any file
 *       of the directory (the audit entries stay, with the reason {@code erased}). A crash after
 *       the intent is forced and before the old files are gone leaves the erasure record in the
 *       log: opening replays it and compacts before it returns, so the erasure completes (if that
 *       compaction fails, the open fails, leaving the files as they were). A crash before the
 *       intent is forced erased nothing, and the call never returned. Why a rewrite rather than
 *       per-participant encryption keys (crypto-shredding): it adds nothing to intake, keeps the
 *       log readable by {@code grep}, and erasures are rare; its cost grows with the store (see
 *       {@code docs/performance.md}). What stays beyond the store's control: the file system may
 *       keep freed blocks until it reuses them (use an encrypted volume if that matters), and
 *       copies made of the directory (backups) keep what they copied.
 *   <li><b>One writer.</b> An OS file lock on {@code spirit.lock}, holding the owner's pid, is kept
 *       while open; a second opener (another process, or this JVM again) gets {@link
 *       StoreLockedException} naming that pid. The OS releases the lock when a process dies.
 *   <li><b>Memory.</b> Every submission is kept in memory as a compact row (id as two longs, intake
 *       time as seconds and nanoseconds, enums as small numbers, absent optionals as null, campaign
 *       id, district, language, participant and provenance shared between rows), in an
 *       open-addressing hash index by id and an ordered index per campaign (sorted chunks of rows),
 *       plus idempotency keys and per-participant counts. Reads never touch the disk: queries and
 *       counts filter the rows of the campaign's ordered index directly, and a {@link Submission}
 *       is built from a row only for what a read returns (so two reads return equal, not identical,
 *       objects). See {@code docs/performance.md} for the measured heap per submission.
 * </ol>
 */
public final class FileStore implements SpiritStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
  private static final int ASYNC_MAX_PENDING_BYTES = 8 << 20;
  private static final int STREAM_PAGE = 512;
  private static final Pattern COMPACTED =
      Pattern.compile("(segment-(\\d{16})\\.log)|(snapshot-(\\d{16})\\.snap)");

  private final FileStoreOptions options;
  private final Path directory;
  private final DirectoryLock directoryLock;
  private final SegmentFile segments;
  private final GroupCommit log;
  private final StoreState state;
  private final LexiconFiles lexicons;
  private final KioskFile kiosks;
  private final RecoveryReport report;
  private final boolean sync;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ReentrantLock compaction = new ReentrantLock();
  private final FileModerationState moderationState;

  // guarded by lock: the sequence number of the newest record applied to the state
  private long appliedSeq;
  private volatile boolean closed;

  private FileStore(
      FileStoreOptions options,
      DirectoryLock directoryLock,
      SegmentFile segments,
      GroupCommit log,
      StoreState state,
      RecoveryReport report,
      FileModerationState moderationState) {
    this.options = options;
    this.moderationState = moderationState;
    this.directory = options.directory();
    this.directoryLock = directoryLock;
    this.segments = segments;
    this.log = log;
    this.state = state;
    this.report = report;
    this.sync = options.durability() == Durability.SYNC;
    this.lexicons = new LexiconFiles(directory, sync);
    this.kiosks = new KioskFile(directory, sync);
  }

  /**
   * Whether {@code directory} holds a file store: its lock file or a log segment, which every store
   * that was ever opened has. Nothing is created or locked.
   *
   * @param directory a directory, which need not exist
   * @return true if a store was opened there before
   * @throws StorageException if the directory exists but cannot be read
   */
  public static boolean existsIn(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    if (Files.isRegularFile(directory.resolve(DirectoryLock.FILE_NAME))) {
      return true;
    }
    try (java.util.stream.Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(f -> COMPACTED.matcher(f.getFileName().toString()).matches());
    } catch (IOException e) {
      throw new StorageException("cannot read store directory " + directory + ": " + e, e);
    }
  }

  /**
   * Opens (creating if needed) a durable ({@link Durability#SYNC}) store in a directory.
   *
   * @param directory the store directory
   * @return the open store; close it to release the directory
   * @throws StoreLockedException if another process has it open
   * @throws CorruptStoreException if a file is damaged beyond a torn tail
   * @throws StorageException if the directory cannot be created, read or written
   */
  public static FileStore open(Path directory) {
    return open(FileStoreOptions.of(directory));
  }

  /**
   * Opens (creating if needed) a store.
   *
   * @param options the directory, durability and segment size
   * @return the open store; close it to release the directory
   * @throws StoreLockedException if another process has it open
   * @throws CorruptStoreException if a file is damaged beyond a torn tail
   * @throws StorageException if the directory cannot be created, read or written
   */
  public static FileStore open(FileStoreOptions options) {
    Path directory = options.directory();
    prepareDirectory(options);
    DirectoryLock directoryLock;
    try {
      directoryLock = DirectoryLock.acquire(directory);
    } catch (IOException e) {
      throw ioFailure("cannot lock", directory, e);
    }
    try {
      Recovery.Result recovered = Recovery.run(directory);
      RecoveryReport report = recovered.report();
      LOG.info(
          "file store {} opened: {} record(s) from {}{} segment(s) in {} ms{}",
          directory,
          report.recordsReplayed(),
          report.snapshot().map(s -> s + " and ").orElse(""),
          report.segmentsReplayed(),
          report.elapsed().toMillis(),
          report
              .tornTail()
              .map(t -> "; cut off a torn tail of " + t.bytesRemoved() + " bytes")
              .orElse(""));
      SegmentFile segments =
          new SegmentFile(
              directory,
              options.segmentBytes(),
              recovered.segmentNumber(),
              recovered.file(),
              recovered.size(),
              options.directIo());
      GroupCommit log;
      try {
        log =
            new GroupCommit(
                directory,
                segments,
                options.durability() == Durability.SYNC ? null : options.asyncWindow(),
                options.yieldWhileWaiting());
      } catch (RuntimeException | Error e) {
        // The segment's channel is open by now; nothing else would ever close it.
        try {
          segments.close(false);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      FileModerationState moderation;
      try {
        moderation = FileModerationState.open(directory);
      } catch (IOException | RuntimeException | Error e) {
        try {
          log.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      FileStore store =
          new FileStore(
              options, directoryLock, segments, log, recovered.state(), report, moderation);
      if (recovered.erasuresToComplete() > 0) {
        completeErasuresOnOpen(store, recovered.erasuresToComplete());
      }
      return store;
    } catch (IOException e) {
      releaseQuietly(directoryLock, e);
      throw ioFailure("cannot open", directory, e);
    } catch (RuntimeException | Error e) {
      releaseQuietly(directoryLock, e);
      throw e;
    }
  }

  /**
   * Completes erasures whose records the log still holds (the process stopped before their
   * compaction deleted the older files), so no erased data outlives an open.
   */
  private static void completeErasuresOnOpen(FileStore store, int erasures) {
    LOG.info(
        "file store {}: completing {} erasure(s) recorded in the log by rewriting it",
        store.directory,
        erasures);
    try {
      store.compact();
    } catch (StorageException e) {
      try {
        store.close();
      } catch (StorageException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new StorageException(
          "cannot open the file store "
              + store.directory
              + ": the log holds "
              + erasures
              + " erasure(s) whose data must be rewritten out of its files first, and that"
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  private static void releaseQuietly(DirectoryLock directoryLock, Throwable failure) {
    try {
      directoryLock.close();
    } catch (IOException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  private static void prepareDirectory(FileStoreOptions options) {
    Path directory = options.directory();
    if (Files.isDirectory(directory)) {
      return;
    }
    if (Files.exists(directory)) {
      throw new StorageException(
          "the file store directory " + directory + " is not a directory but a file");
    }
    if (!options.createIfMissing()) {
      throw new StorageException(
          "the file store directory "
              + directory
              + " does not exist (createIfMissing is off, so it was not created)");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw ioFailure("cannot create", directory, e);
    }
  }

  private static StorageException ioFailure(String what, Path directory, IOException e) {
    String reason;
    if (e instanceof AccessDeniedException) {
      reason = "permission denied on " + ((FileSystemException) e).getFile();
    } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
      reason = fse.getReason() + " (" + fse.getFile() + ")";
    } else {
      reason = String.valueOf(e);
    }
    return new StorageException(
        what
            + " the file store directory "
            + directory
            + ": "
            + reason
            + "; it must be a writable directory on a local file system",
        e);
  }

  /**
   * What opening found: snapshot, segments and records replayed, a torn tail cut off.
   *
   * @return the report of the open that produced this store
   */
  public RecoveryReport recoveryReport() {
    return report;
  }

  /**
   * The options this store was opened with.
   *
   * @return the options
   */
  public FileStoreOptions options() {
    return options;
  }

  /**
   * Writes a snapshot of the current state and deletes the log segments and snapshot it replaces,
   * so reopening is faster and updated, superseded and erased records are physically removed from
   * the store's files. Writers wait while the snapshot is written; readers do not. Safe to call at
   * any time; a crash during it loses nothing.
   *
   * @throws StorageException if the snapshot cannot be written (the store stays usable on the old
   *     files)
   */
  public void compact() {
    compaction.lock();
    try {
      long number;
      lock.readLock().lock();
      try {
        ensureOpen();
        number = log.roll();
        Snapshots.write(directory, number, state);
        reached(CRASH_AFTER_SNAPSHOT);
      } catch (IOException e) {
        throw new StorageException("cannot write a snapshot in " + directory + ": " + e, e);
      } finally {
        lock.readLock().unlock();
      }
      int removed = 0;
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
        for (Path file : files) {
          var m = COMPACTED.matcher(file.getFileName().toString());
          if (m.matches()) {
            long n = Long.parseLong(m.group(2) != null ? m.group(2) : m.group(4));
            if (n < number) {
              Files.delete(file);
              removed++;
            }
          }
        }
        FileSupport.forceDirectory(directory);
      } catch (IOException e) {
        throw new StorageException(
            "wrote a snapshot in " + directory + " but cannot delete the files it replaces: " + e,
            e);
      }
      LOG.info("file store {} compacted into {}; removed {} file(s)", directory, number, removed);
    } finally {
      compaction.unlock();
    }
  }

  // ---- campaigns ------------------------------------------------------------------------------

  @Override
  public WriteResult<Campaign> storeNewCampaign(Campaign first) {
    byte[] frame = Frames.encode(RecordType.CAMPAIGN_INSERT, SpiritCodec.toJson(first));
    return write(
        () -> {
          if (state.campaigns.containsKey(first.id())) {
            return new WriteResult.IdTaken<>();
          }
          if (state.campaignsBySlug.containsKey(first.slug())) {
            return new WriteResult.SlugTaken<>();
          }
          append(frame);
          state.putCampaign(first);
          return new WriteResult.Stored<>(first);
        });
  }

  @Override
  public WriteResult<Campaign> replaceCampaign(Campaign next, long expectedVersion) {
    byte[] frame = Frames.encode(RecordType.CAMPAIGN_UPDATE, SpiritCodec.toJson(next));
    return write(
        () -> {
          Campaign current = state.campaigns.get(next.id());
          if (current == null) {
            return new WriteResult.Missing<>();
          }
          if (current.version() != expectedVersion) {
            return new WriteResult.VersionWas<>(current.version());
          }
          if (!current.slug().equals(next.slug())
              && state.campaignsBySlug.containsKey(next.slug())) {
            return new WriteResult.SlugTaken<>();
          }
          append(frame);
          state.putCampaign(next);
          return new WriteResult.Stored<>(next);
        });
  }

  @Override
  public Optional<Campaign> findCampaign(CampaignId id) {
    return read(() -> Optional.ofNullable(state.campaigns.get(id)));
  }

  @Override
  public List<Campaign> listCampaigns() {
    return read(() -> List.copyOf(state.campaigns.values()));
  }

  // ---- submissions ----------------------------------------------------------------------------

  @Override
  public SubmissionWrite storeNewSubmission(Submission first, int maxPerParticipant) {
    byte[] frame = Frames.encode(RecordType.SUBMISSION_INSERT, SpiritCodec.toJson(first));
    return write(() -> storeLocked(first, frame, maxPerParticipant));
  }

  @Override
  public List<SubmissionWrite> storeNewSubmissions(List<Submission> first, int maxPerParticipant) {
    List<byte[]> frames = new ArrayList<>(first.size());
    for (Submission s : first) {
      frames.add(Frames.encode(RecordType.SUBMISSION_INSERT, SpiritCodec.toJson(s)));
    }
    return write(
        () -> {
          List<SubmissionWrite> found = new ArrayList<>(first.size());
          for (int i = 0; i < first.size(); i++) {
            SubmissionWrite one = storeLocked(first.get(i), frames.get(i), maxPerParticipant);
            found.add(one);
            if (one instanceof SubmissionWrite.IdTaken) {
              break;
            }
          }
          return found;
        });
  }

  private SubmissionWrite storeLocked(Submission first, byte[] frame, int maxPerParticipant) {
    if (state.contains(first.id())) {
      return new SubmissionWrite.IdTaken(first.id());
    }
    StoreState.CampaignIndex index = state.index(first.campaignId());
    if (index != null) {
      if (first.idempotencyKey().isPresent()) {
        Submission existing = state.byKey(index, first.idempotencyKey().get());
        if (existing != null) {
          return new SubmissionWrite.KeyTaken(existing);
        }
      }
      int count = index.count(first.participant().id());
      if (count >= maxPerParticipant) {
        return new SubmissionWrite.AtLimit(count);
      }
    }
    append(frame);
    state.insertSubmission(first);
    return new SubmissionWrite.Stored(first);
  }

  @Override
  public WriteResult<Submission> replaceSubmission(Submission next, long expectedVersion) {
    byte[] frame = Frames.encode(RecordType.SUBMISSION_UPDATE, SpiritCodec.toJson(next));
    return write(
        () -> {
          SubmissionRow current = state.row(next.id());
          if (current == null) {
            return new WriteResult.Missing<>();
          }
          if (current.version != expectedVersion) {
            return new WriteResult.VersionWas<>(current.version);
          }
          append(frame);
          state.updateSubmission(next);
          return new WriteResult.Stored<>(next);
        });
  }

  @Override
  public Optional<Submission> find(SubmissionId id) {
    return read(() -> Optional.ofNullable(state.submission(id)));
  }

  @Override
  public Optional<Submission> findByIdempotencyKey(CampaignId campaignId, IdempotencyKey key) {
    return read(
        () -> {
          StoreState.CampaignIndex index = state.index(campaignId);
          return index == null ? Optional.empty() : Optional.ofNullable(state.byKey(index, key));
        });
  }

  @Override
  public Page<Submission> query(SubmissionFilter filter, PageRequest page) {
    return read(() -> pageLocked(filter, page.after().map(PageCursor::after), page.limit()));
  }

  private Page<Submission> pageLocked(
      SubmissionFilter filter, Optional<SubmissionId> after, int limit) {
    StoreState.CampaignIndex index = state.index(filter.campaignId());
    if (index == null) {
      return new Page<>(List.of(), Optional.empty());
    }
    RowFilter matcher = new RowFilter(filter);
    List<Submission> items = new ArrayList<>(Math.min(limit, 64));
    boolean[] more = {false};
    RowOrder.Visitor collect =
        row -> {
          if (!matcher.matches(row)) {
            return true;
          }
          if (items.size() == limit) {
            more[0] = true;
            return false;
          }
          items.add(row.toSubmission());
          return true;
        };
    if (after.isPresent()) {
      UUID cursor = after.get().value();
      index.all.forEachAfter(
          cursor.getMostSignificantBits(), cursor.getLeastSignificantBits(), collect);
    } else {
      index.all.forEach(collect);
    }
    Optional<PageCursor> next =
        more[0] ? Optional.of(new PageCursor(items.get(items.size() - 1).id())) : Optional.empty();
    return new Page<>(items, next);
  }

  @Override
  public long count(SubmissionFilter filter) {
    return read(
        () -> {
          StoreState.CampaignIndex index = state.index(filter.campaignId());
          if (index == null) {
            return 0L;
          }
          if (filter.participant().isPresent()
              && filter.statuses().isEmpty()
              && filter.district().isEmpty()
              && filter.channel().isEmpty()
              && filter.receivedFrom().isEmpty()
              && filter.receivedBefore().isEmpty()) {
            return (long) index.count(filter.participant().get());
          }
          RowFilter matcher = new RowFilter(filter);
          long n = 0;
          for (SubmissionRow row : index.all) {
            if (matcher.matches(row)) {
              n++;
            }
          }
          return n;
        });
  }

  /**
   * Streams lazily, a page at a time, so the whole result is never copied; each page is read like
   * {@link #query}, so the stream has keyset semantics: submissions inserted meanwhile appear at
   * most once and none that existed when it started is skipped.
   */
  @Override
  public Stream<Submission> stream(SubmissionFilter filter) {
    ensureOpen();
    Iterator<Submission> pages =
        new Iterator<>() {
          private Iterator<Submission> current = List.<Submission>of().iterator();
          private Optional<SubmissionId> after = Optional.empty();
          private boolean exhausted;

          @Override
          public boolean hasNext() {
            while (!current.hasNext() && !exhausted) {
              Page<Submission> page = read(() -> pageLocked(filter, after, STREAM_PAGE));
              current = page.items().iterator();
              if (!page.items().isEmpty()) {
                after = Optional.of(page.items().get(page.items().size() - 1).id());
              }
              exhausted = page.next().isEmpty();
            }
            return current.hasNext();
          }

          @Override
          public Submission next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            pages, Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL),
        false);
  }

  // ---- reactions and audit --------------------------------------------------------------------

  @Override
  public ReactionWrite storeReaction(Reaction reaction) {
    byte[] frame = Frames.encode(RecordType.REACTION, SpiritCodec.toJson(reaction));
    return write(
        () -> {
          if (!state.contains(reaction.submissionId())) {
            return ReactionWrite.NO_SUBMISSION;
          }
          if (state.reactions.containsKey(
              new StoreState.ReactionKey(
                  reaction.submissionId(), reaction.by(), reaction.type()))) {
            return ReactionWrite.ALREADY_THERE;
          }
          append(frame);
          return state.addReaction(reaction) ? ReactionWrite.STORED : ReactionWrite.ALREADY_THERE;
        });
  }

  @Override
  public long countReactions(SubmissionId submissionId, ReactionType type) {
    return read(() -> state.countReactions(submissionId, type));
  }

  @Override
  public Stream<Reaction> streamReactions(CampaignId campaignId) {
    List<Reaction> snapshot =
        read(
            () ->
                state.reactions.values().stream()
                    .filter(r -> r.campaignId().equals(campaignId))
                    .toList());
    return snapshot.stream();
  }

  @Override
  public void appendAudit(AuditEntry entry) {
    write(
        () -> {
          // Sealed under the write lock: the chain's last entry cannot change meanwhile.
          List<AuditEntry> log = state.audit.getOrDefault(entry.campaignId(), List.of());
          AuditEntry sealed =
              AuditChain.seal(
                  log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1)), entry);
          append(Frames.encode(RecordType.AUDIT, SpiritCodec.toJson(sealed)));
          state.appendAudit(sealed);
          return null;
        });
  }

  @Override
  public Stream<AuditEntry> streamAudit(CampaignId campaignId) {
    List<AuditEntry> snapshot =
        read(() -> List.copyOf(state.audit.getOrDefault(campaignId, List.of())));
    return snapshot.stream();
  }

  // ---- campaign lexicons (files of their own beside the log: LexiconFiles) --------------------

  @Override
  public WriteResult<CampaignLexicon> storeLexicon(CampaignLexicon next) {
    if (findCampaign(next.campaignId()).isEmpty()) {
      return new WriteResult.Missing<>();
    }
    return lexicons.store(next);
  }

  @Override
  public Optional<CampaignLexicon> findLexicon(CampaignId campaignId) {
    List<CampaignLexicon> all = read(() -> lexicons.revisions(campaignId));
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  @Override
  public List<LexiconChange> lexiconHistory(CampaignId campaignId) {
    return read(() -> lexicons.revisions(campaignId)).stream()
        .map(CampaignLexicon::change)
        .toList();
  }

  // ---- kiosk credentials (a file of their own beside the log: KioskFile) ---------------------

  @Override
  public void storeKiosk(KioskCredential credential) {
    read(
        () -> {
          kiosks.store(credential);
          return null;
        });
  }

  @Override
  public Optional<KioskCredential> findKiosk(String id) {
    return read(() -> kiosks.find(id));
  }

  @Override
  public List<KioskCredential> listKiosks() {
    return read(kiosks::list);
  }

  // ---- erasure and lifecycle ------------------------------------------------------------------

  @Override
  public ModerationState moderationState() {
    return moderationState;
  }

  @Override
  public int eraseParticipant(ParticipantId participant) {
    ensureOpen();
    // First, and whether or not they have submissions: their windows and texts go too.
    moderationState.eraseParticipant(participant);
    byte[] frame = Frames.encode(RecordType.ERASURE, Recovery.erasureJson(participant));
    int erased =
        write(
            () -> {
              if (!state.holdsDataOf(participant)) {
                return -1;
              }
              append(frame);
              return state.erase(participant);
            });
    if (erased < 0) {
      return 0;
    }
    completeErasure("the erasure of a participant");
    return erased;
  }

  @Override
  public int eraseSubmissions(CampaignId campaignId) {
    byte[] frame = Frames.encode(RecordType.PURGE, Recovery.purgeJson(campaignId));
    int erased =
        write(
            () -> {
              if (!state.holdsSubmissionsOf(campaignId)) {
                return -1;
              }
              append(frame);
              return state.eraseCampaign(campaignId);
            });
    if (erased < 0) {
      return 0;
    }
    completeErasure("the purge of campaign " + campaignId);
    return erased;
  }

  /**
   * Rewrites the store without the data an erasure record just removed from the state: {@link
   * #compact()}, whose roll also forces the erasure record first (in ASYNC mode too).
   */
  private void completeErasure(String what) {
    reached(CRASH_AFTER_ERASURE_RECORD);
    try {
      compact();
    } catch (StorageException e) {
      throw new StorageException(
          what
              + " is recorded in "
              + directory
              + " and nothing returns the data any more, but the files that hold it could not be"
              + " rewritten yet ("
              + e.getMessage()
              + "); the next compact() or open completes it",
          e);
    }
  }

  /** Test hook: called at the named points of an erasure, to crash the process there. */
  static volatile @Nullable Consumer<String> crashHook;

  static final String CRASH_AFTER_ERASURE_RECORD = "after-erasure-record";
  static final String CRASH_AFTER_SNAPSHOT = "after-snapshot";

  private static void reached(String point) {
    Consumer<String> hook = crashHook;
    if (hook != null) {
      hook.accept(point);
    }
  }

  /**
   * Flushes what is queued, releases the directory lock and closes the files. A second call does
   * nothing.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
    try {
      try {
        log.close();
      } finally {
        try {
          moderationState.close();
        } catch (IOException e) {
          throw new StorageException(
              "cannot close the moderation state of the file store " + directory, e);
        }
      }
    } finally {
      try {
        directoryLock.close();
      } catch (IOException e) {
        throw new StorageException("cannot release the lock of the file store " + directory, e);
      }
    }
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /** Queues a record; call only inside {@link #write}, after every check passed. */
  private void append(byte[] frame) {
    appliedSeq = log.append(frame);
  }

  private <T> T write(Supplier<T> action) {
    T result;
    long seq;
    lock.writeLock().lock();
    try {
      ensureOpen();
      try {
        result = action.get();
      } catch (RuntimeException e) {
        // a batch may have queued a prefix before failing: make it durable before throwing,
        // so the caller can read what was stored.
        long queued = appliedSeq;
        lock.writeLock().unlock();
        try {
          if (sync) {
            log.awaitDurable(queued);
          }
        } catch (StorageException failure) {
          e.addSuppressed(failure);
        } finally {
          lock.writeLock().lock();
        }
        throw e;
      }
      seq = appliedSeq;
    } finally {
      lock.writeLock().unlock();
    }
    if (sync || log.pendingBytes() > ASYNC_MAX_PENDING_BYTES) {
      log.awaitDurable(seq);
    }
    return result;
  }

  private <T> T read(Supplier<T> action) {
    T result;
    long seq;
    lock.readLock().lock();
    try {
      ensureOpen();
      result = action.get();
      seq = appliedSeq;
    } finally {
      lock.readLock().unlock();
    }
    if (sync) {
      log.awaitDurable(seq);
    }
    return result;
  }

  private void ensureOpen() {
    if (closed) {
      throw new StorageException("the file store at " + directory + " is closed");
    }
  }

  /** Whether the log is written with direct I/O; for tests. */
  boolean writesDirect() {
    return segments.writesDirect();
  }

  /** Whether waiting writers yield before they park; for tests. */
  boolean yieldsWhileWaiting() {
    return log.yieldsWhileWaiting();
  }

  @Override
  public String toString() {
    return "FileStore[" + directory + ", " + options.durability() + "]";
  }
}
