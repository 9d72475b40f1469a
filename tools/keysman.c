/* keysman - prints the KEYS section of man/casewalk.1 from the explorer's
 * action table (ui/actions.h), so the man page cannot drift from the
 * bindings: tests/man-check.sh compares the page with this output, and
 * man/casewalk-keys.inc holds a copy to paste.
 * usage: keysman > man/casewalk-keys.inc */
#include <stdio.h>
#include <string.h>

#include "../ui/actions.h"

#define ROW(id, name, keys, group, help) { name, keys, group, help },
static const struct {
	const char *name, *keys, *group, *help;
} rows[] = { UI_ACTIONS(ROW) };

/* Text safe for roff: backslashes and hyphens escaped, no line starting
 * with a control character. */
static void roff(const char *s, size_t n, int line_start)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		if (i == 0 && line_start && (s[i] == '.' || s[i] == '\''))
			fputs("\\&", stdout);
		if (s[i] == '\\')
			fputs("\\e", stdout);
		else if (s[i] == '-')
			fputs("\\-", stdout);
		else
			putchar(s[i]);
	}
}

/* One key name as a reader knows it: <Down> is Down, <C-f> is Ctrl-F. */
static void key(const char *k, size_t n)
{
	if (n == 5 && !strncmp(k, "<C-", 3)) {
		printf("Ctrl\\-%c", k[3] - 'a' + 'A');
		return;
	}
	if (n > 2 && k[0] == '<' && k[n - 1] == '>')
		roff(k + 1, n - 2, 0);
	else
		roff(k, n, 0);
}

static void keys(const char *s)
{
	int first = 1;
	fputs("\\fB", stdout);
	while (*s) {
		size_t n = strcspn(s, " ");
		if (n) {
			if (!first)
				fputs("\\fR, \\fB", stdout);
			key(s, n);
			first = 0;
		}
		s += n + (s[n] == ' ');
	}
	fputs("\\fR\n", stdout);
}

int main(void)
{
	const char *group = "";
	puts(".SH KEYS");
	puts("The explorer's default keys.  Each can be changed in the "
	     "configuration\nfile (see\n.BR FILES );\nthe help view "
	     "(\\fB?\\fR) lists the keys in force.");
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		if (strcmp(group, rows[i].group)) {
			group = rows[i].group;
			printf(".SS %s\n", group);
		}
		puts(".TP");
		keys(rows[i].keys);
		roff(rows[i].help, strlen(rows[i].help), 1);
		fputs("\n(\\fI", stdout);
		roff(rows[i].name, strlen(rows[i].name), 0);
		fputs("\\fR in the configuration.)\n", stdout);
	}
	return ferror(stdout) ? 1 : 0;
}
