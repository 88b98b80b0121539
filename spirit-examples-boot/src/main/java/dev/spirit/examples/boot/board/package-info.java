/** The public board: the campaign page with its submit form, the wall and the word cloud. */
@NullMarked
package dev.spirit.examples.boot.board;

import org.jspecify.annotations.NullMarked;
