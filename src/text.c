/* text.c - safe, width-measured text for the terminal; see text.h.
 *
 * Input is decoded one code point at a time (utf8proc_iterate, which rejects
 * overlong forms, surrogates and values above U+10FFFF), each code point is
 * mapped to what we show for it, and code points are grouped into grapheme
 * clusters so that a cut never separates a letter from its combining marks,
 * or the halves of an emoji sequence. */
#include "text.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#define REPLACEMENT 0xFFFD
#define ELLIPSIS "\xE2\x80\xA6"         /* U+2026, one column */
#define ELLIPSIS_LEN 3
#define ASCII_ELLIPSIS "~"
#define ASCII_UNKNOWN '?'

/* One input code point (or one bad byte) and what we show for it. */
struct glyph {
	int32_t cp;     /* code point shown */
	size_t srclen;  /* input bytes consumed */
	bool kept;      /* shown as the input bytes themselves */
	int nbytes;     /* bytes shown */
	int width;      /* columns shown */
};

/* One grapheme cluster of the shown text: input bytes [start, end). */
struct cluster {
	size_t start, end;
	long long width;        /* a cluster of Hangul leading jamo is unbounded */
	size_t nbytes;
};

struct reader {
	const unsigned char *s;
	size_t len, pos;
	utf8proc_int32_t state;         /* grapheme break state */
	bool ascii;                     /* TEXT_ASCII: a byte per column */
};

static bool is_bidi_control(int32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* The placeholder table of text.h.  U+2028/U+2029 (line and paragraph
 * separators) are line breaks in disguise, so they are replaced too. */
static int32_t shown_cp(int32_t cp)
{
	if (cp == '\t')
		return ' ';
	if (cp < 0x20)
		return 0x2400 + cp;
	if (cp == 0x7F)
		return 0x2421;
	if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp) ||
	    cp == 0x2028 || cp == 0x2029)
		return REPLACEMENT;
	return cp;
}

/* utf8proc gives 0 to unassigned code points; a terminal still draws
 * something there, so count one column. */
static int cp_width(int32_t cp)
{
	int w = utf8proc_charwidth(cp);
	if (w < 0)
		return 1;
	if (w == 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_CN)
		return 1;
	return w > 2 ? 2 : w;
}

static int utf8_len(int32_t cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static void decode(const unsigned char *s, size_t len, struct glyph *g)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate(s, (utf8proc_ssize_t)len, &cp);

	if (n <= 0 || !utf8proc_codepoint_valid(cp)) {
		/* Each bad byte on its own, so resynchronisation is immediate. */
		g->cp = REPLACEMENT;
		g->srclen = 1;
		g->kept = false;
	} else {
		g->cp = shown_cp(cp);
		g->srclen = (size_t)n;
		g->kept = g->cp == cp;
	}
	g->nbytes = g->kept ? (int)g->srclen : utf8_len(g->cp);
	g->width = cp_width(g->cp);
}

static void reader_init(struct reader *r, const char *s, size_t len,
			enum text_charset cs)
{
	r->s = (const unsigned char *)s;
	r->len = s ? len : 0;
	r->pos = 0;
	r->state = 0;
	r->ascii = cs == TEXT_ASCII;
}

static bool next_cluster(struct reader *r, struct cluster *c)
{
	struct glyph g;
	int32_t prev = -1;

	if (r->pos >= r->len)
		return false;
	c->start = r->pos;
	c->width = 0;
	c->nbytes = 0;
	while (r->pos < r->len) {
		decode(r->s + r->pos, r->len - r->pos, &g);
		if (prev >= 0 &&
		    utf8proc_grapheme_break_stateful(prev, g.cp, &r->state))
			break;
		c->width += g.width;
		c->nbytes += (size_t)g.nbytes;
		r->pos += g.srclen;
		prev = g.cp;
	}
	c->end = r->pos;
	/* in ASCII each column is one byte (a width past SIZE_MAX cannot be
	 * written anyway: the byte budget stops it) */
	if (r->ascii)
		c->nbytes = (size_t)c->width;
	return true;
}

/* The ASCII letter a cluster starting with code point cp shows, or '?'. */
static char ascii_of(int32_t cp)
{
	utf8proc_int32_t d[4];
	int last = 0;
	if (cp >= 0x20 && cp < 0x7F)
		return (char)cp;
	/* "é" is "e" and a combining acute: keep the letter */
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 4,
		UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
	if (n >= 1 && n <= 4 && d[0] >= 0x20 && d[0] < 0x7F)
		return (char)d[0];
	return ASCII_UNKNOWN;
}

