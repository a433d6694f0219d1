/** Where training sets and models live in the artifact store, one directory tree per tenant. */
package com.csr.core.artifacts;
