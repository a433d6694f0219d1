/** Where training sets, models and reports live: the layout of the artifact store, one tree per tenant. */
package com.csr.platform.artifacts;
