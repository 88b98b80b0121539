/**
 * The durable file backend: an append-only, checksummed log of JSON records with group commit,
 * crash recovery, snapshots and a cross-process lock. Open it with {@link
 * dev.spirit.storage.file.FileStore#open} or the store URI {@code file:<directory>}.
 */
@NullMarked
package dev.spirit.storage.file;

import org.jspecify.annotations.NullMarked;
