/** The {@code csr} command line: {@code train} (the batch pipeline) and {@code bench} (the speed figures). */
package com.csr.core.cli;