/* A cluster in ASCII: its letter, then '?' up to its width. */
static char *emit_ascii(char *out, const struct reader *r,
			const struct cluster *c)
{
	struct glyph g;
	if (c->width <= 0)
		return out;
	decode(r->s + c->start, c->end - c->start, &g);
	*out++ = ascii_of(g.cp);
	for (long long i = 1; i < c->width; i++)
		*out++ = ASCII_UNKNOWN;
	return out;
}

static char *emit(char *out, const struct reader *r, const struct cluster *c)
{
	struct glyph g;

	if (r->ascii)
		return emit_ascii(out, r, c);
	for (size_t pos = c->start; pos < c->end; pos += g.srclen) {
		decode(r->s + pos, c->end - pos, &g);
		if (g.kept)
			memcpy(out, r->s + pos, g.srclen);
		else
			utf8proc_encode_char(g.cp, (utf8proc_uint8_t *)out);
		out += g.nbytes;
	}
	return out;
}

/* True when the whole safe form takes at most cols columns (cols < 0: any)
 * and at most maxbytes bytes.  Stops early on long input. */
static bool fits_whole(const char *s, size_t len, int cols, size_t maxbytes,
		       enum text_charset cs)
{
	struct reader r;
	struct cluster c;
	long long width = 0;
	size_t bytes = 0;

	reader_init(&r, s, len, cs);
	while (next_cluster(&r, &c)) {
		width += c.width;
		bytes += c.nbytes;
		if ((cols >= 0 && width > cols) || bytes > maxbytes)
			return false;
	}
	return true;
}

static int clamp_int(long long v)
{
	return v > INT_MAX ? INT_MAX : (int)v;
}

/* Copies whole clusters while they fit the budgets; returns the columns. */
static int copy_clusters(const char *s, size_t len, int cols, size_t maxbytes,
			 char **outp, enum text_charset cs)
{
	struct reader r;
	struct cluster c;
	long long width = 0;
	size_t bytes = 0;

	reader_init(&r, s, len, cs);
	while (next_cluster(&r, &c)) {
		if ((cols >= 0 && c.width > cols - width) ||
		    c.nbytes > maxbytes - bytes)
			break;
		*outp = emit(*outp, &r, &c);
		width += c.width;
		bytes += c.nbytes;
	}
	return clamp_int(width);
}

int text_fit_cs(const char *s, size_t len, int cols, char *out, size_t outsz,
		bool *truncated, enum text_charset cs)
{
	bool cut = false;
	int width = 0;
	char *p = out;
	const char *ell = cs == TEXT_ASCII ? ASCII_ELLIPSIS : ELLIPSIS;
	size_t ell_len = strlen(ell);

	if (!s)
		len = 0;
	/* the common case, printable ASCII: one column a byte, each byte a
	 * cluster, nothing to replace */
	size_t plain = 0;
	while (plain < len && (unsigned char)s[plain] >= 0x20 &&
	       (unsigned char)s[plain] < 0x7F)
		plain++;
	if (plain == len && outsz > len && (cols < 0 || len <= (size_t)cols)) {
		memcpy(out, s, len);
		out[len] = '\0';
		if (truncated)
			*truncated = false;
		return clamp_int((long long)len);
	}
	if (outsz == 0) {
		cut = len > 0;
	} else if (fits_whole(s, len, cols, outsz - 1, cs)) {
		width = copy_clusters(s, len, -1, outsz - 1, &p, cs);
	} else {
		cut = true;
		/* The ellipsis needs a column and its bytes; without them a
		 * cut cannot be shown as one, so nothing is shown. */
		if (cols != 0 && outsz >= ell_len + 1) {
			width = copy_clusters(s, len, cols < 0 ? -1 : cols - 1,
					      outsz - 1 - ell_len, &p, cs);
			memcpy(p, ell, ell_len);
			p += ell_len;
			if (width < INT_MAX)
				width++;
		}
	}
	if (outsz > 0)
		*p = '\0';
	if (truncated)
		*truncated = cut;
	return width;
}

int text_fit(const char *s, size_t len, int cols, char *out, size_t outsz,
	     bool *truncated)
{
	return text_fit_cs(s, len, cols, out, outsz, truncated, TEXT_UTF8);
}

int text_width(const char *s, size_t len)
{
	struct reader r;
	struct cluster c;
	long long width = 0;

	reader_init(&r, s, len, TEXT_UTF8);
	while (next_cluster(&r, &c))
		width += c.width;
	return clamp_int(width);
}

bool text_is_clean(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	struct glyph g;

	if (!s)
		return true;
	for (size_t pos = 0; pos < len; pos += g.srclen) {
		decode(u + pos, len - pos, &g);
		if (!g.kept)
			return false;
	}
	return true;
}
