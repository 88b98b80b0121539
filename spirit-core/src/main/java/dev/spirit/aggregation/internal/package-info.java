/**
 * Leaf helpers of aggregation (HyperLogLog registers, a primitive counter map, the English stemmer,
 * participant hashing). Not API: may change in any release.
 */
@NullMarked
package dev.spirit.aggregation.internal;

import org.jspecify.annotations.NullMarked;
