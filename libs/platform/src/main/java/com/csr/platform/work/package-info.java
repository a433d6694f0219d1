/** Background work shared fairly between tenants. */
package com.csr.platform.work;
