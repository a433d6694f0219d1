package com.csr.contracts.events;

/**
 * A point-in-time training set ready in the artifact store, on {@code training.datasets}: the model services train
 * on it.
 *
 * @param tenantId    whose
 * @param datasetId   its id, also the version of the models trained on it
 * @param uri         where it is (a directory)
 * @param asOf        the as-of date (YYYY-MM-DD)
 * @param horizonDays the label horizon
 * @param customers   customers scored as of the as-of date
 * @param createdAt   ISO instant
 */
public record TrainingDataset(String tenantId, String datasetId, String uri, String asOf, int horizonDays,
                              int customers, String createdAt) {
}
