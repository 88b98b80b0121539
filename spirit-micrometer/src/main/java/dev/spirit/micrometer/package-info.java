/**
 * Micrometer metrics for Spirit: {@link dev.spirit.micrometer.SpiritMetrics} listens to a {@link
 * dev.spirit.Spirit} instance and binds its meters to any {@code MeterRegistry}, with or without
 * Spring Boot.
 */
@NullMarked
package dev.spirit.micrometer;

import org.jspecify.annotations.NullMarked;
