/* textout.h - printf for text that may hold strings from a case or rules
 * file: each line is made safe for a terminal (text.h). */
#ifndef CW_TEXTOUT_H
#define CW_TEXTOUT_H

#include <stdarg.h>
#include <stdio.h>

#include "outbuf.h"

/* Appends the safe form of s. */
void text_safe(struct outbuf *ob, const char *s);
void text_vobprintf(struct outbuf *ob, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void text_obprintf(struct outbuf *ob, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void text_fprintf(FILE *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
