package tw.enforce.runtime.evidence;

/** A package's place in its unit's hash chain: its sequence and the previous manifest's SHA-256. */
public record ChainLink(long sequence, String previousManifestSha256) {
}
