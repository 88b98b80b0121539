/**
 * The moderator queue: signed-in moderators claim a submission (a lease), decide about it, or
 * release it.
 */
@NullMarked
package dev.spirit.examples.boot.moderation;

import org.jspecify.annotations.NullMarked;
