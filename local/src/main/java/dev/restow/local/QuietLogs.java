package dev.restow.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Turns the embedded servers' own loggers down to WARN when logback is the SLF4J backend, because logback without a
 * configuration logs everything at DEBUG. Loggers that the application's configuration already sets are left alone.
 * Done reflectively so that {@code local} needs no logging backend and no configuration file that could leak into
 * other modules' jars.
 */
final class QuietLogs {

    /** The servers' own loggers (S3Proxy's shaded Jetty logs under org.gaul.shaded). */
    private static final List<String> NOISY = List.of("org.gaul", "org.elasticmq", "org.apache.pekko", "io.zonky");

    private static volatile boolean applied;

    private QuietLogs() {
    }

    static void apply() {
        if (applied) {
            return;
        }
        applied = true;
        try {
            Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level");
            Object warn = levelClass.getField("WARN").get(null);
            for (String name : NOISY) {
                Logger logger = LoggerFactory.getLogger(name);
                if (!logger.getClass().getName().equals("ch.qos.logback.classic.Logger")) {
                    return;
                }
                Method getLevel = logger.getClass().getMethod("getLevel");
                if (getLevel.invoke(logger) == null) {
                    logger.getClass().getMethod("setLevel", levelClass).invoke(logger, warn);
                }
            }
        } catch (ClassNotFoundException e) {
            // not logback: nothing to quiet
        } catch (ReflectiveOperationException | LinkageError e) {
            LoggerFactory.getLogger(QuietLogs.class).debug("could not quiet server loggers: {}", e.toString());
        }
    }
}
