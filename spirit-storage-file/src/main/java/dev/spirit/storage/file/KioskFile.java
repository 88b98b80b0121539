package dev.spirit.storage.file;

import dev.spirit.error.StorageException;
import dev.spirit.kiosk.KioskCredential;
import dev.spirit.storage.SpiritCodec;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The kiosk credentials of a file store, beside its log: {@code kiosks.jsonl}, one credential per
 * line in {@link SpiritCodec}'s JSON, in the order they were issued. Like {@link LexiconFiles}:
 * credentials change rarely (a few devices per district), so each change rewrites the file whole (a
 * temporary file, forced, renamed over the old one atomically, the directory forced under {@link
 * Durability#SYNC}); a crash leaves the old file or the new one. Read once, then kept in memory;
 * one lock orders the writes.
 */
final class KioskFile {
  private final Path directory;
  private final Path file;
  private final boolean sync;
  private @Nullable Map<String, KioskCredential> loaded;

  KioskFile(Path storeDirectory, boolean sync) {
    this.directory = storeDirectory;
    this.file = storeDirectory.resolve("kiosks.jsonl");
    this.sync = sync;
  }

  synchronized void store(KioskCredential credential) {
    Map<String, KioskCredential> next = new LinkedHashMap<>(all());
    next.put(credential.id(), credential);
    write(next);
    loaded = next;
  }

  synchronized Optional<KioskCredential> find(String id) {
    return Optional.ofNullable(all().get(id));
  }

  synchronized List<KioskCredential> list() {
    return List.copyOf(all().values());
  }

  private Map<String, KioskCredential> all() {
    Map<String, KioskCredential> current = loaded;
    if (current == null) {
      current = load();
      loaded = current;
    }
    return current;
  }

  private Map<String, KioskCredential> load() {
    Map<String, KioskCredential> found = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          KioskCredential k = SpiritCodec.kioskFromJson(line);
          found.put(k.id(), k);
        } catch (StorageException e) {
          throw new StorageException(file + ":" + lineNo + ": " + e.getMessage(), e);
        }
      }
    } catch (NoSuchFileException e) {
      return new LinkedHashMap<>();
    } catch (IOException e) {
      throw new StorageException("cannot read the kiosk credentials in " + file, e);
    }
    return found;
  }

  private void write(Map<String, KioskCredential> all) {
    StringBuilder text = new StringBuilder();
    for (KioskCredential k : all.values()) {
      text.append(SpiritCodec.toJson(k)).append('\n');
    }
    Path temporary = directory.resolve("kiosks.jsonl.tmp");
    try {
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
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (sync) {
        FileSupport.forceDirectory(directory);
      }
    } catch (IOException e) {
      // The rename may have happened before the failure: read the file again next time.
      loaded = null;
      throw new StorageException("cannot store a kiosk credential in " + file + ": " + e, e);
    }
  }
}
