package dev.restow.ecal.db;

import dev.restow.db.Sql;
import java.sql.SQLException;

/** A database call of the ECAL migration that failed; {@link #transientFailure()} says whether a retry may help. */
public final class EcalDbException extends RuntimeException {
    private final boolean transientFailure;

    public EcalDbException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.transientFailure = Sql.isTransient(cause);
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
