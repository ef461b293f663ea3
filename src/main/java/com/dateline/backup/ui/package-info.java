/** The admins' Backups page: start a backup, watch it being written, download the files. */
@NullMarked
package com.dateline.backup.ui;

import org.jspecify.annotations.NullMarked;
