package tw.enforce.runtime.plate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the reads of one track across its frames and settles on one plate, so the result does
 * not flicker between variants: each distinct text scores the sum of its reads' confidences
 * (format-valid reads only, unless no read is valid), the highest total wins, and the best crop
 * kept is that of the winning text's most confident read. Not thread-safe: one per track.
 */
public final class PlateVote {
    private final Map<String, Double> totals = new HashMap<>();
    private final Map<String, PlateRead> bestOf = new HashMap<>();
    private boolean anyValid;
    private int reads;

    public void add(PlateRead read) {
        reads++;
        if (read.formatValid() && !anyValid) {
            anyValid = true;
            totals.clear();
            bestOf.clear();
        }
        if (anyValid && !read.formatValid()) {
            return;
        }
        totals.merge(read.text(), read.confidence(), Double::sum);
        bestOf.merge(read.text(), read, (a, b) -> b.confidence() > a.confidence() ? b : a);
    }

    public int reads() {
        return reads;
    }

    /** Votes for the winning text over all reads counted, in [0,1]; 0 before any read. */
    public double agreement() {
        double all = totals.values().stream().mapToDouble(Double::doubleValue).sum();
        return winner().map(w -> all <= 0 ? 0 : totals.get(w.text()) / all).orElse(0.0);
    }

    /** The winning read (its text, best crop and that crop's confidence); empty before any read. */
    public Optional<PlateRead> winner() {
        return totals.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> bestOf.get(e.getKey()));
    }
}
