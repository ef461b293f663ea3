package com.dateline.post;

import com.dateline.base.NodeWide;

/** A post was saved: written, edited, imported or deleted. Every node hears it and forgets the post pages it kept. */
record PostSaved() implements NodeWide {}
