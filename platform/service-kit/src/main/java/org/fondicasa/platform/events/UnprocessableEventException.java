package org.fondicasa.platform.events;

/** A message that no retry can fix (not JSON, not an envelope, data against its schema): it goes to the DLQ. */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
