/**
 * The README's demo: a generated "Spirit of Chongqing City" campaign across seven districts and
 * every channel, ingested with a progress bar, summarised in the terminal and in an HTML report.
 */
@NullMarked
package dev.spirit.examples.demo;

import org.jspecify.annotations.NullMarked;
