package tw.enforce.sync.center;

/**
 * A verified package that does not fit its unit's hash chain: its sequence is already held by another
 * package, or its previous-manifest hash disagrees with a stored neighbour. Its signature is good, so
 * the unit itself produced an inconsistent chain (a restored database, a second unit with the same
 * key, tampering before signing): the package is quarantined and an alarm raised.
 */
public final class ChainBrokenException extends Exception {
    public ChainBrokenException(String message) {
        super(message);
    }
}
