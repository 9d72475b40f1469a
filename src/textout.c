/* textout.c - printing text that may hold strings from case or rules
 * files: every line made safe for a terminal (text.h), the line breaks of
 * the format kept. */
#include "textout.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "arena.h"

/* Text for a terminal or a pipe: every string from a case is sanitised. */
void text_safe(struct outbuf *ob, const char *s)
{
	size_t len = strlen(s), cap = TEXT_SAFE_SIZE(len);
	ob_reserve(ob, cap);
	text_fit(s, len, -1, ob->p + ob->len, cap, NULL);
	ob->len += strlen(ob->p + ob->len);
}

/* printf whose result may hold text from a case or rules file: each line
 * is made safe for a terminal, the line breaks of the format kept. */
void text_vobprintf(struct outbuf *ob, const char *fmt, va_list ap)
{
	char small[1024], *buf = small;
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= 0 && (size_t)n >= sizeof(small)) {
		buf = xmalloc((size_t)n + 1);
		vsnprintf(buf, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	if (n < 0)
		return;
	for (char *line = buf, *nl;; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		text_safe(ob, line);
		if (!nl)
			break;
		ob_putc(ob, '\n');
	}
	if (buf != small)
		free(buf);
}

void text_obprintf(struct outbuf *ob, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	text_vobprintf(ob, fmt, ap);
	va_end(ap);
}

void text_fprintf(FILE *f, const char *fmt, ...)
{
	struct outbuf ob = { NULL, 0, 0 };
	va_list ap;
	va_start(ap, fmt);
	text_vobprintf(&ob, fmt, ap);
	va_end(ap);
	ob_write(&ob, f);
	ob_free(&ob);
}

