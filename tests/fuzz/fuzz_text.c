/* fuzz_text.c - libFuzzer target for the text sanitiser and width helper
 * (text.h), and the other two places case text leaves casewalk: the JSON
 * writer's strings (json.h) and the redaction masks (redact.h).
 *
 * Input: byte 0 picks the column budget (-1 = none, else 0..254), byte 1
 * the output buffer size (0..254, or 255 = large enough), the rest is the
 * text.  It traps when a promise fails:
 *   - text_fit's output is NUL-terminated inside the buffer, valid UTF-8,
 *     and holds no C0 control, DEL, C1 control, bidi control or line/
 *     paragraph separator; nothing is written when the size is 0;
 *   - its width is within the budget, equals text_width of the output, and
 *     of the input when nothing was cut; a cut happens only when the whole
 *     did not fit, ends in "…" (or gives "" when "…" has no room) and keeps
 *     a prefix of the whole safe form;
 *   - the safe form of clean text is the text itself; the safe form is
 *     clean and its own safe form;
 *   - in ASCII (text_fit_cs, TEXT_ASCII) the output is printable ASCII, a
 *     byte per column, within the budget, ends in '~' when cut, and is as
 *     wide as the UTF-8 form when not cut;
 *   - json_str writes one JSON string, with no raw control, DEL, C1, bidi
 *     control or line/paragraph separator, that decodes to the input's code
 *     points with each invalid byte as U+FFFD;
 *   - redact_a_number gives A-XXX-XXX-XXX (no digit kept); the pseudonym
 *     is two names, and both fit REDACT_BUFSZ.
 *
 *   tests/fuzz.sh smoke fuzz_text      (builds build-fuzz/fuzz_text)
 */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "redact.h"
#include "text.h"
#include "fuzz_util.h"

#define ELLIPSIS "\xE2\x80\xA6"

static void check_fit(const char *s, size_t len, int cols, size_t outsz,
		      const char *full, int wfull)
{
	/* the buffer sits at the end of a heap block so that ASan sees any
	 * write past outsz; one canary byte when outsz is 0 */
	char *out = malloc(outsz ? outsz : 1);
	CHECK(out);
	if (!outsz)
		out[0] = 'Z';
	bool cut = false;
	int w = text_fit(s, len, cols, out, outsz, &cut);
	CHECK(w >= 0);
	if (!outsz) {
		CHECK(out[0] == 'Z' && w == 0 && cut == (len > 0));
		free(out);
		return;
	}
	size_t n = strnlen(out, outsz);
	CHECK(n < outsz);
	CHECK(fz_terminal_safe(out, n, NULL));
	CHECK(text_is_clean(out, n));
	CHECK(text_width(out, n) == w);
	if (cols >= 0)
		CHECK(w <= cols);
	size_t nfull = strlen(full);
	if (!cut) {
		CHECK(n == nfull && !memcmp(out, full, n) && w == wfull);
	} else {
		CHECK((cols >= 0 && wfull > cols) || nfull > outsz - 1);
		if (cols == 0 || outsz < 4) {
			CHECK(n == 0 && w == 0);
		} else {
			CHECK(n >= 3 && !memcmp(out + n - 3, ELLIPSIS, 3));
			CHECK(n - 3 <= nfull && !memcmp(out, full, n - 3));
		}
	}
	free(out);
}

static void check_ascii(const char *s, size_t len, int cols, size_t outsz,
			int wfull)
{
	char *out = malloc(outsz ? outsz : 1);
	CHECK(out);
	bool cut = false;
	int w = text_fit_cs(s, len, cols, out, outsz, &cut, TEXT_ASCII);
	if (outsz) {
		size_t n = strnlen(out, outsz);
		CHECK(n < outsz && (size_t)w == n);
		for (size_t i = 0; i < n; i++)
			CHECK(out[i] >= 0x20 && out[i] < 0x7F);
		if (cols >= 0)
			CHECK(w <= cols);
		if (!cut)
			CHECK(w == wfull);
		else if (n)
			CHECK(out[n - 1] == '~');
	}
	free(out);
}

/* Decodes the JSON string at j[0..len) into code points; checks that it is
 * one string with nothing raw that a terminal would act on. */
