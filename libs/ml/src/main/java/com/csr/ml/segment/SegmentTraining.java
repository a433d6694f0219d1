package com.csr.ml.segment;

import com.csr.domain.persona.Persona;
import java.util.List;
import java.util.Map;

/**
 * The outcome of segmenting customers.
 *
 * @param model        the chosen segmentation
 * @param k            number of segments
 * @param silhouetteByK mean silhouette of each k tried
 * @param profiles     per persona: size and centroid in the original units
 */
public record SegmentTraining(SegmentModel model, int k, Map<Integer, Double> silhouetteByK,
                              List<SegmentProfile> profiles) {

    /** The silhouette of the chosen k. */
    public double silhouette() {
        return silhouetteByK.get(k);
    }

    /**
     * One persona's place in the customer base.
     *
     * @param persona       the persona
     * @param customers     how many customers it holds
     * @param recencyDays   centroid recency, days
     * @param frequency     centroid purchase count
     * @param monetary      centroid net spend
     */
    public record SegmentProfile(Persona persona, int customers, double recencyDays, double frequency,
                                 double monetary) {
    }
}
