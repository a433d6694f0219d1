/**
 * Serving models in the model services, in plain Java: the three model kinds behind one interface, the per-tenant
 * registry that trains from a published training set, hot-swaps published models and scores, and what a service
 * does with them on Kafka ({@code ModelService}) and over HTTP ({@code PredictionService}, its request and answers).
 * The services add only their framework's wiring.
 */
package com.csr.modelservice.serving;
