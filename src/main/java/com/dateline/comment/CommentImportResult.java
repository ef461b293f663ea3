package com.dateline.comment;

/** The stored comment an import refers to, and whether this import added it (false: it was already there). */
public record CommentImportResult(long commentId, boolean added) {}
