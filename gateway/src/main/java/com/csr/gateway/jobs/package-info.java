/**
 * Batch predictions ({@code /predictions}): a list of customers scored in the background, a chunk at a time, into a
 * CSV kept in the artifact store.
 */
package com.csr.gateway.jobs;
