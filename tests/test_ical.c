/* test_ical.c - iCalendar content lines (ical.h): folding at 75 octets
 * without splitting a character, CRLF, TEXT escapes, and no raw control
 * from a case file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "ical.h"

static char *take(struct outbuf *ob)
{
	ob_putc(ob, '\0');
	return ob->p;
}

/* Every physical line ends with CRLF, holds at most 75 octets, and no
 * continuation starts inside a UTF-8 character. */
static void assert_folded(const char *s)
{
	const char *line = s;
	while (*line) {
		const char *crlf = strstr(line, "\r\n");
		assert_non_null(crlf);
		assert_true(crlf - line <= 75);
		for (const char *p = line; p < crlf; p++)
			assert_true(*p != '\r' && *p != '\n');
		line = crlf + 2;
		if (*line) {
			assert_int_equal(*line, ' ');
			assert_int_not_equal((unsigned char)line[1] & 0xC0, 0x80);
		}
	}
}

/* Unfolds (RFC 5545 section 3.1): CRLF followed by one space goes. */
static char *unfold(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	for (const char *p = s; *p;) {
		if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ') {
			p += 3;
			continue;
		}
		*o++ = *p++;
	}
	*o = 0;
	return out;
}

static void test_short_line(void **state)
{
	struct outbuf ob = { NULL, 0, 0 };
	(void)state;
	ical_prop(&ob, "DTSTART;VALUE=DATE", "20270216");
	assert_string_equal(take(&ob), "DTSTART;VALUE=DATE:20270216\r\n");
	ob_free(&ob);
}

static void test_fold_ascii(void **state)
{
	struct outbuf ob = { NULL, 0, 0 };
	char text[301];
	(void)state;
	for (int i = 0; i < 300; i++)
		text[i] = (char)('a' + i % 26);
	text[300] = 0;
	ical_text(&ob, "DESCRIPTION", text);
	char *s = take(&ob);
	assert_folded(s);
	/* the first line is exactly 75 octets: "DESCRIPTION:" and 63 */
	assert_int_equal(strstr(s, "\r\n") - s, 75);
	char *u = unfold(s);
	assert_memory_equal(u + strlen("DESCRIPTION:"), text, 300);
	assert_string_equal(u + strlen("DESCRIPTION:") + 300, "\r\n");
	free(u);
	ob_free(&ob);
}

/* Two-, three- and four-byte characters across every fold position. */
static void test_fold_utf8(void **state)
{
	(void)state;
	const char *pieces[] = { "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80" };
	for (int pad = 0; pad < 4; pad++)
		for (int k = 0; k < 3; k++) {
			struct outbuf ob = { NULL, 0, 0 }, want = { NULL, 0, 0 };
			for (int i = 0; i < pad; i++)
				ob_putc(&want, 'x');
			for (int i = 0; i < 60; i++)
				ob_puts(&want, pieces[k]);
			ob_putc(&want, '\0');
			ical_text(&ob, "SUMMARY", want.p);
			char *s = take(&ob);
			assert_folded(s);
			char *u = unfold(s);
			assert_memory_equal(u + 8, want.p, strlen(want.p));
			free(u);
			ob_free(&ob);
			ob_free(&want);
		}
}

static void test_text_escapes(void **state)
{
	struct outbuf ob = { NULL, 0, 0 };
	(void)state;
	ical_text(&ob, "SUMMARY", "a\\b;c,d\ne");
	assert_string_equal(take(&ob), "SUMMARY:a\\\\b\\;c\\,d\\ne\r\n");
	ob_free(&ob);
}

/* A name with ESC, CR, TAB and a bidi override: no control reaches the
 * file, and the line stays one line. */
static void test_hostile_text(void **state)
{
	struct outbuf ob = { NULL, 0, 0 };
	(void)state;
	ical_text(&ob, "SUMMARY", "A\x1b[31mB\rC\tD\xe2\x80\xae" "E\x7f");
	char *s = take(&ob);
	assert_folded(s);
	size_t n = strlen(s);
	assert_int_equal(s[n - 2], '\r');
	for (size_t i = 0; i + 2 < n; i++)
		assert_true((unsigned char)s[i] >= 0x20 && s[i] != 0x7f);
	assert_null(strstr(s, "\xe2\x80\xae"));
	ob_free(&ob);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_line),
		cmocka_unit_test(test_fold_ascii),
		cmocka_unit_test(test_fold_utf8),
		cmocka_unit_test(test_text_escapes),
		cmocka_unit_test(test_hostile_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
