/** A district's embedding example: the Yuzhong kiosk at Jiefangbei, in a few dozen lines. */
@NullMarked
package dev.spirit.examples.kiosk;

import org.jspecify.annotations.NullMarked;
