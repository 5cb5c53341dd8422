package tw.enforce.runtime.rule;

import java.util.Optional;

/**
 * One enforcement rule. {@link #inputFor} gathers from a track and its scene everything the
 * decision depends on (including the settings from the site config) into a JSON-serialisable
 * record {@code I}; {@link #decide} is a pure, deterministic function of that record alone. The
 * input is stored verbatim in the evidence manifest so that `edgectl evidence replay` re-runs
 * {@link #decide} on it and must get the same outcome.
 *
 * <p>The pipeline may evaluate a rule on a track while it is still being followed (every few
 * frames) and again when it ends; a rule answers NoViolation until the track shows the whole
 * offence, and a track gets at most one violation per rule.
 */
public interface ViolationRule<I> {

    /** The rule id written into manifests, e.g. {@code RED_LIGHT}, {@code SPEED}. */
    String name();

    Class<I> inputType();

    /** The decision input for this track, or empty when the rule cannot apply to it (wrong class, no such zone…). */
    Optional<I> inputFor(TrackView track, SceneContext scene);

    RuleOutcome decide(I input);
}
