package tw.enforce.runtime.store;

/**
 * How much disk the evidence folders may use ({@code quotaBytes}, 0 = no quota). The quota
 * covers package folders only; the database and the quarantine are outside it.
 */
public record StoreSettings(long quotaBytes) {
    public static final StoreSettings UNLIMITED = new StoreSettings(0);

    public StoreSettings {
        if (quotaBytes < 0) {
            throw new IllegalArgumentException("evidence quota must be >= 0 bytes (0 = none), got " + quotaBytes);
        }
    }

    public boolean hasQuota() {
        return quotaBytes > 0;
    }
}
