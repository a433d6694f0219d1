/** The retention plan: expected loss per customer, an action per persona, and a budget spent where it saves most. */
package com.csr.domain.plan;
