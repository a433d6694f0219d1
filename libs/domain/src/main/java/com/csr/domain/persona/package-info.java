/** Personas: the names and retention meaning given to customer segments, whichever model finds the segments. */
package com.csr.domain.persona;
