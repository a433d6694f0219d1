/** Health: liveness is the default (up once started); readiness needs the broker and a model. */
package com.csr.ltv.health;
