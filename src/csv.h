/* csv.h - CSV cells as RFC 4180 writes them, safe to open in a
 * spreadsheet: a cell is quoted when it holds a comma, a quote, CR or LF
 * (quotes doubled), a raw control, bidi override or bad byte never gets
 * in (text.h), and a cell that a spreadsheet would read as a formula (it
 * begins with =, +, -, @, TAB or CR, or with spaces and then =, +, - or
 * @) starts with a ' (OWASP), so it stays text.  Rows end with CRLF.
 * Every CSV casewalk writes goes through here: list, assess, deadlines,
 * and the explorer's exports. */
#ifndef CW_CSV_H
#define CW_CSV_H

#include "outbuf.h"

void csv_cell(struct outbuf *ob, const char *s);
/* A number or a date: nothing to quote. */
void csv_raw(struct outbuf *ob, const char *s);
#define CSV_SEP(ob) ob_putc((ob), ',')
#define CSV_END(ob) ob_put((ob), "\r\n", 2)

#endif
