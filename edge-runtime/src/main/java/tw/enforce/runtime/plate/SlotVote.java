package tw.enforce.runtime.plate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines reads of one plate by a fixed-slot recogniser made from slightly different crops (a
 * tighter and a looser margin around the same quad). A fixed-slot model stretches every crop onto
 * the same slots, so the reads line up character by character: among the reads of the most common
 * length, each position takes the character with the highest summed probability, and its
 * probability is that sum over the number of reads (a character only one crop sees counts a third).
 * Reads of other lengths are outvoted; a tie in length keeps the first (primary) crop's length.
 */
final class SlotVote {
    private SlotVote() {
    }

    static PlateText combine(List<PlateText> reads) {
        List<PlateText> legible = reads.stream().filter(r -> !r.isEmpty()).toList();
        if (legible.isEmpty()) {
            return PlateText.NOTHING;
        }
        Map<Integer, Integer> byLength = new HashMap<>();
        legible.forEach(r -> byLength.merge(r.text().length(), 1, Integer::sum));
        int length = legible.get(0).text().length();
        for (Map.Entry<Integer, Integer> e : byLength.entrySet()) {
            if (e.getValue() > byLength.get(length)) {
                length = e.getKey();
            }
        }
        int len = length;
        List<PlateText> same = legible.stream().filter(r -> r.text().length() == len).toList();
        List<PlateChar> chars = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            Map<Character, Double> sum = new HashMap<>();
            char best = same.get(0).text().charAt(i);
            for (PlateText r : same) {
                PlateChar c = r.chars().get(i);
                double s = sum.merge(c.ch(), c.probability(), Double::sum);
                if (s > sum.getOrDefault(best, 0.0)) {
                    best = c.ch();
                }
            }
            chars.add(PlateChar.unlocated(best, sum.get(best) / legible.size()));
        }
        return PlateText.of(chars);
    }
}
