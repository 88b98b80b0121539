/** Participants: pseudonymous people who give submissions, with their role and consent record. */
@NullMarked
package dev.spirit.participant;

import org.jspecify.annotations.NullMarked;
