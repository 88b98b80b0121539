/** Moderation: the hook through which intake screens each new submission before it is stored. */
@NullMarked
package dev.spirit.moderation;

import org.jspecify.annotations.NullMarked;
