package tw.enforce.runtime.plate;

import java.util.List;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * Reads a plate group by group: {@link PaddleTextLines} finds the main character groups, the inner
 * recogniser reads each, and the texts are joined left to right (confidence weighted by length).
 * A crop where no group is found is read whole.
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
        StringBuilder text = new StringBuilder();
        double weighted = 0;
        for (BoundingBox g : groups) {
            PlateText t = inner.recognise(PlateCrops.crop(crop, g));
            text.append(t.text());
            weighted += t.confidence() * t.text().length();
        }
        return text.isEmpty() ? PlateText.NOTHING : new PlateText(text.toString(), weighted / text.length());
    }

    @Override
    public String description() {
        return inner.description() + " by text groups";
    }

    @Override
    public void close() {
        lines.close();
        inner.close();
    }
}
