package tw.enforce.runtime.rule;

import java.util.List;
import java.util.Optional;
import tw.enforce.runtime.config.Movement;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.Travel;

/** RED_LIGHT on the rule contract: {@link RedLightRule}'s decision, with the evidence frames and measurement it implies. */
public final class RedLightViolationRule implements ViolationRule<RedLightInput> {
    public static final String NAME = "RED_LIGHT";
    private final RedLightSettings settings;

    public RedLightViolationRule(RedLightSettings settings) {
        this.settings = settings;
    }

    public static RedLightViolationRule fromSite(SiteConfig site) {
        SiteConfig.Approach a = site.approach();
        List<RedLightSettings.Lane> lanes = a.lanes().stream()
                .filter(l -> l.travel() == Travel.APPROACH)
                .map(l -> new RedLightSettings.Lane(l.id(), l.xMin(), l.xMax(), a.stopLineY(l),
                        l.turnOnRed().stream().map(Movement::name).toList()))
                .toList();
        SiteConfig.RedLight r = site.rules().redLight();
        return new RedLightViolationRule(new RedLightSettings(a.stopLineY(null), a.exitLineY(), r.graceSeconds(),
                a.junction() == null ? null : a.junction().xMin(), a.junction() == null ? null : a.junction().xMax(),
                lanes, r.allRedSeconds() == null ? Double.NaN : r.allRedSeconds()));
    }

    public RedLightSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RedLightInput> inputType() {
        return RedLightInput.class;
    }

    @Override
    public Optional<RedLightInput> inputFor(TrackView track, SceneContext scene) {
        if (track.trajectory().size() < 2 || scene.phases().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RedLightInput(track.trackId(), track.trajectory(), scene.phases(), settings));
    }

    @Override
    public RuleOutcome decide(RedLightInput input) {
        RedLightDecision d = RedLightRule.decide(input);
        if (d instanceof RedLightDecision.NoViolation n) {
            return new RuleOutcome.NoViolation(n.reason());
        }
        RedLightDecision.Violation v = (RedLightDecision.Violation) d;
        RedLightMeasurement m = new RedLightMeasurement(v.stopLineCrossing(), v.redOnset(), v.stopLineCrossing(),
                v.exitLineCrossing(), v.timeIntoRedSeconds(), v.phaseBeforeRed().name(), v.movement(), v.amberSeconds(),
                input.settings().allRedSeconds(), v.speedKmh(), "video-trajectory", input.settings().graceSeconds());
        return new RuleOutcome.Violation(NAME, v.stopLineCrossing(), v.lane(), v.speedKmh(), false, m,
                List.of(new FrameRef(v.frameBeforeStopLine(), "before-stop-line-red-lit"),
                        new FrameRef(v.frameInJunction(), "inside-junction")));
    }
}
