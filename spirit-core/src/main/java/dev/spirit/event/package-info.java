/**
 * Events that intake publishes to listeners, for notifications, webhooks and incremental
 * aggregation.
 */
@NullMarked
package dev.spirit.event;

import org.jspecify.annotations.NullMarked;
