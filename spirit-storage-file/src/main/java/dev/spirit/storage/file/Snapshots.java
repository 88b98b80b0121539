package dev.spirit.storage.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.Reaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes a snapshot: the whole current state as insert records, framed like the log, between a
 * begin and an end record (the end record counts the records, so a partial file is recognised).
 */
final class Snapshots {
  static final byte[] HEADER = "SPIRIT-SNAPSHOT 1\n".getBytes(StandardCharsets.US_ASCII);

  private Snapshots() {}

  static String name(long number) {
    return String.format(Locale.ROOT, "snapshot-%016d.snap", number);
  }

  /**
   * Writes {@code snapshot-<number>.snap} durably: to a temporary file, forced, renamed atomically,
   * directory forced. The caller must keep writers out while it runs.
   */
  static Path write(Path directory, long number, StoreState state) throws IOException {
    Path target = directory.resolve(name(number));
    Path temp = directory.resolve(name(number) + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      Writer out = new Writer(ch);
      out.put(HEADER);
      out.put(
          Frames.encode(
              RecordType.SNAPSHOT_BEGIN,
              Recovery.META.createObjectNode().put("format", 1).put("segment", number).toString()));
      long records = 0;
      for (Campaign c : state.campaigns.values()) {
        out.put(Frames.encode(RecordType.CAMPAIGN_INSERT, SpiritCodec.toJson(c)));
        records++;
      }
      for (StoreState.CampaignIndex index : state.byCampaign.values()) {
        for (SubmissionRow row : index.all) {
          out.put(
              Frames.encode(RecordType.SUBMISSION_INSERT, SpiritCodec.toJson(row.toSubmission())));
          records++;
        }
      }
      for (Reaction r : state.reactions.values()) {
        out.put(Frames.encode(RecordType.REACTION, SpiritCodec.toJson(r)));
        records++;
      }
      for (List<AuditEntry> entries : state.audit.values()) {
        for (AuditEntry a : entries) {
          out.put(Frames.encode(RecordType.AUDIT, SpiritCodec.toJson(a)));
          records++;
        }
      }
      out.put(
          Frames.encode(
              RecordType.SNAPSHOT_END,
              Recovery.META.createObjectNode().put("records", records).toString()));
      out.flush();
      ch.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    FileSupport.forceDirectory(directory);
    return target;
  }

  /** Buffers small writes into large ones. */
  private static final class Writer {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private long position;

    Writer(FileChannel channel) {
      this.channel = channel;
    }

    void put(byte[] bytes) throws IOException {
      if (bytes.length > buffer.remaining()) {
        flush();
      }
      if (bytes.length > buffer.capacity()) {
        position = FileSupport.writeFully(channel, ByteBuffer.wrap(bytes), position);
        return;
      }
      buffer.put(bytes);
    }

    void flush() throws IOException {
      buffer.flip();
      position = FileSupport.writeFully(channel, buffer, position);
      buffer.clear();
    }
  }
}
