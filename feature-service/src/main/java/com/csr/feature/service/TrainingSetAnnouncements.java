package com.csr.feature.service;

import com.csr.contracts.events.TrainingDataset;

/**
 * Where a written training set is announced so that the model services train on it: {@code training.datasets}
 * ({@code messaging.TrainingDatasetPublisher}). An interface so that the service layer does not name the messaging
 * layer, which names the service layer's records.
 */
public interface TrainingSetAnnouncements {

    /**
     * Announces the training set and returns once the broker holds it.
     *
     * @throws org.apache.kafka.common.KafkaException when the broker does not take it in time
     */
    void publish(TrainingDataset dataset);
}
