package dev.restow.cli;

/** The command line's exit codes. */
public final class ExitCodes {
    /** Everything expected happened. */
    public static final int OK = 0;
    /** The command ran but not everything expected happened (failures, missing outcomes, a declined prompt). */
    public static final int INCOMPLETE = 1;
    /** Bad usage or configuration: nothing was done. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
