package com.csr.contracts.ids;

/**
 * The id of the run that trains one kind of model on one training set: {@code <kind>-<dataset id>}, such as
 * {@code churn-ds-20261203-ab12}. The gateway records the run as queued under it and the model service records how it
 * ended under the same id, so both build it here.
 */
public final class TrainingRunIds {

    private TrainingRunIds() {
    }

    /** The run of {@code kind} ({@code segment}, {@code churn}, {@code ltv}) on training set {@code datasetId}. */
    public static String of(String kind, String datasetId) {
        return kind + "-" + datasetId;
    }
}
