package com.dateline.post;

/** A post was saved: written, edited, imported or deleted. */
record PostSaved() {}
