package com.csr.modelservice.serving;

import com.csr.domain.persona.Persona;

/**
 * One model's answer for one customer; only the fields of its kind are set.
 *
 * @param persona          segment models
 * @param churnProbability churn models
 * @param predictedLtv     lifetime-value models
 */
public record Score(Persona persona, Double churnProbability, Double predictedLtv) {
}
