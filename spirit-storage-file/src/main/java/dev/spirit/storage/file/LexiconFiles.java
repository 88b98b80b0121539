package dev.spirit.storage.file;

import dev.spirit.campaign.CampaignId;
import dev.spirit.error.StorageException;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.WriteResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The campaigns' lexicons of a file store, beside its log: {@code lexicons/<campaign id>.jsonl},
 * one revision per line in {@link SpiritCodec}'s JSON, oldest first. Lexicons change rarely and are
 * read often, so they stay out of the log and its recovery.
 *
 * <ol>
 *   <li>A new revision rewrites the campaign's file whole: a temporary file in the same directory,
 *       written and forced to disk, renamed over the old one atomically, then the directory forced
 *       (the last two only under {@link Durability#SYNC}'s fsyncs). A crash leaves the old file or
 *       the new one, never a mixture; a temporary file left behind is overwritten by the next
 *       write.
 *   <li>One lock orders the writes (one process holds the store directory), which makes "the
 *       current revision is the expected one, then store" atomic.
 *   <li>Each campaign's revisions are read once and then kept in memory.
 * </ol>
 */
final class LexiconFiles {
  private final Path storeDirectory;
  private final Path directory;
  private final boolean sync;
  private final ReentrantLock writes = new ReentrantLock();
  private final Map<CampaignId, List<CampaignLexicon>> revisions = new ConcurrentHashMap<>();

  LexiconFiles(Path storeDirectory, boolean sync) {
    this.storeDirectory = storeDirectory;
    this.directory = storeDirectory.resolve("lexicons");
    this.sync = sync;
  }

  List<CampaignLexicon> revisions(CampaignId id) {
    return revisions.computeIfAbsent(id, this::load);
  }

  WriteResult<CampaignLexicon> store(CampaignLexicon next) {
    writes.lock();
    try {
      List<CampaignLexicon> current = revisions(next.campaignId());
      if (current.size() != next.revision() - 1) {
        return new WriteResult.VersionWas<>(current.size());
      }
      List<CampaignLexicon> updated = new ArrayList<>(current);
      updated.add(next);
      try {
        write(next.campaignId(), updated);
      } catch (StorageException e) {
        // The rename may have happened before the failure: read the file again next time.
        revisions.remove(next.campaignId());
        throw e;
      }
      revisions.put(next.campaignId(), List.copyOf(updated));
      return new WriteResult.Stored<>(next);
    } finally {
      writes.unlock();
    }
  }

  private Path file(CampaignId id) {
    return directory.resolve(id + ".jsonl");
  }

  private List<CampaignLexicon> load(CampaignId id) {
    Path file = file(id);
    List<CampaignLexicon> found = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        CampaignLexicon revision;
        try {
          revision = SpiritCodec.lexiconFromJson(line);
        } catch (StorageException e) {
          throw new StorageException(file + ":" + lineNo + ": " + e.getMessage(), e);
        }
        if (revision.revision() != found.size() + 1 || !revision.campaignId().equals(id)) {
          throw new StorageException(
              file
                  + ":"
                  + lineNo
                  + " holds revision "
                  + revision.revision()
                  + " of campaign "
                  + revision.campaignId()
                  + " where revision "
                  + (found.size() + 1)
                  + " of "
                  + id
                  + " belongs");
        }
        found.add(revision);
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new StorageException("cannot read the lexicons of campaign " + id + " in " + file, e);
    }
    return List.copyOf(found);
  }

  private void write(CampaignId id, List<CampaignLexicon> all) {
    StringBuilder text = new StringBuilder();
    for (CampaignLexicon revision : all) {
      text.append(SpiritCodec.toJson(revision)).append('\n');
    }
    Path target = file(id);
    Path temporary = directory.resolve(id + ".jsonl.tmp");
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory);
        if (sync) {
          FileSupport.forceDirectory(storeDirectory);
        }
      }
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        FileSupport.writeFully(
            channel, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
        if (sync) {
          channel.force(true);
        }
      }
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (sync) {
        FileSupport.forceDirectory(directory);
      }
    } catch (IOException e) {
      throw new StorageException(
          "cannot store the lexicon of campaign " + id + " in " + target + ": " + e, e);
    }
  }
}
