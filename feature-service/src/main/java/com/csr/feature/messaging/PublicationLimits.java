package com.csr.feature.messaging;

import java.time.Duration;

/**
 * How much one publication of due customers may hold and take.
 *
 * @param dueChunk due customers taken from the store at a time: what a publication holds on the heap
 * @param budget   how long a publication goes on before it leaves the rest to the next: the longest the lines of
 *                 other tenants on the same partition wait behind one tenant's republication
 */
record PublicationLimits(int dueChunk, Duration budget) {

    static final PublicationLimits DEFAULT = new PublicationLimits(10_000, Duration.ofSeconds(2));
}
