/**
 * The app's web plumbing: security (moderator sign-in, kiosk tokens), request limits and the RFC
 * 9457 problem details every API error is answered with.
 */
@NullMarked
package dev.spirit.examples.boot.web;

import org.jspecify.annotations.NullMarked;
