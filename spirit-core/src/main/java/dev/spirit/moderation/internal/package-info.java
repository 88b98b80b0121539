/**
 * Implementation of moderation: the normalized view of a text, the multi-pattern automaton,
 * shingling and personal-data scanning. Not part of the public API.
 */
@NullMarked
package dev.spirit.moderation.internal;

import org.jspecify.annotations.NullMarked;
