/**
 * Training and the model lifecycle: starting a training ({@code /train}) and following it, the tenant's trainings,
 * every version of a kind, rollbacks, and the serving model's card and curves ({@code /models}).
 */
package com.csr.gateway.training;
