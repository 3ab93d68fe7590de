package dev.restow.image.internal;

import dev.restow.outcome.Outcome;

/** Why an image cannot be converted: carries the final outcome and a detail for the log. Never escapes the codec. */
public final class ImageProblem extends Exception {

    private final transient Outcome outcome;

    private ImageProblem(Outcome outcome, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.outcome = outcome;
    }

    public static ImageProblem rejected(String reason, String detail) {
        return new ImageProblem(Outcome.rejected(reason), detail, null);
    }

    public static ImageProblem rejected(String reason, String detail, Throwable cause) {
        return new ImageProblem(Outcome.rejected(reason), detail, cause);
    }

    public static ImageProblem skipped(String reason, String detail) {
        return new ImageProblem(Outcome.skipped(reason), detail, null);
    }

    public static ImageProblem corrupt(String detail) {
        return rejected(dev.restow.outcome.Reasons.CORRUPT, detail);
    }

    public Outcome outcome() {
        return outcome;
    }
}
