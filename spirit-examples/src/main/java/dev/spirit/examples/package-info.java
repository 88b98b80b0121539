/** Runnable examples of embedding Spirit in a district's application. */
@NullMarked
package dev.spirit.examples;

import org.jspecify.annotations.NullMarked;
