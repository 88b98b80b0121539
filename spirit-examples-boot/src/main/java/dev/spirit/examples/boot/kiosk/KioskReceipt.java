package dev.spirit.examples.boot.kiosk;

/**
 * The answer to an accepted submission.
 *
 * @param id the submission's id
 * @param status its status: {@code pending} until a moderator approves it, or {@code approved}
 * @param replayed true if this idempotency key was seen before and nothing new was stored
 */
public record KioskReceipt(String id, String status, boolean replayed) {}
