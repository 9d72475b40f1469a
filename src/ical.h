/* ical.h - iCalendar (RFC 5545) content lines for `casewalk deadlines
 * --ics`: every line ends with CRLF and is folded before 75 octets (a
 * continuation starts with one space; a UTF-8 character is never split),
 * TEXT values escape backslash, semicolon, comma and line breaks
 * (section 3.3.11), and nothing a case file holds reaches the file raw: a
 * control character, bidi control or bad byte becomes its placeholder
 * (text.h), as it would on a terminal.  No state, no curses.
 */
#ifndef CW_ICAL_H
#define CW_ICAL_H

#include "outbuf.h"

/* NAME:VALUE (VALUE written as it is: a date, a UID, a fixed word).
 * name may carry parameters: "DTSTART;VALUE=DATE". */
void ical_prop(struct outbuf *ob, const char *name, const char *value);

/* NAME:TEXT, text escaped; each '\n' in text is a line break of the
 * value (written \n), every line made safe first. */
void ical_text(struct outbuf *ob, const char *name, const char *text);

/* The folding alone: appends line (without its CRLF) folded, then CRLF. */
void ical_fold(struct outbuf *ob, const char *line, size_t len);

#endif
