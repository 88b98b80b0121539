/**
 * Text handling shared by intake and moderation: validation of raw input and the canonical
 * normalized form.
 */
@NullMarked
package dev.spirit.text;

import org.jspecify.annotations.NullMarked;
