/**
 * Spring Boot auto-configuration for Spirit: a store, moderation lexicons, a clock, the Spirit
 * instance, its review queue, a health indicator and Micrometer metrics, each configured from
 * {@code spirit.*} properties and each replaceable by a bean of the application's own.
 */
@NullMarked
package dev.spirit.spring.boot;

import org.jspecify.annotations.NullMarked;
