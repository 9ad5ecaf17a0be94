package nnlab.kernel.run;

/**
 * Marks an exception as a known problem with a run's input (a missing, corrupt or truncated data
 * file, say) whose message already says everything a user needs: which file and what is wrong
 * with it. A run that ends with one fails with that message only; its stack trace goes to the run
 * folder's log file (for a bug report), never to the terminal or the app's log. Loaders of shared
 * data libraries implement it on their exception types (the image and graph loaders do).
 */
public interface ExpectedDataError {
}
