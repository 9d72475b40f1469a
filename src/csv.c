/* csv.c - CSV cells; see csv.h. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "text.h"

void csv_cell(struct outbuf *ob, const char *str)
{
	if (!str)
		str = "";
	size_t len = strlen(str), cap = TEXT_SAFE_SIZE(len);
	char small[512], *s = cap <= sizeof(small) ? small : xmalloc(cap);
	text_fit(str, len, -1, s, cap, NULL);
	/* a tab or CR has become a space or a placeholder by now: spaces
	 * before a formula's first character do not make it text for a
	 * spreadsheet that trims them on import */
	const char *first = s + strspn(s, " ");
	bool formula = (s[0] && strchr("=+-@\t\r", s[0])) ||
		       (first != s && *first && strchr("=+-@", *first));
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		ob_putc(ob, '"');
	if (formula)
		ob_putc(ob, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			ob_putc(ob, '"');
		ob_putc(ob, *p);
	}
	if (quote)
		ob_putc(ob, '"');
	if (s != small)
		free(s);
}

void csv_raw(struct outbuf *ob, const char *s)
{
	ob_puts(ob, s ? s : "");
}
