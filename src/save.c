/* save.c - atomic replacement and private copies; see save.h. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE         /* mkstemps, realpath, fchmod */
#endif
#include "save.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static mode_t target_mode(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0)
		return st.st_mode & 07777;
	mode_t um = umask(022);
	umask(um);
	return 0666 & ~um;
}

/* Writes, syncs and renames a temporary file beside real. */
static int replace(const char *real, const char *buf, size_t len,
		   char err[SAVE_ERRSZ])
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
	if (fchmod(fd, target_mode(real)) || write_all(fd, buf, len) ||
	    fsync(fd)) {
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

int save_atomic(const char *path, const char *buf, size_t len,
		char err[SAVE_ERRSZ])
{
	char *real = realpath(path, NULL);
	struct stat st;
	/* a new file has no real path yet: use the name as given */
	if (!real && errno != ENOENT)
		return fail(err, path, strerror(errno));
	if (real && (stat(real, &st) || !S_ISREG(st.st_mode))) {
		free(real);
		return fail(err, path, "not a regular file");
	}
	int rc = replace(real ? real : path, buf, len, err);
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

int save_private_copy(const char *path, const char *dir, char **out,
		      char err[SAVE_ERRSZ])
{
	char *buf;
	size_t len;
	if (save_read(path, 64u << 20, &buf, &len, err))
		return -1;
	if (!dir || !*dir)
		dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	size_t n = strlen(dir) + 32;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%s/casewalk-XXXXXX.yaml", dir);
	/* mkstemps creates the file with mode 0600: private from the start */
	int fd = mkstemps(tmp, 5);
	if (fd < 0 || write_all(fd, buf, len) || close(fd)) {
		fail(err, fd < 0 ? dir : tmp, strerror(errno));
		if (fd >= 0)
			unlink(tmp);
		free(tmp);
		free(buf);
		return -1;
	}
	free(buf);
	*out = tmp;
	return 0;
}

char *save_reject(const char *tmp, char err[SAVE_ERRSZ])
{
	size_t n = strlen(tmp) + 5;
	char *rej = xmalloc(n);
	snprintf(rej, n, "%s.rej", tmp);
	if (rename(tmp, rej)) {
		fail(err, tmp, strerror(errno));
		free(rej);
		return NULL;
	}
	return rej;
}
