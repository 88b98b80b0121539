/**
 * A web message board on the JDK's HTTP server: a public page per campaign with a form, a wall of
 * approved submissions and a live word cloud; a moderator page behind a token; a JSON API for
 * kiosks. All user text is escaped, forms carry per-session CSRF tokens, request bodies are limited
 * and posts are rate-limited per client.
 */
@NullMarked
package dev.spirit.examples.web;

import org.jspecify.annotations.NullMarked;
