package tw.enforce.sim.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tw.enforce.sim.score.RedLightScore;
import tw.enforce.sim.truth.GroundTruth;
import tw.enforce.sync.center.StoredPackage;

/** What a run produced: truth, what the center holds, the unit's outbox and status, the score, the timings. */
public record RunResult(GroundTruth truth, List<StoredPackage> center, Map<String, Long> outbox, RedLightScore score,
                        String detector, String detectorNote, String scenery, int frames, double simSeconds, double wallSeconds,
                        String unitStatus, Path outDir) {

    /** Every package the unit made reached the center, verified, and was acknowledged back. */
    public boolean allDelivered() {
        long acked = outbox.getOrDefault("acknowledged", 0L);
        long total = outbox.values().stream().mapToLong(Long::longValue).sum();
        return acked == total && center.stream().allMatch(p -> p.status() == StoredPackage.Status.ACCEPTED)
                && center.size() == total;
    }
}
