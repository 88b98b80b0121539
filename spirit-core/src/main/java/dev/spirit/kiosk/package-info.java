/**
 * Kiosk devices and their bearer tokens: staff issue a token per device (the secret is shown once
 * and only its SHA-256 hash is stored), list and revoke them; the intake API authenticates a device
 * by its token. Use {@code Spirit.kiosks()}.
 */
@NullMarked
package dev.spirit.kiosk;

import org.jspecify.annotations.NullMarked;
