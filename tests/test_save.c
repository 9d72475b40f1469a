/* test_save.c - unit tests for save.c: atomic replacement, private copies,
 * rejected edits kept.  Works in a fresh directory under $TMPDIR. */
#define _DEFAULT_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <grp.h>
#include <unistd.h>

#include "save.h"

struct fx {
	char dir[256];
	char path[300];
};

static int setup(void **state)
{
	static struct fx fx;
	const char *t = getenv("TMPDIR");
	snprintf(fx.dir, sizeof(fx.dir), "%s/casewalk-test-save-XXXXXX",
		 t && *t ? t : "/tmp");
	if (!mkdtemp(fx.dir))
		return -1;
	snprintf(fx.path, sizeof(fx.path), "%s/case.yaml", fx.dir);
	*state = &fx;
	return 0;
}

static int teardown(void **state)
{
	struct fx *fx = *state;
	DIR *d = opendir(fx->dir);
	struct dirent *e;
	char p[600];
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") &&
					    strcmp(e->d_name, ".."))) {
			snprintf(p, sizeof(p), "%s/%s", fx->dir, e->d_name);
			unlink(p);
		}
	if (d)
		closedir(d);
	return rmdir(fx->dir);
}

static void write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static void expect_file(const char *path, const char *want)
{
	char *buf, err[SAVE_ERRSZ];
	size_t len;
	assert_int_equal(save_read(path, 1 << 20, &buf, &len, err), 0);
	assert_int_equal(len, strlen(want));
	assert_string_equal(buf, want);
	free(buf);
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static void test_save_replaces_and_keeps_mode(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ];
	struct stat st;
	write_file(fx->path, "old\n", 0640);
	assert_int_equal(save_atomic(fx->path, "new text\n", 9, err), 0);
	expect_file(fx->path, "new text\n");
	assert_int_equal(stat(fx->path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	/* no temporary file left behind */
	assert_int_equal(count_entries(fx->dir), 1);
}

/* The new file keeps the original's owner and group: root editing a
 * user's file leaves it the user's; a user who cannot give the new file to
 * the owner (a group-shared file of someone else's) is refused, and the
 * original stays as it was.  Needs root (to make the files and be the
 * other user); skipped otherwise. */
static void test_save_keeps_owner_and_group(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ];
	struct stat st;
	if (geteuid() != 0)
		skip();
	write_file(fx->path, "old\n", 0640);
	assert_int_equal(chown(fx->path, 65534, 65534), 0);
	assert_int_equal(save_atomic(fx->path, "new\n", 4, err), 0);
	assert_int_equal(stat(fx->path, &st), 0);
	assert_int_equal(st.st_uid, 65534);
	assert_int_equal(st.st_gid, 65534);
	assert_int_equal(st.st_mode & 07777, 0640);
	/* A:G 0660, saved by B in G, in a directory B may write */
	assert_int_equal(chown(fx->path, 65533, 4321), 0);
	assert_int_equal(chmod(fx->path, 0660), 0);
	assert_int_equal(chmod(fx->dir, 0777), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		gid_t g = 4321;
		if (setgroups(1, &g) || setgid(65534) || setuid(65534))
			_exit(2);
		int rc = save_atomic(fx->path, "by B\n", 5, err);
		_exit(rc == -1 && strstr(err, "not saved: the file belongs to "
					 "65533:4321") ? 0 : 1);
	}
	int ws;
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	assert_int_equal(chmod(fx->dir, 0700), 0);
	assert_true(WIFEXITED(ws));
	assert_int_equal(WEXITSTATUS(ws), 0);
	expect_file(fx->path, "new\n");
	assert_int_equal(stat(fx->path, &st), 0);
	assert_int_equal(st.st_uid, 65533);
	assert_int_equal(st.st_gid, 4321);
	assert_int_equal(count_entries(fx->dir), 1);
}

/* A full disk while saving (simulated with RLIMIT_FSIZE, which makes the
 * write fail as ENOSPC would): the original stays intact, no temporary
 * file is left, and the caller gets the error (the explorer then keeps the
 * user's text in a .rej file). */
static void test_save_disk_full_keeps_original(void **state)
{
	struct fx *fx = *state;
	write_file(fx->path, "original text\n", 0644);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char err[SAVE_ERRSZ], big[8192];
		struct rlimit lim = { 1024, 1024 };
		memset(big, 'x', sizeof(big));
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &lim))
			_exit(2);
		int rc = save_atomic(fx->path, big, sizeof(big), err);
		_exit(rc != 0 && err[0] ? 0 : 1);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	expect_file(fx->path, "original text\n");
	assert_int_equal(count_entries(fx->dir), 1);
}

