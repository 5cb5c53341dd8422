package tw.enforce.runtime.track;

/** Life of a track: TENTATIVE until seen often enough, CONFIRMED while seen, LOST while missing, FINISHED for good. */
public enum TrackStatus {
    TENTATIVE, CONFIRMED, LOST, FINISHED
}
