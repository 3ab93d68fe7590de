package dev.restow.cli;

/**
 * A problem with what the user asked for (an option value, a missing setting) found after parsing. Reported as one
 * line and exit code {@link ExitCodes#USAGE}; nothing was done.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
