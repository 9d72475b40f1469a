/* ical.c - iCalendar content lines; see ical.h. */
#include "ical.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "text.h"

/* Octets in a content line before the CRLF (RFC 5545 section 3.1). */
#define ICAL_FOLD 75

void ical_fold(struct outbuf *ob, const char *line, size_t len)
{
	size_t room = ICAL_FOLD, i = 0;
	while (i < len) {
		size_t n = len - i < room ? len - i : room;
		/* back off to the start of a UTF-8 character */
		if (i + n < len)
			while (n > 1 && ((unsigned char)line[i + n] & 0xC0) == 0x80)
				n--;
		ob_put(ob, line + i, n);
		i += n;
		if (i < len) {
			ob_put(ob, "\r\n ", 3);
			room = ICAL_FOLD - 1;   /* the space counts */
		}
	}
	ob_put(ob, "\r\n", 2);
}

void ical_prop(struct outbuf *ob, const char *name, const char *value)
{
	struct outbuf l = { NULL, 0, 0 };
	ob_puts(&l, name);
	ob_putc(&l, ':');
	ob_puts(&l, value ? value : "");
	ical_fold(ob, l.p, l.len);
	ob_free(&l);
}

/* One line of a TEXT value, made safe and escaped, appended to l. */
static void text_line(struct outbuf *l, const char *s, size_t len)
{
	size_t cap = TEXT_SAFE_SIZE(len);
	char small[512], *safe = cap <= sizeof(small) ? small : xmalloc(cap);
	text_fit(s, len, -1, safe, cap, NULL);
	for (const char *p = safe; *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',')
			ob_putc(l, '\\');
		ob_putc(l, *p);
	}
	if (safe != small)
		free(safe);
}

void ical_text(struct outbuf *ob, const char *name, const char *text)
{
	struct outbuf l = { NULL, 0, 0 };
	ob_puts(&l, name);
	ob_putc(&l, ':');
	for (const char *p = text ? text : "";;) {
		size_t n = strcspn(p, "\n");
		text_line(&l, p, n);
		if (!p[n])
			break;
		ob_put(&l, "\\n", 2);
		p += n + 1;
	}
	ical_fold(ob, l.p, l.len);
	ob_free(&l);
}
