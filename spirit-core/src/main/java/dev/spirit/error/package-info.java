/**
 * The exception hierarchy of Spirit: every failure a caller can act on is a {@link
 * dev.spirit.error.SpiritException} subclass that names what was wrong.
 */
@NullMarked
package dev.spirit.error;

import org.jspecify.annotations.NullMarked;
