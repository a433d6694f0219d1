/** The whole batch run in one process: read, clean, features, models, scores, plan, and the files it writes. */
package com.csr.cli.pipeline;
