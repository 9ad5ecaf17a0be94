package nnlab.kernel.run;

/** Life cycle of a run; every run ends in exactly one of the final states. */
public enum RunStatus {
    QUEUED, RUNNING, FINISHED, CANCELLED, DIVERGED, FAILED, INTERRUPTED;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
