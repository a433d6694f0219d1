package com.csr.gateway.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One training as the API shows it: the models one training set gave, what became of each, and the data it was cut
 * from.
 *
 * @param modelId    its id (the training set's; {@code model_id} in {@code POST /predict} pins it)
 * @param startedAt  when it was asked for
 * @param finishedAt when its last model settled, or null while one trains
 * @param asOf       the last date of the data it was trained on, once known
 * @param status     {@code training}, {@code active} (every kind serves), {@code partly_active}, {@code finished}
 *                   (none serves) or {@code failed} (every kind failed)
 * @param isDefault  true when every kind it trained serves
 * @param models     per kind: its state and metrics
 * @param dataFiles  the tenant's files received before it started: the data it was cut from
 */
public record TrainingView(String modelId, Instant startedAt, Instant finishedAt, String asOf, String status,
                           boolean isDefault, Map<String, Model> models, List<DataFile> dataFiles) {

    /**
     * What one kind made of the training.
     *
     * @param status  {@code training}, {@code active}, {@code registered} (kept out, see reason), {@code retired}
     *                or {@code failed}
     * @param reason  why it was kept out or failed, or null
     * @param metrics its out-of-time metrics
     */
    public record Model(String status, String reason, Map<String, Double> metrics) {
    }

    /**
     * A file of the data.
     *
     * @param fileId     its id
     * @param name       the name it was uploaded under
     * @param receivedAt when it arrived
     * @param columns    the column mapping it was read with; null when its header named the columns
     */
    public record DataFile(String fileId, String name, Instant receivedAt, Map<String, String> columns) {
    }
}
