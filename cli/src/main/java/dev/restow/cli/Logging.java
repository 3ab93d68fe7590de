package dev.restow.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Adjusts the command line's logging at run time (logback is its backend). */
public final class Logging {
    private Logging() {
    }

    /** Shows restow's INFO lines (on stderr; stdout stays for results). */
    public static void verbose() {
        if (LoggerFactory.getLogger("dev.restow") instanceof Logger logger) {
            logger.setLevel(Level.INFO);
        }
    }
}
