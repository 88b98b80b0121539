/**
 * A district's campaign site on Spring Boot and the Spirit starter: {@link
 * dev.spirit.examples.boot.DistrictApplication} and its configuration.
 */
@NullMarked
package dev.spirit.examples.boot;

import org.jspecify.annotations.NullMarked;
