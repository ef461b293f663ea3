package com.dateline.wordpress;

/** The file is not a WordPress export that can be read; nothing was imported. The message is for the admin. */
public class WxrRejected extends RuntimeException {

    private final int line;

    public WxrRejected(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The line of the file where the problem was found, or 0 if it concerns the file as a whole. */
    public int line() {
        return line;
    }
}
