/** Tenants: the retailers sharing one deployment, the rules their ids follow and those of what is kept under them. */
package com.csr.contracts.ids;
