/**
 * Spirit's entry point: {@link dev.spirit.Spirit} takes in submissions to public collection
 * campaigns, moderates them, and keeps them in a pluggable storage backend.
 */
@NullMarked
package dev.spirit;

import org.jspecify.annotations.NullMarked;
