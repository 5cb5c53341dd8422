package tw.enforce.runtime.plate;

import java.util.ArrayList;
import java.util.List;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * Reads a plate group by group: {@link PaddleTextLines} finds the main character groups, the inner
 * recogniser reads each, and the characters are joined left to right. That keeps a country band or
 * small print out of most reads; what still slips in is cleaned by {@link SpuriousCharacters}
 * against a second, whole-crop read: a character read twice where two groups overlap is kept once,
 * and a weak character that the whole read sees nothing at, or that stands apart at an end, is
 * dropped. The whole read is made only when some character is weak. A crop where no group is found
 * is read whole.
 */
public final class LineSplittingRecogniser implements PlateRecogniser {
    private final PaddleTextLines lines;
    private final PlateRecogniser inner;

    public LineSplittingRecogniser(PaddleTextLines lines, PlateRecogniser inner) {
        this.lines = lines;
        this.inner = inner;
    }

    @Override
    public PlateText recognise(Frame crop) throws PlateReaderException {
        List<BoundingBox> groups = lines.find(crop);
        if (groups.isEmpty()) {
            return inner.recognise(crop);
        }
        List<PlateChar> chars = new ArrayList<>();
        for (BoundingBox g : groups) {
            double left = Math.max(0, Math.floor(g.x1()));
            for (PlateChar c : inner.recognise(PlateCrops.crop(crop, g)).chars()) {
                chars.add(c.located() ? c.shifted(left) : c);
            }
        }
        List<PlateChar> kept = SpuriousCharacters.mergeOverlaps(chars);
        if (SpuriousCharacters.anyWeak(kept)) {
            kept = SpuriousCharacters.confirmedBy(kept, inner.recognise(crop).chars());
        }
        return PlateText.of(SpuriousCharacters.withoutIsolatedEnds(kept));
    }

    @Override
    public String description() {
        return inner.description() + " by text groups, checked whole";
    }

    @Override
    public void close() {
        lines.close();
        inner.close();
    }
}
