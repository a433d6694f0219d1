/**
 * Scoring one customer ({@code POST /predict}): the three model services asked in parallel, their answers merged
 * with the persona's retention action and the expected loss; a service that fails or is late leaves its part
 * unavailable.
 */
package com.csr.gateway.predict;
