/** Tenants: the retailers sharing one deployment, and the rules their ids follow. */
package com.csr.core.tenants;
