/**
 * The {@code csr} command line: {@code train} (the batch pipeline), {@code bench} (the speed figures),
 * {@code generate} (a messy export of any size with its exact accounting) and the Kafka and audit commands.
 */
package com.csr.cli;
