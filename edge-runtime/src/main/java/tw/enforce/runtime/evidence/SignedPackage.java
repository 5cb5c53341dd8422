package tw.enforce.runtime.evidence;

import java.util.List;

/**
 * A finished package: the exact manifest bytes, their Ed25519 signature, and the media files the
 * manifest lists. Nothing in it may change after signing.
 */
public record SignedPackage(String packageId, long sequence, String manifestSha256, byte[] manifestJson,
                            byte[] signature, List<EvidenceFile> files) {
}
