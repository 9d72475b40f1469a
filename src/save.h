/* save.h - the only code that writes a case file, and how it does it.
 *
 * The explorer's `e` key edits a private copy (save_private_copy), checks it
 * with the loader, and only then replaces the original with save_atomic:
 * the new text is written to a temporary file in the same directory,
 * fsync'd, renamed over the original, and the directory fsync'd, so a crash
 * leaves either the old file or the new one, never half of each.  Text the
 * user typed is never lost: a rejected edit is kept as a .rej file
 * (save_reject).  No curses.
 */
#ifndef CW_SAVE_H
#define CW_SAVE_H

#include <stddef.h>

/* Messages are "PATH: why" and fit in this many bytes. */
#define SAVE_ERRSZ 512

/* Replaces the file at path with buf[0..len), atomically.  A symbolic link
 * is followed (its target is replaced); the file keeps its permission bits
 * (0644 less the umask for a new file).  Returns 0, or -1 with err set. */
int save_atomic(const char *path, const char *buf, size_t len,
		char err[SAVE_ERRSZ]);

/* Copies the file at path to a new file of mode 0600 in dir ($TMPDIR, or
 * /tmp, when dir is NULL), named casewalk-XXXXXX.yaml.  Returns 0 and a
 * malloc'd name in *out, or -1 with err set. */
int save_private_copy(const char *path, const char *dir, char **out,
		      char err[SAVE_ERRSZ]);

/* Keeps a rejected edit: renames tmp to tmp.rej (replacing an older one).
 * Returns the malloc'd new name, or NULL with err set (tmp then stays). */
char *save_reject(const char *tmp, char err[SAVE_ERRSZ]);

/* Reads a whole regular file (max_size bytes at most) into a malloc'd,
 * NUL-terminated buffer.  Returns 0, or -1 with err set. */
int save_read(const char *path, size_t max_size, char **buf, size_t *len,
	      char err[SAVE_ERRSZ]);

#endif
