package com.dateline.wordpress;

/** Told after each post of an import (added, already there or skipped), from the thread that runs the import. */
@FunctionalInterface
public interface ProgressListener {

    void progress(int postsDone, int postsTotal);

    static ProgressListener none() {
        return (done, total) -> {};
    }
}
