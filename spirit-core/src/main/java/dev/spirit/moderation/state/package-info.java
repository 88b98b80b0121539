/**
 * The moderation-state SPI: the sliding-window history the rate, duplicate and flood rules decide
 * on, kept by the store so that several instances and restarts share it. {@link
 * dev.spirit.moderation.state.ModerationState} holds the atomic primitives a backend implements;
 * {@link dev.spirit.moderation.state.InMemoryModerationState} is the in-process implementation.
 */
@NullMarked
package dev.spirit.moderation.state;

import org.jspecify.annotations.NullMarked;
