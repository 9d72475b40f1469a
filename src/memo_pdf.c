/* memo_pdf.c - the memo's roff to PDF through groff, and the memo saved
 * to a file; see memo.h.  The roff goes to groff through a pipe and the
 * PDF comes back through another: nothing of the case is written to a
 * temporary file of ours, and groff's own (TMPDIR) go to the private
 * directory. */
#define _POSIX_C_SOURCE 200809L
#include "memo.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "save.h"

static int fail(char err[MEMO_ERRSZ], const char *what, const char *why)
{
	snprintf(err, MEMO_ERRSZ, "%s: %.400s", what, why);
	return -1;
}

/* The child: stdin, stdout and stderr the pipes; TMPDIR private. */
static _Noreturn void run_groff(int in, int out, int errfd, const char *tmp)
{
	dup2(in, 0);
	dup2(out, 1);
	dup2(errfd, 2);
	if (in > 2)
		close(in);
	if (out > 2)
		close(out);
	if (errfd > 2)
		close(errfd);
	setenv("TMPDIR", tmp, 1);
	setenv("GROFF_TMPDIR", tmp, 1);
	execlp("groff", "groff", "-ms", "-Tpdf", "-dpaper=letter", "-P-pletter",
	       (char *)NULL);
	fprintf(stderr, "cannot run groff: %s\n", strerror(errno));
	_exit(127);
}

/* Writes roff to fd w while reading fds r (the PDF) and e (messages),
 * until both close. */
static int pump(int w, int r, int e, const char *roff, size_t len,
		struct outbuf *pdf, struct outbuf *msg)
{
	size_t done = 0;
	char buf[65536];
	struct pollfd p[3] = { { r, POLLIN, 0 }, { e, POLLIN, 0 },
			       { w, POLLOUT, 0 } };
	int open = 3;
	if (!len) {
		close(w);
		p[2].fd = -1;
		open--;
	}
	while (open) {
		if (poll(p, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (int i = 0; i < 2; i++) {
			if (p[i].fd < 0 || !p[i].revents)
				continue;
			ssize_t n = read(p[i].fd, buf, sizeof(buf));
			if (n > 0) {
				ob_put(i ? msg : pdf, buf, (size_t)n);
			} else if (n == 0 || errno != EINTR) {
				close(p[i].fd);
				p[i].fd = -1;
				open--;
			}
		}
		if (p[2].fd >= 0 && p[2].revents) {
			ssize_t n = write(w, roff + done, len - done);
			if (n > 0)
				done += (size_t)n;
			if ((n < 0 && errno != EINTR && errno != EAGAIN) ||
			    done == len) {
				close(w);
				p[2].fd = -1;
				open--;
			}
		}
	}
	return 0;
}

int memo_pdf(const char *roff, size_t len, struct outbuf *pdf,
	     char err[MEMO_ERRSZ])
{
	char why[SAVE_ERRSZ];
	char *tmp = save_private_dir(true, why);
	int in[2], out[2], msg[2];
	if (!tmp)
		return fail(err, "no private directory for groff", why);
	if (pipe(in) || pipe(out)) {
		free(tmp);
		return fail(err, "pipe", strerror(errno));
	}
	if (pipe(msg)) {
		close(in[0]), close(in[1]), close(out[0]), close(out[1]);
		free(tmp);
		return fail(err, "pipe", strerror(errno));
	}
	/* a groff that dies early must not kill us with SIGPIPE */
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	pid_t pid = fork();
	if (pid == 0) {
		close(in[1]);
		close(out[0]);
		close(msg[0]);
		run_groff(in[0], out[1], msg[1], tmp);
	}
	free(tmp);
	close(in[0]);
	close(out[1]);
	close(msg[1]);
	struct outbuf m = { NULL, 0, 0 };
	int rc = pid < 0 ? -1 : pump(in[1], out[0], msg[0], roff, len, pdf, &m);
	if (pid < 0) {
		close(in[1]);
		close(out[0]);
		close(msg[0]);
	}
	int st = 0;
	while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGPIPE, &old, NULL);
	ob_putc(&m, '\0');
	if (pid < 0 || rc)
		rc = fail(err, "cannot run groff", strerror(errno));
	else if (!WIFEXITED(st) || WEXITSTATUS(st) ||
		 pdf->len < 5 || memcmp(pdf->p, "%PDF-", 5))
		rc = fail(err, "groff -ms -Tpdf failed (the Debian package "
			  "groff has the ms macros and gropdf)", *m.p ? m.p :
			  "no PDF made");
	ob_free(&m);
	return rc;
}

int memo_save(const struct rules *r, const struct assessment *a, int format,
	      bool redact, const char *path, char err[MEMO_ERRSZ])
{
	struct outbuf text = { NULL, 0, 0 }, pdf = { NULL, 0, 0 };
	char why[SAVE_ERRSZ];
	int rc = 0;
	memo_write(&text, r, a, format, redact);
	const struct outbuf *out = &text;
	if (format == MEMO_PDF) {
		rc = memo_pdf(text.p, text.len, &pdf, err);
		out = &pdf;
	}
	if (!rc && save_atomic(path, out->p ? out->p : "", out->len, why)) {
		snprintf(err, MEMO_ERRSZ, "%s", why);
		rc = -1;
	}
	ob_free(&text);
	ob_free(&pdf);
	return rc;
}