static void test_save_follows_symlink(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ], link[320];
	struct stat st;
	write_file(fx->path, "target\n", 0644);
	snprintf(link, sizeof(link), "%s/link.yaml", fx->dir);
	assert_int_equal(symlink("case.yaml", link), 0);
	assert_int_equal(save_atomic(link, "via link\n", 9, err), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	expect_file(fx->path, "via link\n");
}

static void test_save_refuses_directory(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ];
	assert_int_equal(save_atomic(fx->dir, "x", 1, err), -1);
	assert_non_null(strstr(err, "not a regular file"));
}

static void test_save_missing_directory(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ], p[400];
	snprintf(p, sizeof(p), "%s/no/such/case.yaml", fx->dir);
	assert_int_equal(save_atomic(p, "x", 1, err), -1);
	assert_non_null(strstr(err, "case.yaml"));
}

/* Removes dir/name (a file, or an empty directory). */
static void rm(const char *dir, const char *name)
{
	char p[600];
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	if (unlink(p))
		rmdir(p);
}

/* Sets the three variables the private directory comes from (NULL:
 * unset). */
static void env3(const char *run, const char *cache, const char *home)
{
	const char *names[] = { "XDG_RUNTIME_DIR", "XDG_CACHE_HOME", "HOME" };
	const char *v[] = { run, cache, home };
	for (int i = 0; i < 3; i++)
		if (v[i])
			setenv(names[i], v[i], 1);
		else
			unsetenv(names[i]);
}

static void expect_private(const char *got, const char *want)
{
	struct stat st;
	assert_non_null(got);
	assert_string_equal(got, want);
	assert_int_equal(lstat(got, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0700);
}

/* $XDG_RUNTIME_DIR/casewalk, else $XDG_CACHE_HOME/casewalk, else
 * ~/.cache/casewalk, made 0700 whatever the umask; relative values and a
 * runtime directory that does not exist are passed over. */
static void test_save_private_dir_where(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ], a[400], b[400], *d;
	mode_t um = umask(0);
	snprintf(a, sizeof(a), "%s/casewalk", fx->dir);
	env3(fx->dir, "/nowhere", "/nowhere");
	expect_private(d = save_private_dir(true, err), a);
	free(d);
	rm(fx->dir, "casewalk");
	snprintf(a, sizeof(a), "%s/cache", fx->dir);
	snprintf(b, sizeof(b), "%s/cache/casewalk", fx->dir);
	env3("relative", a, "/nowhere");
	expect_private(d = save_private_dir(true, err), b);
	free(d);
	rm(fx->dir, "cache/casewalk");
	rm(fx->dir, "cache");
	snprintf(a, sizeof(a), "%s/no-such-runtime-dir", fx->dir);
	snprintf(b, sizeof(b), "%s/.cache/casewalk", fx->dir);
	env3(a, "relative", fx->dir);
	expect_private(d = save_private_dir(true, err), b);
	free(d);
	/* without create: found, or NULL with no message */
	expect_private(d = save_private_dir(false, err), b);
	free(d);
	rm(fx->dir, ".cache/casewalk");
	assert_null(save_private_dir(false, err));
	assert_string_equal(err, "");
	rm(fx->dir, ".cache");
	env3(NULL, NULL, NULL);
	assert_null(save_private_dir(true, err));
	assert_non_null(strstr(err, "no private directory"));
	umask(um);
}

/* A directory that is not the user's own and private is refused, never
 * made private behind the user's back. */
