/** Implementation details of spirit-core. Not API: may change in any release. */
@NullMarked
package dev.spirit.internal;

import org.jspecify.annotations.NullMarked;
