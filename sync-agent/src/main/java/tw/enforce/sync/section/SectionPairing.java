package tw.enforce.sync.section;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Pairs the passages of one plate in one section into entry → exit trips, a pure function of the
 * passages held. Only format-valid reads take part ({@link PassageManifest.Plate#identifies}); two
 * reads are the same plate only when their normalised texts are equal, character for character. A
 * plate read differently at the two units therefore makes no pair: the entry stays open and the exit
 * unmatched, and no case is made — a near match could be another car's plate.
 *
 * <p>An exit pairs with the entries of the same plate after the plate's previous exit, before this
 * exit, within {@code maxElapsed}, made by the unit the exit names as its partner (and naming the
 * exit's unit in turn). Exactly one such entry makes a trip; several (a missed exit read between
 * two trips, or two vehicles carrying one plate) make the exit ambiguous, which is recorded and never
 * decided. Both units must describe the section alike (length, limit) and have seen the same
 * vehicle class, else the pair is a conflict, recorded and not decided.
 */
public final class SectionPairing {
    private SectionPairing() {
    }

    /** A stored passage: its manifest and that manifest's SHA-256 (the reference a decision cites). */
    public record Stored(String manifestSha256, PassageManifest manifest) {
        String unit() {
            return manifest.unitId();
        }

        PassageManifest.Section section() {
            return manifest.section();
        }

        java.time.Instant at() {
            return manifest.passage().passedAt();
        }
    }

    public sealed interface Match {
        Stored exit();
    }

    public record Paired(Stored entry, Stored exit) implements Match {
    }

    public record Ambiguous(Stored exit, List<Stored> entries) implements Match {
        public Ambiguous {
            entries = List.copyOf(entries);
        }
    }

    public record Conflict(Stored entry, Stored exit, String why) implements Match {
    }

    /** The plate as pairing compares it: letters and digits only, upper case; null when it cannot identify. */
    public static String plateKey(PassageManifest.Plate plate) {
        if (plate == null || !plate.identifies()) {
            return null;
        }
        String k = plate.text().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return k.isEmpty() ? null : k;
    }

    /** Matches for every exit among {@code passages} (one section, one plate key; others are ignored). */
    public static List<Match> pair(List<Stored> passages, Duration maxElapsed) {
        List<Stored> usable = passages.stream().filter(p -> plateKey(p.manifest().passage().plate()) != null)
                .sorted(Comparator.comparing(Stored::at).thenComparing(p -> p.manifest().packageId())).toList();
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            Stored exit = usable.get(i);
            if (!PassageManifest.Section.EXIT.equals(exit.section().role())) {
                continue;
            }
            List<Stored> candidates = new ArrayList<>();
            for (int j = i - 1; j >= 0; j--) {
                Stored e = usable.get(j);
                if (PassageManifest.Section.EXIT.equals(e.section().role())) {
                    break; // the plate's previous trip ended here
                }
                Duration elapsed = Duration.between(e.at(), exit.at());
                if (!elapsed.isNegative() && !elapsed.isZero() && elapsed.compareTo(maxElapsed) <= 0
                        && e.unit().equals(exit.section().partnerUnit())
                        && exit.unit().equals(e.section().partnerUnit())) {
                    candidates.add(0, e);
                }
            }
            if (candidates.size() > 1) {
                out.add(new Ambiguous(exit, candidates));
            } else if (candidates.size() == 1) {
                Stored entry = candidates.get(0);
                String why = disagreement(entry.manifest(), exit.manifest());
                out.add(why == null ? new Paired(entry, exit) : new Conflict(entry, exit, why));
            }
        }
        return out;
    }

    private static String disagreement(PassageManifest entryPassage, PassageManifest exitPassage) {
        String entryClass = entryPassage.passage().vehicleClass();
        String exitClass = exitPassage.passage().vehicleClass();
        if (entryClass != null && exitClass != null && !entryClass.equals(exitClass)) {
            // one plate on a car at one end and a motorcycle at the other: a misread or a false plate
            return "vehicle class differs: " + entryClass + " at entry, " + exitClass + " at exit";
        }
        PassageManifest.Section entry = entryPassage.section();
        PassageManifest.Section exit = exitPassage.section();
        if (Double.compare(entry.lengthM(), exit.lengthM()) != 0) {
            return "units disagree on the section length: entry " + entry.lengthM() + " m, exit " + exit.lengthM() + " m";
        }
        if (Double.compare(entry.limitKmh(), exit.limitKmh()) != 0) {
            return "units disagree on the limit: entry " + entry.limitKmh() + " km/h, exit " + exit.limitKmh() + " km/h";
        }
        return null;
    }
}
