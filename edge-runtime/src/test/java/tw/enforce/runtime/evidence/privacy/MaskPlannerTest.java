package tw.enforce.runtime.evidence.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.config.PrivacyConfig;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.ObjectClass;

class MaskPlannerTest {
    private static final PrivacyConfig DEFAULTS = PrivacyConfig.DEFAULTS;
    private static final BoundingBox OFFENDER = new BoundingBox(100, 200, 300, 360);
    private static final BoundingBox BYSTANDER = new BoundingBox(400, 220, 560, 340);

    @Test
    void bystanderPlateIsMaskedButNotTheOffendersOwnDetection() {
        List<Detection> frame = List.of(car(new BoundingBox(102, 198, 301, 362)), car(BYSTANDER));

        List<MaskRegion> plan = new MaskPlanner(DEFAULTS).plan(640, 480, OFFENDER, frame, List.of(), null);

        assertEquals(1, plan.size(), plan.toString());
        MaskRegion r = plan.get(0);
        assertEquals(MaskRegion.Kind.PLATE, r.kind());
        assertEquals(MaskRegion.Source.VEHICLE_LOWER_PART, r.source());
        assertEquals(BYSTANDER.y2(), r.box().y2(), 1e-9);
        assertEquals(BYSTANDER.y2() - BYSTANDER.height() * MaskPlanner.LOWER_PART, r.box().y1(), 1e-9);
    }

    @Test
    void aConfidentLocalisedPlateIsMaskedInsteadOfTheWholeLowerPart() {
        BoundingBox plate = new BoundingBox(450, 300, 510, 318);
        List<MaskRegion> plan = new MaskPlanner(DEFAULTS).plan(640, 480, OFFENDER, List.of(car(BYSTANDER)), List.of(),
                v -> List.of(new MaskPlanner.LocatedPlate(plate, 0.9)));

        assertEquals(1, plan.size());
        assertEquals(MaskRegion.Source.PLATE_LOCALISER, plan.get(0).source());
        assertTrue(plan.get(0).box().x1() < plate.x1() && plan.get(0).box().x2() > plate.x2(), "padded around the plate");
        assertTrue(plan.get(0).box().height() < BYSTANDER.height() * MaskPlanner.LOWER_PART, "smaller than the fallback");
    }

    @Test
    void aDoubtfulOrMisplacedLocalisationFallsBackToTheLowerPart() {
        BoundingBox roofSign = new BoundingBox(450, 222, 510, 240);
        BoundingBox weakPlate = new BoundingBox(450, 300, 510, 318);
        MaskPlanner planner = new MaskPlanner(DEFAULTS);

        List<MaskRegion> high = planner.plan(640, 480, OFFENDER, List.of(car(BYSTANDER)), List.of(),
                v -> List.of(new MaskPlanner.LocatedPlate(roofSign, 0.95)));
        List<MaskRegion> weak = planner.plan(640, 480, OFFENDER, List.of(car(BYSTANDER)), List.of(),
                v -> List.of(new MaskPlanner.LocatedPlate(weakPlate, 0.2)));

        assertEquals(MaskRegion.Source.VEHICLE_LOWER_PART, high.get(0).source());
        assertEquals(MaskRegion.Source.VEHICLE_LOWER_PART, weak.get(0).source());
    }

    @Test
    void pedestrianHeadsAreMaskedButTheOffendersRiderOnlyWhenConfigured() {
        BoundingBox scooter = new BoundingBox(100, 200, 180, 360);
        BoundingBox rider = new BoundingBox(105, 190, 175, 320);
        BoundingBox pedestrian = new BoundingBox(500, 100, 540, 220);
        List<Detection> frame = List.of(det(scooter, ObjectClass.MOTORCYCLE), det(rider, ObjectClass.PERSON),
                det(pedestrian, ObjectClass.PERSON));

        List<MaskRegion> plain = new MaskPlanner(DEFAULTS).plan(640, 480, scooter, frame, List.of(), null);
        List<MaskRegion> occupants = new MaskPlanner(new PrivacyConfig(null, null, null, true, null, null))
                .plan(640, 480, scooter, frame, List.of(), null);

        assertEquals(1, plain.size(), plain.toString());
        MaskRegion head = plain.get(0);
        assertEquals(MaskRegion.Source.PERSON_HEAD, head.source());
        assertTrue(head.box().y1() <= pedestrian.y1() && head.box().y2() < pedestrian.y1() + pedestrian.height() * 0.3,
                "head region at the top of the person: " + head.box());
        assertTrue(occupants.stream().anyMatch(r -> r.source() == MaskRegion.Source.RIDER_HEAD), occupants.toString());
        assertEquals(3, occupants.stream().filter(r -> r.kind() == MaskRegion.Kind.FACE).count(), occupants.toString());
    }

    @Test
    void facesFromTheFinderInsideTheOffenderAreLeftUnlessConfigured() {
        BoundingBox driver = new BoundingBox(180, 230, 200, 250);
        BoundingBox passerBy = new BoundingBox(20, 40, 36, 56);

        List<MaskRegion> plan = new MaskPlanner(DEFAULTS).plan(640, 480, OFFENDER, List.of(), List.of(driver, passerBy), null);

        assertEquals(1, plan.size());
        assertEquals(MaskRegion.Source.FACE_DETECTOR, plan.get(0).source());
        assertTrue(plan.get(0).box().x1() < passerBy.x1() && plan.get(0).box().x2() > passerBy.x2());
    }

    @Test
    void switchedOffMasksNothingAndRegionsStayInsideTheImage() {
        PrivacyConfig off = new PrivacyConfig(false, false, null, null, null, null);
        List<Detection> frame = List.of(car(new BoundingBox(600, 400, 700, 500)), det(new BoundingBox(-5, -5, 30, 90),
                ObjectClass.PERSON));

        assertTrue(new MaskPlanner(off).plan(640, 480, OFFENDER, frame, List.of(), null).isEmpty());
        List<MaskRegion> on = new MaskPlanner(DEFAULTS).plan(640, 480, OFFENDER, frame, List.of(), null);
        assertEquals(2, on.size());
        assertTrue(on.stream().allMatch(r -> r.box().x1() >= 0 && r.box().y1() >= 0 && r.box().x2() <= 640
                && r.box().y2() <= 480), on.toString());
    }

    @Test
    void bicyclesAndPeopleCarryNoPlate() {
        List<MaskRegion> plan = new MaskPlanner(new PrivacyConfig(false, true, null, null, null, null)).plan(640, 480,
                OFFENDER, List.of(det(BYSTANDER, ObjectClass.BICYCLE), det(BYSTANDER, ObjectClass.PERSON)), List.of(), null);

        assertTrue(plan.isEmpty(), plan.toString());
    }

    private static Detection car(BoundingBox b) {
        return det(b, ObjectClass.CAR);
    }

    private static Detection det(BoundingBox b, ObjectClass c) {
        return new Detection(b, c, 0.9);
    }
}
