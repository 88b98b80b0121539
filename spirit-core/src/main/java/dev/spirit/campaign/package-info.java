/**
 * Campaigns: what is asked, where and through which channels, when, and under which submission
 * rules.
 */
@NullMarked
package dev.spirit.campaign;

import org.jspecify.annotations.NullMarked;