static void test_save_private_dir_refused(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ], p[400], q[400];
	snprintf(p, sizeof(p), "%s/casewalk", fx->dir);
	env3(fx->dir, NULL, NULL);
	assert_int_equal(mkdir(p, 0755), 0);
	assert_int_equal(chmod(p, 0755), 0);
	assert_null(save_private_dir(true, err));
	assert_non_null(strstr(err, "is open to others (mode 0755)"));
	assert_int_equal(chmod(p, 0710), 0);
	assert_null(save_private_dir(true, err));
	if (geteuid() == 0) {
		assert_int_equal(chmod(p, 0700), 0);
		assert_int_equal(chown(p, 65534, 65534), 0);
		assert_null(save_private_dir(true, err));
		assert_non_null(strstr(err, "belongs to uid 65534"));
	}
	rmdir(p);
	snprintf(q, sizeof(q), "%s/elsewhere", fx->dir);
	assert_int_equal(mkdir(q, 0700), 0);
	assert_int_equal(symlink("elsewhere", p), 0);
	assert_null(save_private_dir(true, err));
	assert_non_null(strstr(err, "is a symbolic link"));
	unlink(p);
	rmdir(q);
	write_file(p, "not a directory\n", 0600);
	assert_null(save_private_dir(true, err));
	assert_non_null(strstr(err, "is not a directory"));
	unlink(p);
}

/* The copy and its .src (0600, naming the real path, locked while we
 * edit); refused, the text is kept as .rej with its .src; the next start
 * lists it, and a copy a killed session left; restore and delete. */
static void test_save_copy_reject_and_kept(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ], priv[400], real[PATH_MAX], *rej;
	struct save_copy c, c2;
	struct save_kept *k;
	struct stat st;
	snprintf(priv, sizeof(priv), "%s/priv", fx->dir);
	assert_int_equal(mkdir(priv, 0700), 0);
	write_file(fx->path, "format: casewalk/1\n", 0644);
	assert_non_null(realpath(fx->path, real));
	assert_int_equal(save_private_copy(fx->path, priv, 1 << 20, &c, err), 0);
	assert_int_equal(strncmp(c.path, priv, strlen(priv)), 0);
	assert_int_equal(stat(c.path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(c.src, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	expect_file(c.path, "format: casewalk/1\n");
	char want[PATH_MAX + 2];
	snprintf(want, sizeof(want), "%s\n", real);
	expect_file(c.src, want);
	/* in use: not listed */
	assert_int_equal(save_kept_list(priv, &k), 0);
	save_kept_free(k, 0);
	rej = save_reject(&c, err);
	assert_non_null(rej);
	assert_null(c.path);
	assert_int_equal(count_entries(priv), 2);
	/* a second edit, its session killed: the copy stays unlocked */
	assert_int_equal(save_private_copy(fx->path, priv, 1 << 20, &c2, err),
			 0);
	save_copy_free(&c2);
	assert_int_equal(save_kept_list(priv, &k), 2);
	int r = k[0].rejected ? 0 : 1;
	assert_string_equal(k[r].text, rej);
	assert_string_equal(k[r].orig, real);
	assert_false(k[1 - r].rejected);
	assert_string_equal(k[1 - r].orig, real);
	/* restored: the copy again, locked, so no longer listed */
	assert_int_equal(save_kept_restore(&k[r], &c, err), 0);
	assert_int_equal(access(rej, F_OK), -1);
	expect_file(c.path, "format: casewalk/1\n");
	struct save_kept *k2;
	assert_int_equal(save_kept_list(priv, &k2), 1);
	/* ... and a second restore of the same edit is refused */
	struct save_copy c3;
	assert_int_equal(save_kept_restore(&k[r], &c3, err), -1);
	save_kept_free(k2, 1);
	save_copy_remove(&c);
	assert_int_equal(save_kept_delete(&k[1 - r], err), 0);
	assert_int_equal(count_entries(priv), 0);
	save_kept_free(k, 2);
	free(rej);
	rmdir(priv);
}

static void test_save_private_copy_missing(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ], p[400];
	struct save_copy c;
	snprintf(p, sizeof(p), "%s/absent.yaml", fx->dir);
	assert_int_equal(save_private_copy(p, fx->dir, 1 << 20, &c, err), -1);
	assert_null(c.path);
	assert_non_null(strstr(err, "absent.yaml"));
	assert_int_equal(count_entries(fx->dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_replaces_and_keeps_mode,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_keeps_owner_and_group,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_disk_full_keeps_original,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_follows_symlink,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_refuses_directory,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_missing_directory,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_private_dir_where,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_private_dir_refused,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_copy_reject_and_kept,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_private_copy_missing,
						setup, teardown),
	};
	return cmocka_run_group_tests_name("save", tests, NULL, NULL);
}
