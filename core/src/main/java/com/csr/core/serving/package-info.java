/**
 * Serving models in the model services: the three model kinds behind one interface, and the per-tenant registry
 * that trains from a published training set, hot-swaps published models, and scores.
 */
package com.csr.core.serving;
