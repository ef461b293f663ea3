package com.dateline.account;

/**
 * The name shown with a reader's comments changed: they chose another, or deleted their account and their comments
 * now stand under "Deleted reader". Whatever shows the name elsewhere draws it again.
 */
public record ReaderNameChanged(long accountId) {}
