package dev.restow.azure.migration;

/** Names of the migration's activity functions, as orchestrators call them and the host lists them. */
public final class ActivityNames {
    public static final String PLAN = "EcalPlan";
    public static final String LIST_PAGE = "EcalListPage";
    public static final String START_COPIES = "EcalStartCopies";
    public static final String COPY_STATUS = "EcalCopyStatus";
    public static final String ABORT_COPIES = "EcalAbortCopies";
    public static final String VERIFY = "EcalVerify";
    public static final String COMMIT = "EcalCommit";
    public static final String DELETE_SOURCE = "EcalDeleteSource";
    public static final String FINISH = "EcalFinish";

    private ActivityNames() {
    }
}
