/** Rules for what the platform writes out for other tools to open: CSV cells a spreadsheet reads as text. */
package com.csr.domain.exports;
