/* script.c - reading the test harness's scripts; see script.h. */
#include "script.h"

#include <string.h>

#include "keys.h"

bool script_open(struct script *s, const char *path)
{
	memset(s, 0, sizeof(*s));
	s->name = path;
	s->f = fopen(path, "r");
	return s->f != NULL;
}

void script_close(struct script *s)
{
	if (s->f)
		fclose(s->f);
	s->f = NULL;
}

/* Reads the next line that is not blank or a comment; false at the end. */
static bool next_line(struct script *s)
{
	while (fgets(s->line, sizeof(s->line), s->f)) {
		s->lineno++;
		s->line[strcspn(s->line, "\r\n")] = 0;
		if (s->line[0] && s->line[0] != '#')
			return true;
	}
	return false;
}

void script_next(struct script *s, struct script_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	if (!s->pos || !*s->pos) {
		s->pos = NULL;
		if (!s->f || !next_line(s)) {
			ev->kind = SCRIPT_END;
			return;
		}
		if (s->line[0] == ':') {
			ev->kind = SCRIPT_CMD;
			ev->cmd = s->line + 1;
			return;
		}
		s->pos = s->line;
	}
	ev->key = keys_parse(&s->pos);
	ev->kind = ev->key < 0 ? SCRIPT_ERROR : SCRIPT_KEY;
	if (ev->kind == SCRIPT_ERROR)
		snprintf(ev->error, sizeof(ev->error),
			 "%s:%u: bad key name", s->name, s->lineno);
}
