/**
 * The storage contract test kit: extend {@link dev.spirit.storage.tck.SpiritStoreContract} in a
 * backend's tests and every promise of the {@link dev.spirit.storage.SpiritStore} SPI is checked.
 */
@NullMarked
package dev.spirit.storage.tck;

import org.jspecify.annotations.NullMarked;
