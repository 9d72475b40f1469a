/* save.c - atomic replacement, the private directory, private copies and
 * the edits kept there; see save.h. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE         /* mkstemps, realpath, fchmod, flock */
#endif
#include "save.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "ytree.h"

static int fail(char err[SAVE_ERRSZ], const char *path, const char *why)
{
	snprintf(err, SAVE_ERRSZ, "%s: %s", path, why);
	return -1;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The rename is only durable once the directory entry is on disk. */
static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return -1;
	int r = fsync(fd);
	/* some file systems cannot fsync a directory; that is not an error */
	if (r && (errno == EINVAL || errno == EROFS))
		r = 0;
	close(fd);
	return r;
}

/* Splits path into its directory and base name (both malloc'd). */
static void split_path(const char *path, char **dir, char **base)
{
	const char *slash = strrchr(path, '/');
	if (!slash) {
		*dir = xstrdup(".");
		*base = xstrdup(path);
	} else {
		size_t n = slash == path ? 1 : (size_t)(slash - path);
		*dir = xmalloc(n + 1);
		memcpy(*dir, path, n);
		(*dir)[n] = 0;
		*base = xstrdup(slash + 1);
	}
}

static mode_t new_file_mode(void)
{
	mode_t um = umask(022);
	umask(um);
	return 0666 & ~um;
}

/* "alice:staff", or the numbers where there are no names. */
static void owner_name(const struct stat *st, char *buf, size_t n)
{
	const struct passwd *pw = getpwuid(st->st_uid);
	const struct group *gr = getgrgid(st->st_gid);
	char u[24], g[24];
	snprintf(u, sizeof(u), "%u", (unsigned)st->st_uid);
	snprintf(g, sizeof(g), "%u", (unsigned)st->st_gid);
	snprintf(buf, n, "%s:%s", pw ? pw->pw_name : u, gr ? gr->gr_name : g);
}

/* The new file gets the original's owner, group and mode (the mode after
 * the owner: chown clears set-id bits).  When the owner and group cannot
 * be kept (only root gives a file to another user; a group must be one of
 * ours), the save is refused: a group-shared file must not become the
 * editor's own, nor a user's file root's. */
static int keep_owner_and_mode(int fd, const char *real,
			       const struct stat *orig, char err[SAVE_ERRSZ])
{
	struct stat now;
	char why[320], who[160];
	if (!orig)
		return fchmod(fd, new_file_mode()) ?
			fail(err, real, strerror(errno)) : 0;
	if (fstat(fd, &now))
		return fail(err, real, strerror(errno));
	if ((now.st_uid != orig->st_uid || now.st_gid != orig->st_gid) &&
	    fchown(fd, orig->st_uid, orig->st_gid)) {
		int e = errno;
		owner_name(orig, who, sizeof(who));
		snprintf(why, sizeof(why), "not saved: the file belongs to %s, "
			 "and a new file of yours cannot be given to them (%s)",
			 who, strerror(e));
		return fail(err, real, why);
	}
	if (fchmod(fd, orig->st_mode & 07777))
		return fail(err, real, strerror(errno));
	return 0;
}

/* Writes, syncs and renames a temporary file beside real (orig: its
 * status, or NULL for a new file). */
