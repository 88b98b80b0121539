/**
 * Readers and writers behind {@code dev.spirit.io}: the CSV, JSON-lines and xlsx row readers,
 * strict decoding with encoding detection, the content key. Not API: may change in any release.
 */
@NullMarked
package dev.spirit.io.internal;

import org.jspecify.annotations.NullMarked;
