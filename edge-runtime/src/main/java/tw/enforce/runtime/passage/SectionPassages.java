package tw.enforce.runtime.passage;

import java.security.PrivateKey;
import java.time.Clock;
import tw.enforce.runtime.config.SiteConfigLoader.LoadedSite;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.PassageEvidence;
import tw.enforce.runtime.evidence.ViolationEvidence;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.runtime.store.SqliteEvidenceStore;
import tw.enforce.runtime.track.Tracker;

/** Assembly of the passage stage: a unit with {@code rules.sectionSpeed} records passages, others do not. */
public final class SectionPassages {
    private SectionPassages() {
    }

    /** The tracker the pipeline should use: {@code tracker} itself without a section, else one recording passages. */
    public static Tracker around(Tracker tracker, LoadedSite site, FrameRing ring, SqliteEvidenceStore store,
                                 EvidenceManifest.Software software, ViolationEvidence.ClockStatus clockStatus,
                                 PlateReader plateReader, PrivateKey unitKey, Clock clock) {
        return SectionSettings.fromSite(site.config()).<Tracker>map(section -> new RecordingTracker(tracker,
                new PassageRecorder(section, new PassageEvidence(site, section, software, clockStatus, plateReader,
                        unitKey, clock), store, ring, site.imageToWorld(), site.config().camera().height())))
                .orElse(tracker);
    }
}
