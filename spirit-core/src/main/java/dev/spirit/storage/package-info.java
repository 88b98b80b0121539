/**
 * The storage SPI: the small set of primitives a backend implements, plus backend discovery by URI.
 */
@NullMarked
package dev.spirit.storage;

import org.jspecify.annotations.NullMarked;
