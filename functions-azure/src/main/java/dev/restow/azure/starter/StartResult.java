package dev.restow.azure.starter;

import dev.restow.ecal.selection.Preview;

import java.util.Objects;

/** What a start request came to; the HTTP starter maps each to a status code. */
public sealed interface StartResult {

    /** 400: the request is malformed; {@code message} names the problem. */
    record Rejected(String message) implements StartResult {
        public Rejected {
            Objects.requireNonNull(message, "message");
        }
    }

    /** 200: a dry run; nothing was started. */
    record Previewed(Preview preview) implements StartResult {
        public Previewed {
            Objects.requireNonNull(preview, "preview");
        }
    }

    /** 409: the records no longer match the plan the caller reviewed. */
    record StalePlan(String message) implements StartResult {
        public StalePlan {
            Objects.requireNonNull(message, "message");
        }
    }

    /** 200: the plan matches and covers no records, so nothing was started. */
    record NothingToMigrate(String message) implements StartResult {
        public NothingToMigrate {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * 202: the orchestration {@code instanceId} runs; {@code alreadyRunning} when an identical request had started it
     * and this one started nothing new.
     */
    record Started(String instanceId, boolean alreadyRunning) implements StartResult {
        public Started {
            Objects.requireNonNull(instanceId, "instanceId");
        }
    }
}
