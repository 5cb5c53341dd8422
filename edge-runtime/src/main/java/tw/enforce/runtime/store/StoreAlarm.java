package tw.enforce.runtime.store;

/** A condition an operator must see (corrupt database, quarantined folder, quota or disk full), as recorded. */
public record StoreAlarm(long atMillis, String code, String detail) {
    public static final String DATABASE_CORRUPT = "DATABASE_CORRUPT";
    public static final String PACKAGE_QUARANTINED = "PACKAGE_QUARANTINED";
    public static final String PACKAGE_FOLDER_MISSING = "PACKAGE_FOLDER_MISSING";
    public static final String QUOTA_EXHAUSTED = "QUOTA_EXHAUSTED";
    public static final String DISK_FULL = "DISK_FULL";
}
