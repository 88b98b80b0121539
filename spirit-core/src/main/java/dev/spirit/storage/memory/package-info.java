/**
 * A thread-safe in-memory storage backend for tests and quick starts; nothing survives the process.
 */
@NullMarked
package dev.spirit.storage.memory;

import org.jspecify.annotations.NullMarked;
