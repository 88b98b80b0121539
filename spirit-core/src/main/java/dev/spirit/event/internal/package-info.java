/** Implementation details of event delivery. Not API: may change in any release. */
@NullMarked
package dev.spirit.event.internal;

import org.jspecify.annotations.NullMarked;
