package com.csr.domain.transactions;

/** A transaction file that cannot be read as a whole; the message names the problem in one line. */
public class InvalidTransactionFileException extends RuntimeException {

    public InvalidTransactionFileException(String message) {
        super(message);
    }

    public InvalidTransactionFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