static size_t json_decode(const char *j, size_t len, uint32_t *cps)
{
	const unsigned char *u = (const unsigned char *)j;
	size_t n = 0, i = 1;
	CHECK(len >= 2 && u[0] == '"' && u[len - 1] == '"');
	while (i < len - 1) {
		uint32_t cp;
		if (u[i] == '\\') {
			CHECK(i + 1 < len - 1);
			char e = (char)u[i + 1];
			if (e == 'u') {
				CHECK(i + 5 < len - 1);
				char hex[5] = {0};
				memcpy(hex, u + i + 2, 4);
				CHECK(strspn(hex, "0123456789abcdefABCDEF") == 4);
				cp = (uint32_t)strtoul(hex, NULL, 16);
				i += 6;
			} else {
				CHECK(e == '"' || e == '\\' || e == 'n' ||
				      e == 't');
				cp = e == 'n' ? '\n' : e == 't' ? '\t'
							   : (uint32_t)e;
				i += 2;
			}
		} else {
			CHECK(u[i] != '"');
			int k = fz_utf8(u + i, len - 1 - i, &cp);
			CHECK(k > 0 && !fz_cp_unsafe(cp, NULL));
			i += (size_t)k;
		}
		cps[n++] = cp;
	}
	CHECK(i == len - 1);
	return n;
}

/* With `fill`, the writer's buffer is first filled to a few bytes short of
 * full, so that its flush falls inside the string at a place the input
 * chooses. */
static void check_json(const char *s, bool fill, unsigned where)
{
	size_t len = strlen(s);
	char *text = NULL;
	size_t tlen = 0;
	struct json j;
	/* a string that crosses the end of the writer's first 4 KiB */
	static char pad[4096];
	size_t npad = fill ? sizeof(pad) - 1 - where % 256 : 0;
	memset(pad, ' ', npad);
	pad[npad] = '\0';
	FILE *f = open_memstream(&text, &tlen);
	CHECK(f);
	json_init(&j, f);
	json_raw(&j, pad);
	json_str(&j, NULL, s);
	json_done(&j);
	CHECK(fclose(f) == 0);
	CHECK(tlen > npad && strspn(text, " ") == npad);
	uint32_t *got = malloc((tlen + 1) * sizeof(*got));
	uint32_t *want = malloc((len + 1) * sizeof(*want));
	CHECK(got && want);
	size_t ngot = json_decode(text + npad, tlen - npad, got), nwant = 0;
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int k = fz_utf8(u + i, len - i, &cp);
		want[nwant++] = k ? cp : 0xFFFD;
		i += k ? (size_t)k : 1;
	}
	CHECK(ngot == nwant && !memcmp(got, want, ngot * sizeof(*got)));
	free(got);
	free(want);
	free(text);
}

static void check_redact(const char *s)
{
	char out[REDACT_BUFSZ];
	redact_a_number(s, out, sizeof(out));
	size_t n = strlen(out);
	CHECK(n == 13 && !strcmp(out, "A-XXX-XXX-XXX"));
	redact_pseudonym(s, out, sizeof(out));
	n = strlen(out);
	CHECK(n > 2 && n < sizeof(out) && strchr(out, ' ') &&
	      fz_terminal_safe(out, n, NULL));
	char again[REDACT_BUFSZ];
	CHECK(!strcmp(redact_pseudonym(s, again, sizeof(again)), out));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int cols = (int)data[0] - 1;
	size_t outsz = data[1];
	const char *s = (const char *)data + 2;
	size_t len = size - 2;
	size_t cap = TEXT_SAFE_SIZE(len);
	if (outsz == 255)
		outsz = cap;

	/* the whole safe form */
	char *full = malloc(cap);
	CHECK(full);
	bool cut = true;
	int wfull = text_fit(s, len, -1, full, cap, &cut);
	size_t nfull = strlen(full);
	CHECK(!cut && nfull < cap);
	CHECK(wfull == text_width(s, len));
	CHECK(fz_terminal_safe(full, nfull, NULL));
	CHECK(text_is_clean(full, nfull));
	if (text_is_clean(s, len))
		CHECK(nfull == len && !memcmp(full, s, len));
	char *again = malloc(TEXT_SAFE_SIZE(nfull));
	CHECK(again);
	text_fit(full, nfull, -1, again, TEXT_SAFE_SIZE(nfull), &cut);
	CHECK(!cut && !strcmp(again, full));
	free(again);

	check_fit(s, len, cols, outsz, full, wfull);
	if (cols >= 0)          /* the same budget with room to spare */
		check_fit(s, len, cols, cap, full, wfull);
	check_ascii(s, len, cols, outsz, wfull);
	check_ascii(s, len, cols, cap, wfull);

	/* JSON and redaction take C strings */
	char *z = malloc(len + 1);
	CHECK(z);
	memcpy(z, s, len);
	z[len] = '\0';
	check_json(z, (len & 3) == 0, data[0] ^ data[1]);
	check_redact(z);
	free(z);
	free(full);
	return 0;
}
