package tw.enforce.runtime.evidence;

/** One file of a package before signing: name, what it shows, the frame it came from, its bytes. */
public record EvidenceFile(String name, String role, long frameSequence, byte[] bytes) {
}
