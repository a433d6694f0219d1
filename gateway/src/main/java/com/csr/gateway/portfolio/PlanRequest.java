package com.csr.gateway.portfolio;

import java.util.Map;

/**
 * A retention plan request.
 *
 * @param budget       money available
 * @param actionCosts  optional cost per action by persona name or code, replacing the defaults
 */
public record PlanRequest(Double budget, Map<String, Double> actionCosts) {
}
