/** The kiosk REST API ({@code POST /api/v1/campaigns/{slug}/submissions}) and its bearer tokens. */
@NullMarked
package dev.spirit.examples.boot.kiosk;

import org.jspecify.annotations.NullMarked;
