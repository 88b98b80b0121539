package dev.spirit.storage.file;

import org.jspecify.annotations.Nullable;

/** The kind of record a frame holds: one ASCII letter on disk, right before the JSON. */
enum RecordType {
  CAMPAIGN_INSERT('C'),
  CAMPAIGN_UPDATE('c'),
  SUBMISSION_INSERT('S'),
  SUBMISSION_UPDATE('s'),
  REACTION('R'),
  AUDIT('A'),
  ERASURE('E'),
  PURGE('P'),
  SNAPSHOT_BEGIN('B'),
  SNAPSHOT_END('Z');

  private static final @Nullable RecordType[] BY_TAG = new RecordType[128];

  static {
    for (RecordType t : values()) {
      BY_TAG[t.tag] = t;
    }
  }

  final byte tag;

  RecordType(char tag) {
    this.tag = (byte) tag;
  }

  static @Nullable RecordType ofTag(byte tag) {
    return tag >= 0 ? BY_TAG[tag] : null;
  }
}
