package com.dateline.base;

/**
 * An event that every node running the site hears, not just the one where it happened: several nodes share one
 * PostgreSQL, and what one of them changes, the pages and caches of all of them must show. An event that is also
 * {@code NodeWide} is published on its own node as usual and, once its transaction commits, again on every other node
 * (through PostgreSQL's {@code NOTIFY}; on H2 there is only one node and nothing more happens).
 *
 * <p>So its listeners must be ones that may run on every node: clearing a cache, drawing an open page again, ending a
 * session held there. Work that must happen once (a mail, a row written) listens to a module event instead. A
 * {@code NodeWide} event is a record of plain values (ids, enums, text), as it crosses between nodes as JSON.
 */
public interface NodeWide {}
