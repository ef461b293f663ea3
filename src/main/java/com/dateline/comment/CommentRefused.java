package com.dateline.comment;

/** The service would not take a comment, report or edit; the message says why, in words for the reader. */
public class CommentRefused extends RuntimeException {

    public CommentRefused(String message) {
        super(message);
    }
}
