/* test_save.c - unit tests for save.c: atomic replacement, private copies,
 * rejected edits kept.  Works in a fresh directory under $TMPDIR. */
#define _DEFAULT_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

static void test_save_private_copy_and_reject(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ], *copy, *rej;
	struct stat st;
	write_file(fx->path, "format: casewalk/1\n", 0644);
	assert_int_equal(save_private_copy(fx->path, fx->dir, &copy, err), 0);
	assert_int_equal(strncmp(copy, fx->dir, strlen(fx->dir)), 0);
	assert_int_equal(stat(copy, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	expect_file(copy, "format: casewalk/1\n");
	rej = save_reject(copy, err);
	assert_non_null(rej);
	assert_int_equal(access(copy, F_OK), -1);
	expect_file(rej, "format: casewalk/1\n");
	unlink(rej);
	free(rej);
	free(copy);
}

static void test_save_private_copy_missing(void **state)
{
	struct fx *fx = *state;
	char err[SAVE_ERRSZ], *copy = NULL, p[400];
	snprintf(p, sizeof(p), "%s/absent.yaml", fx->dir);
	assert_int_equal(save_private_copy(p, fx->dir, &copy, err), -1);
	assert_null(copy);
	assert_non_null(strstr(err, "absent.yaml"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_replaces_and_keeps_mode,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_disk_full_keeps_original,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_follows_symlink,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_refuses_directory,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_missing_directory,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_private_copy_and_reject,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_private_copy_missing,
						setup, teardown),
	};
	return cmocka_run_group_tests_name("save", tests, NULL, NULL);
}
