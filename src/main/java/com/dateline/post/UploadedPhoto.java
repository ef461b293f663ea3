package com.dateline.post;

/** What the server found in an uploaded file that is a photo it accepts. */
public record UploadedPhoto(String contentType, int width, int height, long bytes) {}
