package com.dateline.backup;

/** The backup could not be written (a full disk, a folder the server may not write to); no file was left behind. */
public class BackupFailed extends RuntimeException {

    BackupFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
