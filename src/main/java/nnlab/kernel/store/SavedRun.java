package nnlab.kernel.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import nnlab.kernel.run.RunStatus;

/**
 * One run folder as the history sees it. A damaged folder (missing or unreadable run.json or
 * config.json) still gets an entry: {@link #damage()} then says why, and the other fields hold
 * whatever could be read.
 *
 * @param folder       the run's folder
 * @param name         the display name: the user's rename if any, else the folder name
 * @param experimentId the experiment's id, or null if unknown
 * @param status       the final or live status; INTERRUPTED when run.json says running but no
 *                     live process holds the run
 * @param message      the status message saved with the run
 * @param started      start time, or null if unknown
 * @param ended        end time, or null while running / when interrupted or unknown
 * @param headline     one short result line for the list (e.g. "test acc 90.5 %"), or ""
 * @param damage       why the folder is damaged, or null when it is intact
 */
public record SavedRun(Path folder, String name, String experimentId, RunStatus status, String message,
                       Instant started, Instant ended, String headline, String damage) {

    public boolean isDamaged() {
        return damage != null;
    }

    /** Wall time of the run, or null when it is unknown or the run has not ended. */
    public Duration duration() {
        return started == null || ended == null ? null : Duration.between(started, ended);
    }
}
