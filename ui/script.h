/* script.h - the test harness's input: CASEWALK_SCRIPT=FILE.
 *
 * A script is read line by line.  A line starting with ':' is a command:
 *   :dump FILE          write the screen as text to FILE
 *   :resize COLS ROWS   resize the (virtual) terminal
 *   :wait-load          wait until loading has finished
 *   :clock FILE         append the monotonic clock, in seconds, to FILE
 *                       (make bench times keystrokes between two)
 *   :quit               stop (as does the end of the script)
 * '#' starts a comment line; blank lines are skipped.  Any other line is a
 * sequence of keys, named as in keys.h: "jj<Enter>", "/felipe<Enter>".
 * The explorer then runs without a display (output to /dev/null) and the
 * same script gives the same screens on every machine.
 */
#ifndef CW_UI_SCRIPT_H
#define CW_UI_SCRIPT_H

#include <stdbool.h>
#include <stdio.h>

enum script_kind { SCRIPT_KEY, SCRIPT_CMD, SCRIPT_END, SCRIPT_ERROR };

struct script {
	FILE *f;
	const char *name;
	char line[1024];
	const char *pos;        /* next key in line, or NULL */
	unsigned lineno;
};

struct script_event {
	int kind;
	int key;                /* SCRIPT_KEY */
	const char *cmd;        /* SCRIPT_CMD: the line without ':' */
	char error[160];        /* SCRIPT_ERROR: "FILE:LINE: ..." */
};

/* Opens the script; returns false (errno set) when it cannot be read. */
bool script_open(struct script *s, const char *path);
void script_next(struct script *s, struct script_event *ev);
void script_close(struct script *s);

#endif
