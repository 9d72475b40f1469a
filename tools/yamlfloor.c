/* yamlfloor - the floor of `make bench`: libyaml's event parser over every
 * file below the given paths, on one thread, and nothing else.
 *
 * usage: yamlfloor PATH...
 *
 * Each *.yaml / *.yml file is read whole into memory, then every event of
 * its stream is parsed with yaml_parser_parse and deleted at once.  No tree,
 * no copies, no checks: any loader built on libyaml does at least this much
 * work, so casewalk's times are reported as ratios to it.  Prints the
 * number of files, bytes and events; exits 1 if a file cannot be read or
 * parsed.
 */
#define _GNU_SOURCE             /* nftw's FTW_ACTIONRETVAL */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

static unsigned long long n_files, n_bytes, n_events;
static int status;
static char *buf;
static size_t cap;

static int yaml_name(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;
	base = base ? base + 1 : path;
	n = strlen(base);
	return base[0] != '.' &&
	       ((n > 5 && !strcmp(base + n - 5, ".yaml")) ||
		(n > 4 && !strcmp(base + n - 4, ".yml")));
}

/* The whole file into buf; returns its length, or -1. */
static long read_whole(const char *path, const struct stat *st)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t len = 0;
	if (fd < 0)
		return -1;
	if ((size_t)st->st_size + 1 > cap) {
		cap = (size_t)st->st_size + 1 + (1 << 16);
		free(buf);
		buf = malloc(cap);
		if (!buf) {
			close(fd);
			return -1;
		}
	}
	for (;;) {
		ssize_t k = read(fd, buf + len, cap - 1 - len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		len += (size_t)k;
	}
	close(fd);
	return (long)len;
}

static void parse(const char *path, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int done = 0;
	if (!yaml_parser_initialize(&p)) {
		fputs("yamlfloor: out of memory\n", stderr);
		exit(3);
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "yamlfloor: %s:%lu: %s\n", path,
				(unsigned long)p.problem_mark.line + 1,
				p.problem ? p.problem : "parse error");
			status = 1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		n_events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
}

static int visit(const char *path, const struct stat *st, int type,
		 struct FTW *ftw)
{
	if (type == FTW_D && ftw->level > 0 && path[ftw->base] == '.')
		return FTW_SKIP_SUBTREE;
	if (type != FTW_F || !yaml_name(path))
		return FTW_CONTINUE;
	long len = read_whole(path, st);
	if (len < 0) {
		fprintf(stderr, "yamlfloor: %s: %s\n", path, strerror(errno));
		status = 1;
		return FTW_CONTINUE;
	}
	n_files++;
	n_bytes += (unsigned long long)len;
	parse(path, (size_t)len);
	return FTW_CONTINUE;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: yamlfloor PATH...\n", stderr);
		return 2;
	}
	for (int i = 1; i < argc; i++)
		if (nftw(argv[i], visit, 64, FTW_PHYS | FTW_ACTIONRETVAL) < 0) {
			fprintf(stderr, "yamlfloor: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
	free(buf);
	printf("%llu files, %llu bytes, %llu events\n", n_files, n_bytes,
	       n_events);
	return status;
}