static int replace(const char *real, const struct stat *orig,
		   const char *buf, size_t len, char err[SAVE_ERRSZ])
{
	char *dir, *base;
	split_path(real, &dir, &base);
	size_t n = strlen(dir) + strlen(base) + 16;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%s/.%s.XXXXXX", dir, base);
	int rc = -1, fd = mkstemp(tmp);
	if (fd < 0) {
		fail(err, real, strerror(errno));
		goto out;
	}
	if (keep_owner_and_mode(fd, real, orig, err)) {
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (write_all(fd, buf, len) || fsync(fd)) {
		fail(err, real, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (close(fd) || rename(tmp, real)) {
		fail(err, real, strerror(errno));
		unlink(tmp);
		goto out;
	}
	if (sync_dir(dir)) {
		fail(err, dir, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	free(dir);
	free(base);
	return rc;
}

/* What replacing the file real (of status st) would do that its user
 * did not ask for. */
static int replaceable(const char *path, const char *real,
		       const struct stat *st, char err[SAVE_ERRSZ])
{
	char why[320];
	if (!S_ISREG(st->st_mode))
		return fail(err, path, "not a regular file");
	if (st->st_nlink > 1) {
		snprintf(why, sizeof(why), "has %ju hard links: a new file in "
			 "its place would split them, so casewalk does not "
			 "replace it (edit it outside casewalk)",
			 (uintmax_t)st->st_nlink);
		return fail(err, path, why);
	}
	/* root may write anything: the mode says what the owner meant */
	if (!(st->st_mode & 0222) || access(real, W_OK)) {
		snprintf(why, sizeof(why), "is read-only (mode %04o): casewalk "
			 "does not replace it; make it writable first to edit "
			 "it", (unsigned)(st->st_mode & 07777));
		return fail(err, path, why);
	}
	return 0;
}

int save_replaceable(const char *path, char err[SAVE_ERRSZ])
{
	struct stat st;
	char *real = realpath(path, NULL);
	int rc = !real || stat(real, &st) ? fail(err, path, strerror(errno)) :
		replaceable(path, real, &st, err);
	free(real);
	return rc;
}

int save_atomic(const char *path, const char *buf, size_t len,
		char err[SAVE_ERRSZ])
{
	char *real = realpath(path, NULL);
	struct stat st;
	/* a new file has no real path yet: use the name as given */
	if (!real && errno != ENOENT)
		return fail(err, path, strerror(errno));
	if (real && stat(real, &st)) {
		free(real);
		return fail(err, path, "not a regular file");
	}
	if (real && replaceable(path, real, &st, err)) {
		free(real);
		return -1;
	}
	int rc = replace(real ? real : path, real ? &st : NULL, buf, len, err);
	free(real);
	return rc;
}

int save_read(const char *path, size_t max_size, char **buf, size_t *len,
	      char err[SAVE_ERRSZ])
{
	const char *why;
	if (yfile_read(path, max_size, buf, len, &why))
		return fail(err, path, why);
	return 0;
}

/* ---- the private directory ---------------------------------------------- */

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", a, b);
	return p;
}

/* dir is ours alone: a directory, not a link, owned by us, 0700 or less. */
static int check_private(const char *dir, char err[SAVE_ERRSZ])
{
	struct stat st;
	char why[160];
	if (lstat(dir, &st))
		return fail(err, dir, strerror(errno));
	if (S_ISLNK(st.st_mode))
		return fail(err, dir, "is a symbolic link, not a private "
			    "directory; casewalk keeps no copy of a case file "
			    "there");
	if (!S_ISDIR(st.st_mode))
		return fail(err, dir, "is not a directory");
	if (st.st_uid != geteuid()) {
		snprintf(why, sizeof(why), "belongs to uid %u, not to you; "
			 "casewalk keeps no copy of a case file there",
			 (unsigned)st.st_uid);
		return fail(err, dir, why);
	}
	if (st.st_mode & 077) {
		snprintf(why, sizeof(why), "is open to others (mode %04o); "
			 "casewalk keeps no copy of a case file there until it "
			 "is private (chmod 700)", (unsigned)(st.st_mode & 07777));
		return fail(err, dir, why);
	}
	return 0;
}

/* mkdir, keeping an existing one; a new one is 0700 whatever the umask. */
static int make_dir(const char *dir, char err[SAVE_ERRSZ])
{
	if (mkdir(dir, 0700) == 0)
		return chmod(dir, 0700) ? fail(err, dir, strerror(errno)) : 0;
	return errno == EEXIST ? 0 : fail(err, dir, strerror(errno));
}

char *save_private_dir(bool create, char err[SAVE_ERRSZ])
{
	const char *run = getenv("XDG_RUNTIME_DIR");
	const char *cache = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *parent = NULL, *dir;
	struct stat st;
	err[0] = 0;
	if (run && *run == '/' && !stat(run, &st) && S_ISDIR(st.st_mode))
		dir = join(run, "casewalk");
	else if (cache && *cache == '/')
		dir = join(parent = xstrdup(cache), "casewalk");
	else if (home && *home == '/')
		dir = join(parent = join(home, ".cache"), "casewalk");
	else {
		fail(err, "casewalk", "no private directory for copies of case "
		     "files: set XDG_RUNTIME_DIR, XDG_CACHE_HOME or HOME to "
		     "an absolute path");
		return NULL;
	}
	int bad = 0;
	if (create)
		bad = (parent && make_dir(parent, err)) || make_dir(dir, err);
	else if (lstat(dir, &st) && errno == ENOENT)
		bad = 1;                /* none yet: nothing kept, err "" */
	if (!bad)
		bad = check_private(dir, err);
	free(parent);
	if (bad) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* ---- private copies -------------------------------------------------------- */

/* "DIR/casewalk-XXXXXX" + suffix, from the name of its .src */
static char *sibling(const char *src, const char *suffix)
{
	size_t stem = strlen(src) - 4, n = stem + strlen(suffix) + 1;
	char *p = xmalloc(n);
	snprintf(p, n, "%.*s%s", (int)stem, src, suffix);
	return p;
}

int save_private_copy(const char *path, const char *dir, size_t max_size,
		      struct save_copy *c, char err[SAVE_ERRSZ])
{
	char *buf, *real;
	size_t len;
	memset(c, 0, sizeof(*c));
	c->lock = -1;
	if (save_read(path, max_size, &buf, &len, err))
		return -1;
	real = realpath(path, NULL);
	const char *name = real ? real : path;
	c->src = join(dir, "casewalk-XXXXXX.src");
	/* the .src first, locked: no copy is ever seen without its name, or
	 * taken for one a killed session left */
	int fd = mkstemps(c->src, 4);
	if (fd < 0) {
		fail(err, dir, strerror(errno));
		goto fail;
	}
	if (fcntl(fd, F_SETFD, FD_CLOEXEC) || flock(fd, LOCK_EX | LOCK_NB) ||
	    write_all(fd, name, strlen(name)) || write_all(fd, "\n", 1)) {
		fail(err, c->src, strerror(errno));
		close(fd);
		unlink(c->src);
		goto fail;
	}
	c->lock = fd;
	c->path = sibling(c->src, ".yaml");
	int cf = open(c->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		      O_CLOEXEC, 0600);
	if (cf < 0 || fchmod(cf, 0600) || write_all(cf, buf, len) ||
	    close(cf)) {
		fail(err, c->path, strerror(errno));
		if (cf >= 0) {
			close(cf);
			unlink(c->path);
		}
		save_copy_remove(c);
		goto fail;
	}
	free(real);
	free(buf);
	return 0;
fail:
	save_copy_free(c);
	free(real);
	free(buf);
	return -1;
}

char *save_reject(struct save_copy *c, char err[SAVE_ERRSZ])
{
	char *rej = sibling(c->src, ".yaml.rej");
	if (rename(c->path, rej)) {
		fail(err, c->path, strerror(errno));
		free(rej);
		return NULL;
	}
	save_copy_free(c);
	return rej;
}

void save_copy_remove(struct save_copy *c)
{
	if (c->path)
		unlink(c->path);
	if (c->src)
		unlink(c->src);
	save_copy_free(c);
}

void save_copy_free(struct save_copy *c)
{
	/* a lock comes with a .src: a zeroed struct holds no fd 0 */
	if (c->src && c->lock >= 0)
		close(c->lock);
	free(c->path);
	free(c->src);
	memset(c, 0, sizeof(*c));
	c->lock = -1;
}

/* ---- kept edits ------------------------------------------------------------ */

#define STEM_LEN 15             /* "casewalk-XXXXXX" */

/* Whether a casewalk holds the lock of src now (it is editing). */
static bool in_use(const char *src)
{
	int fd = open(src, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool busy = flock(fd, LOCK_SH | LOCK_NB) != 0;
	close(fd);
	return busy;
}

/* The case file named by src's first line, or NULL. */
static char *orig_of(const char *src)
{
	char *buf, *orig = NULL;
	size_t len;
	const char *why;
	if (yfile_read(src, PATH_MAX + 2, &buf, &len, &why))
		return NULL;
	buf[strcspn(buf, "\n")] = 0;
	if (buf[0] == '/')
		orig = xstrdup(buf);
	free(buf);
	return orig;
}

static void add_kept(struct save_kept **v, size_t *n, const char *dir,
		     const char *name, bool rejected)
{
	struct stat st;
	char *text = join(dir, name);
	if (lstat(text, &st) || !S_ISREG(st.st_mode)) {
		free(text);
		return;
	}
	size_t sn = strlen(dir) + STEM_LEN + 6;
	char *src = xmalloc(sn);
	snprintf(src, sn, "%s/%.*s.src", dir, STEM_LEN, name);
	if (in_use(src)) {
		free(text);
		free(src);
		return;
	}
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	struct save_kept *k = &(*v)[(*n)++];
	k->text = text;
	k->orig = orig_of(src);
	k->src = src;
	if (access(src, F_OK)) {
		free(src);
		k->src = NULL;
	}
	k->rejected = rejected;
	k->mtime = st.st_mtim;
}

static int by_age(const void *a, const void *b)
{
	const struct save_kept *x = a, *y = b;
	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
	return strcmp(x->text, y->text);
}

size_t save_kept_list(const char *dir, struct save_kept **out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;
	*out = NULL;
	while (d && (e = readdir(d))) {
		const char *name = e->d_name, *rest = name + STEM_LEN;
		if (strncmp(name, "casewalk-", 9) || strlen(name) <= STEM_LEN)
			continue;
		if (!strcmp(rest, ".yaml.rej"))
			add_kept(out, &n, dir, name, true);
		else if (!strcmp(rest, ".yaml"))
			add_kept(out, &n, dir, name, false);
	}
	if (d)
		closedir(d);
	if (n)
		qsort(*out, n, sizeof(**out), by_age);
	return n;
}

void save_kept_free(struct save_kept *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].src);
		free(v[i].orig);
	}
	free(v);
}

int save_kept_delete(const struct save_kept *k, char err[SAVE_ERRSZ])
{
	if (unlink(k->text) && errno != ENOENT)
		return fail(err, k->text, strerror(errno));
	if (!k->src)
		return 0;
	/* the .src goes with the last text of its edit */
	char *copy = sibling(k->src, ".yaml"), *rej = sibling(k->src, ".yaml.rej");
	if (access(copy, F_OK) && access(rej, F_OK))
		unlink(k->src);
	free(copy);
	free(rej);
	return 0;
}

int save_kept_restore(const struct save_kept *k, struct save_copy *c,
		      char err[SAVE_ERRSZ])
{
	struct stat st;
	memset(c, 0, sizeof(*c));
	c->lock = -1;
	if (!k->src || !k->orig)
		return fail(err, k->text, "the case file it is an edit of is "
			    "unknown; open it to copy what you need");
	int fd = open(k->src, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return fail(err, k->src, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		close(fd);
		return fail(err, k->text, "another casewalk is editing it");
	}
	c->lock = fd;
	c->src = xstrdup(k->src);
	c->path = sibling(k->src, ".yaml");
	if (k->rejected) {
		/* never over a copy of the same edit */
		if (!lstat(c->path, &st)) {
			fail(err, c->path, "is in the way");
			save_copy_free(c);
			return -1;
		}
		if (rename(k->text, c->path)) {
			fail(err, k->text, strerror(errno));
			save_copy_free(c);
			return -1;
		}
	}
	return 0;
}
