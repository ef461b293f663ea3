package com.dateline.post;

/**
 * An image file as it is served: its bytes, their real content type, pixel size and an entity
 * tag that changes whenever the bytes do.
 */
public record EncodedImage(byte[] bytes, String contentType, int width, int height, String etag) {}
