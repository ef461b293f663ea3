package com.dateline.bench.hooks;

import java.util.Map;

/** One thing a harness asks of the server it measures, at {@code prefix()} on the hooks' port; answers JSON. */
interface BenchHook {

    /** Where it listens, e.g. {@code /moderate/}; the rest of the path is its argument. */
    String prefix();

    /**
     * Does it, for a POST with the run's token.
     *
     * @param argument the path after {@link #prefix()}, decoded
     * @param query the query's parameters, decoded
     */
    String handle(String argument, Map<String, String> query) throws Exception;
}
