package io.herald.internal.cluster;

/**
 * The cluster could not be reached (Redis is down or did not answer in time): whatever was asked did not happen, and
 * may be tried again. The REST API answers 503; the {@code local} driver's send fails as retryable.
 */
public final class ClusterUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
