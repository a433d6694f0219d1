/** The gateway: the platform's public API, merging the model services' answers and the portfolio views. */
package com.csr.gateway;
