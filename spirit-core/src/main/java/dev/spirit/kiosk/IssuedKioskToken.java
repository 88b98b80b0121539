package dev.spirit.kiosk;

import dev.spirit.error.InvalidInputException;

/**
 * A newly issued kiosk token: the stored credential and the bearer token, whose secret exists only
 * here (the store keeps its hash). Show it to the staff member once, to configure the device.
 *
 * @param credential what is stored
 * @param token the bearer token, {@code spk_<id>_<secret>}
 */
public record IssuedKioskToken(KioskCredential credential, String token) {
  public IssuedKioskToken {
    if (credential == null || token == null) {
      throw new InvalidInputException("issued", "credential and token must not be null");
    }
  }

  /** Leaves the secret out, so logging an issued token does not leak it. */
  @Override
  public String toString() {
    return "IssuedKioskToken[" + credential + ", token=spk_" + credential.id() + "_…]";
  }
}
