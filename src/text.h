/* text.h - the one width and sanitising helper.
 *
 * Every string that came from a case file passes through here before it
 * reaches a terminal (the explorer, `check` diagnostics, text output).
 * Widths are measured by utf8proc, independent of the locale, so screens are
 * the same on every machine.
 *
 * Placeholders (each one terminal cell):
 *   C0 controls U+0000..U+001F  -> U+2400..U+241F (control pictures, e.g. ␛)
 *   DEL U+007F                  -> U+2421 (␡)
 *   C1 controls U+0080..U+009F  -> U+FFFD
 *   bidi controls U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C
 *                               -> U+FFFD
 *   invalid UTF-8 (each bad byte) -> U+FFFD
 *   tab                         -> one space (columns are ours to lay out)
 *   U+2028, U+2029 (line/paragraph separators) -> U+FFFD
 * Combining marks and zero-width characters take no column; wide (East Asian
 * wide, emoji) characters take two.
 */
#ifndef CW_TEXT_H
#define CW_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Writes into out (always NUL-terminated when outsz > 0) the safe form of
 * s[0..len), using at most `cols` terminal columns (cols < 0: no limit).
 * When the text does not fit, it is cut at a character boundary and "…"
 * (U+2026) takes the last column; *truncated (if not NULL) tells.  Never
 * splits a UTF-8 sequence or a character from its combining marks (cuts
 * fall between grapheme clusters).  If out is too small, the text is cut as
 * if the columns had run out.  When a cut is needed but "…" has no room
 * (cols == 0, or outsz < 4) the result is "" and *truncated is true.
 * Returns the number of columns the result uses. */
int text_fit(const char *s, size_t len, int cols, char *out, size_t outsz,
	     bool *truncated);

/* What text_fit_cs writes.  TEXT_ASCII is for a terminal whose locale is
 * not UTF-8 (LC_ALL=C, POSIX), which would draw each byte of a UTF-8
 * character as a cell of its own: every grapheme cluster becomes as many
 * ASCII bytes as the columns it takes in UTF-8, so that columns line up
 * the same in both.  A cluster starting with a printable ASCII character,
 * or one that decomposes to one ("é", "Ñ", "ễ"), keeps that letter and
 * drops its combining marks; any other column is '?' (placeholders, CJK,
 * emoji).  The ellipsis of a cut is '~' (as tig's).  Widths are the same
 * as in UTF-8. */
enum text_charset { TEXT_UTF8, TEXT_ASCII };

/* text_fit, writing in the charset cs. */
int text_fit_cs(const char *s, size_t len, int cols, char *out, size_t outsz,
		bool *truncated, enum text_charset cs);

/* Columns the safe form of s[0..len) takes. */
int text_width(const char *s, size_t len);

/* True when s[0..len) is valid UTF-8 with nothing text_fit would replace. */
bool text_is_clean(const char *s, size_t len);

/* Bytes needed in `out` for the safe form of any len-byte input, worst case
 * (each byte may become a 3-byte placeholder), plus the NUL. */
#define TEXT_SAFE_SIZE(len) ((len) * 3 + 4)

#endif
