package com.dateline.post;

/** The stored post an import refers to, and whether this import added it (false: it was already there). */
public record PostImportResult(long postId, boolean added) {}
