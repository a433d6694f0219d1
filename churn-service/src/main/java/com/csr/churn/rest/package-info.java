/** The churn service's own endpoint: {@code POST /explain}. The rest is the model service's (libs/model-service). */
package com.csr.churn.rest;
