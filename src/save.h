/* save.h - the only code that writes a case file, and how it does it.
 *
 * The explorer's `e` key edits a private copy (save_private_copy), checks it
 * with the loader, and only then replaces the original with save_atomic:
 * the new text is written to a temporary file in the same directory,
 * fsync'd, renamed over the original, and the directory fsync'd, so a crash
 * leaves either the old file or the new one, never half of each.  Text the
 * user typed is never lost: a rejected edit is kept as a .rej file
 * (save_reject).  No curses.
 *
 * Copies and rejected edits live in a private directory of the user's
 * (save_private_dir), never in /tmp: case files are confidential.  In it,
 * for each edit:
 *   casewalk-XXXXXX.src       the case file's name, one line; locked
 *                             (flock) by the process editing it
 *   casewalk-XXXXXX.yaml      the copy being edited
 *   casewalk-XXXXXX.yaml.rej  ... or, once refused, the text kept
 * An unlocked .src whose copy is still there was left by a session that
 * was killed; save_kept_list finds those and the .rej files.
 */
#ifndef CW_SAVE_H
#define CW_SAVE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* Messages are "PATH: why" and fit in this many bytes. */
#define SAVE_ERRSZ 512

/* Replaces the file at path with buf[0..len), atomically.  A symbolic link
 * is followed (its target is replaced); the file keeps its owner, group
 * and permission bits (a new file: 0666 less the umask).  When the owner
 * and group cannot be kept (a file of another user's or of a group we are
 * not in, unless we are root), nothing is written: -1, and err says why.
 * A file save_replaceable refuses is refused too.  Returns 0, or -1 with
 * err set. */
int save_atomic(const char *path, const char *buf, size_t len,
		char err[SAVE_ERRSZ]);
/* Whether save_atomic may replace the existing file at path: a regular
 * file, with one link (a new file would split hard links), not read-only
 * (no write bit, or not writable by us: a replacement would ignore that
 * silently).  Returns 0, or -1 with err saying why. */
int save_replaceable(const char *path, char err[SAVE_ERRSZ]);

/* The private directory: $XDG_RUNTIME_DIR/casewalk, else
 * $XDG_CACHE_HOME/casewalk, else $HOME/.cache/casewalk (a relative XDG
 * value is ignored, as the XDG base directory specification says; an
 * XDG_RUNTIME_DIR that does not exist too).  With create, it is made
 * (mode 0700, and ~/.cache too when missing).  Refused when it is a
 * symbolic link, not a directory, not the user's own, or open to the
 * group or others.  Returns the malloc'd path, or NULL with err set (with
 * !create, err is "" when it does not exist). */
char *save_private_dir(bool create, char err[SAVE_ERRSZ]);

/* A private copy of a case file, being edited. */
struct save_copy {
	char *path;     /* DIR/casewalk-XXXXXX.yaml */
	char *src;      /* DIR/casewalk-XXXXXX.src */
	int lock;       /* src, open and locked while we edit; -1: none
			   (only read when src is set) */
};

/* Copies the file at path (at most max_size bytes) into dir, the private
 * directory, as described above: the .src (0600, naming path's real path,
 * locked) first, then the copy (0600).  Returns 0, or -1 with err set
 * (nothing is then left in dir). */
int save_private_copy(const char *path, const char *dir, size_t max_size,
		      struct save_copy *c, char err[SAVE_ERRSZ]);
/* Keeps a rejected edit: renames the copy to its .rej (replacing an older
 * one), keeps the .src and lets the lock go.  Returns the malloc'd name of
 * the .rej, or NULL with err set (the copy then stays where it was). */
char *save_reject(struct save_copy *c, char err[SAVE_ERRSZ]);
/* Ends an edit that was saved, or changed nothing: removes the copy (if
 * it is still there) and the .src. */
void save_copy_remove(struct save_copy *c);
/* Lets the lock go and frees the names; the files stay. */
void save_copy_free(struct save_copy *c);

/* What an earlier session left in the private directory. */
struct save_kept {
	char *text;     /* the .rej, or the copy of a killed session */
	char *src;      /* its .src, or NULL */
	char *orig;     /* the case file it is an edit of; NULL: unknown */
	bool rejected;  /* a .rej (else a copy left behind) */
	struct timespec mtime;  /* when the text was last written */
};

/* The edits kept in dir that no running casewalk is editing, oldest
 * first.  Returns how many, with a malloc'd array in *out. */
size_t save_kept_list(const char *dir, struct save_kept **out);
void save_kept_free(struct save_kept *v, size_t n);
/* Deletes a kept edit: its text and its .src.  Returns 0, or -1. */
int save_kept_delete(const struct save_kept *k, char err[SAVE_ERRSZ]);
/* Takes a kept edit up again: its .src locked, its text the copy being
 * edited (a .rej is renamed back).  Returns 0, or -1 with err set (when
 * its case file is unknown, or another casewalk edits it). */
int save_kept_restore(const struct save_kept *k, struct save_copy *c,
		      char err[SAVE_ERRSZ]);

/* Reads a whole regular file (max_size bytes at most) into a malloc'd,
 * NUL-terminated buffer.  Returns 0, or -1 with err set. */
int save_read(const char *path, size_t max_size, char **buf, size_t *len,
	      char err[SAVE_ERRSZ]);

#endif
