/**
 * Retention: a campaign may keep its submissions only for a period after it closes ({@link
 * dev.spirit.campaign.Campaign#retention()}); {@link dev.spirit.retention.Retention} finds the
 * campaigns whose period has passed and erases their submissions with the same guarantee as the
 * erasure of a participant, and says what it did ({@link dev.spirit.retention.PurgeReport}).
 */
@NullMarked
package dev.spirit.retention;

import org.jspecify.annotations.NullMarked;
