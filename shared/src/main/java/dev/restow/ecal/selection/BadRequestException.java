package dev.restow.ecal.selection;

/**
 * A migration request the caller must fix. The message names the field and what is wrong with it, and is
 * safe to show to the caller as it is (it never contains secrets).
 */
public final class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
