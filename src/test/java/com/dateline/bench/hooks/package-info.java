/**
 * What the load harnesses need inside the server they measure, and nothing a public site may have: load-test readers,
 * lifted flood limits and a moderator driven by the harness. These classes live in the test sources only; the
 * harnesses ({@code BenchServer}) start the production jar with them added through Spring Boot's PropertiesLauncher
 * ({@code loader.path}) and a per-run secret in the environment. Each is conditional on that secret
 * ({@code dateline.bench.token}), so the tests, which have these classes on their class path, never get them.
 */
package com.dateline.bench.hooks;
