/* test_text.c - unit tests for text.c: placeholders, widths, truncation.
 *
 * Expected bytes are spelled out by hand from text.h's placeholder table:
 * U+2400 + c is E2 90 80+c, U+2421 is E2 90 A1, U+FFFD is EF BF BD, U+2026
 * is E2 80 A6.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "text.h"

#define FFFD "\xEF\xBF\xBD"
#define ELL "\xE2\x80\xA6"

/* Fits s (a literal, so sizeof gives its length even with NULs) into
 * cols; checks the result and the truncation flag. */
#define expect_fit(lit, cols, want, want_cols, want_cut) \
	check_fit((lit), sizeof(lit) - 1, (cols), (want), (want_cols), (want_cut))

static void check_fit(const char *s, size_t len, int cols, const char *want,
		      int want_cols, bool want_cut)
{
	char out[256];
	bool cut = !want_cut;

	memset(out, 'X', sizeof(out));
	int got = text_fit(s, len, cols, out, sizeof(out), &cut);
	assert_string_equal(out, want);
	assert_int_equal(got, want_cols);
	assert_int_equal(cut, want_cut);
	/* What we print is itself clean, and measures what we said. */
	assert_true(text_is_clean(out, strlen(out)));
	assert_int_equal(text_width(out, strlen(out)), got);
}

/* Width of a string literal, NULs included. */
#define WIDTH(lit) text_width((lit), sizeof(lit) - 1)

#define expect_safe(lit, want, want_cols) expect_fit(lit, -1, want, want_cols, false)

/* ---- placeholders ------------------------------------------------------------ */

static void test_text_c0_controls(void **state)
{
	(void)state;
	expect_safe("\x1b", "\xE2\x90\x9B", 1);                          /* ␛ */
	expect_safe("a\x1b[31mb", "a\xE2\x90\x9B[31mb", 7);
	expect_safe("\n", "\xE2\x90\x8A", 1);                            /* ␊ */
	expect_safe("\r\n", "\xE2\x90\x8D\xE2\x90\x8A", 2);
	expect_safe("\x07", "\xE2\x90\x87", 1);                          /* ␇ */
	expect_safe("\x1f", "\xE2\x90\x9F", 1);
	expect_safe("a\0b", "a\xE2\x90\x80" "b", 3);                     /* ␀ */
	expect_safe("a\tb", "a b", 3);                                   /* tab */
}

static void test_text_del_and_c1(void **state)
{
	(void)state;
	expect_safe("\x7f", "\xE2\x90\xA1", 1);                          /* ␡ */
	expect_safe("\xC2\x9B" "31m", FFFD "31m", 4);                   /* CSI */
	expect_safe("\xC2\x80\xC2\x9F", FFFD FFFD, 2);
	expect_safe("\xC2\xA0", "\xC2\xA0", 1);                          /* NBSP kept */
}

static void test_text_bidi_controls(void **state)
{
	(void)state;
	expect_safe("abc\xE2\x80\xAE" "def", "abc" FFFD "def", 7);       /* U+202E */
	expect_safe("\xE2\x80\xAA", FFFD, 1);                            /* U+202A */
	expect_safe("\xE2\x81\xA6\xE2\x81\xA9", FFFD FFFD, 2);           /* 2066, 2069 */
	expect_safe("\xE2\x80\x8E\xE2\x80\x8F", FFFD FFFD, 2);           /* LRM, RLM */
	expect_safe("\xD8\x9C", FFFD, 1);                                /* U+061C */
	/* Line and paragraph separators are replaced as well. */
	expect_safe("a\xE2\x80\xA8" "b", "a" FFFD "b", 3);
}

static void test_text_invalid_utf8(void **state)
{
	(void)state;
	expect_safe("\xFF", FFFD, 1);
	expect_safe("a\x80" "b", "a" FFFD "b", 3);                      /* lone cont. */
	expect_safe("\xC0\xAF", FFFD FFFD, 2);                           /* overlong / */
	expect_safe("\xE0\x80\xAF", FFFD FFFD FFFD, 3);                  /* overlong */
	expect_safe("\xED\xA0\x80", FFFD FFFD FFFD, 3);                  /* surrogate */
	expect_safe("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4);         /* > 10FFFF */
	expect_safe("\xF5\x80", FFFD FFFD, 2);
	expect_safe("\xE6\x97", FFFD FFFD, 2);                           /* cut short */
	expect_safe("\xE6\x97" "a", FFFD FFFD "a", 3);
	/* Largest valid code point is kept (unassigned: one column). */
	expect_safe("\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", 1);
}

/* ---- widths ------------------------------------------------------------------- */

static void test_text_widths(void **state)
{
	(void)state;
	assert_int_equal(WIDTH(""), 0);
	assert_int_equal(WIDTH("hello"), 5);
	assert_int_equal(WIDTH("\xE6\x97\xA5\xE6\x9C\xAC"), 4);      /* 日本 */
	assert_int_equal(WIDTH("e\xCC\x81"), 1);                     /* é */
	assert_int_equal(WIDTH("\xC3\xA9"), 1);                      /* é NFC */
	/* Nguyễn, precomposed and decomposed: 6 either way. */
	assert_int_equal(WIDTH("Nguy\xE1\xBB\x85n"), 6);
	assert_int_equal(WIDTH("Nguye\xCC\x82\xCC\x83n"), 6);
	/* محمد: four letters, one column each. */
	assert_int_equal(WIDTH("\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF"), 4);
	assert_int_equal(WIDTH("\xF0\x9F\x98\x80"), 2);              /* 😀 */
	assert_int_equal(WIDTH("a\xE2\x80\x8B" "b"), 2);             /* ZWSP */
	assert_int_equal(WIDTH("\x1b[0m"), 4);
	assert_int_equal(WIDTH("\xFF\xFE"), 2);
	assert_int_equal(text_width(NULL, 0), 0);
}

static void test_text_combining_after_placeholder(void **state)
{
	(void)state;
	/* A mark at the start or after a placeholder is kept at width 0. */
	expect_safe("\xCC\x81", "\xCC\x81", 0);
	expect_safe("\x1b\xCC\x81", "\xE2\x90\x9B\xCC\x81", 1);
	expect_safe("\xFF\xCC\x81", FFFD "\xCC\x81", 1);
}

/* ---- truncation ----------------------------------------------------------------- */

static void test_text_fit_exact_budget(void **state)
{
	(void)state;
	expect_fit("abcd", 4, "abcd", 4, false);
	expect_fit("abcde", 4, "abc" ELL, 4, true);
	expect_fit("abcdef", 4, "abc" ELL, 4, true);
	expect_fit("", 4, "", 0, false);
	expect_fit("abc", 100, "abc", 3, false);
}

static void test_text_fit_wide_boundary(void **state)
{
	(void)state;
	/* 日本語 = 6 columns. */
	expect_fit("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 6,
		   "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 6, false);
	expect_fit("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 5,
		   "\xE6\x97\xA5\xE6\x9C\xAC" ELL, 5, true);
	/* 本 would straddle the limit: left out, one column stays empty. */
	expect_fit("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 4,
		   "\xE6\x97\xA5" ELL, 3, true);
	expect_fit("\xE6\x97\xA5\xE6\x9C\xAC", 2, ELL, 1, true);
	expect_fit("a\xE6\x97\xA5", 2, "a" ELL, 2, true);
	expect_fit("\xE6\x97\xA5", 1, ELL, 1, true);
}

static void test_text_fit_keeps_combining_marks(void **state)
{
	(void)state;
	/* "aéb" with é decomposed: 3 columns. */
	expect_fit("ae\xCC\x81" "b", 3, "ae\xCC\x81" "b", 3, false);
	expect_fit("ae\xCC\x81" "bc", 3, "ae\xCC\x81" ELL, 3, true);
	/* é cannot come without its mark, nor the e alone. */
	expect_fit("ae\xCC\x81" "b", 2, "a" ELL, 2, true);
	/* Nguyễn (decomposed) cut to 5: "Nguy" + … and no stray e. */
	expect_fit("Nguye\xCC\x82\xCC\x83n", 5, "Nguy" ELL, 5, true);
	expect_fit("Nguye\xCC\x82\xCC\x83n", 6, "Nguye\xCC\x82\xCC\x83n", 6, false);
	/* A letter with many marks stays whole. */
	expect_fit("xa\xCC\x81\xCC\x82\xCC\x83\xCC\x84" "b", 3,
		   "xa\xCC\x81\xCC\x82\xCC\x83\xCC\x84" "b", 3, false);
	expect_fit("xa\xCC\x81\xCC\x82\xCC\x83\xCC\x84" "bc", 3,
		   "xa\xCC\x81\xCC\x82\xCC\x83\xCC\x84" ELL, 3, true);
}

/* The byte budget, too, never separates a letter from its mark: "e" would
 * fit in the bytes left, "e" + U+0301 does not. */
static void test_text_fit_small_buffer_keeps_marks(void **state)
{
	(void)state;
	char out[6];
	bool cut = false;

	assert_int_equal(text_fit("ae\xCC\x81" "bc", 6, -1, out, sizeof(out), &cut), 2);
	assert_string_equal(out, "a" ELL);
	assert_true(cut);
}

/* A ZWJ emoji sequence is one cluster: it goes whole or not at all. */
static void test_text_fit_keeps_emoji_sequence(void **state)
{
	(void)state;
	/* U+1F468 ZWJ U+1F469, measured as 2 + 0 + 2. */
	expect_fit("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9" "x", 3,
		   ELL, 1, true);
	expect_fit("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9" "x", 5,
		   "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9" "x", 5, false);
}

static void test_text_fit_placeholders_cut(void **state)
{
	(void)state;
	/* Placeholders take one column each and are cut like any text. */
	expect_fit("\x1b[31mred", 4, "\xE2\x90\x9B[3" ELL, 4, true);
	expect_fit("\xFF\xFF\xFF", 2, FFFD ELL, 2, true);
	/* Arabic name, cut. */
	expect_fit("\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF", 3,
		   "\xD9\x85\xD8\xAD" ELL, 3, true);
}

static void test_text_fit_zero_and_one_column(void **state)
{
	(void)state;
	expect_fit("abc", 0, "", 0, true);
	expect_fit("", 0, "", 0, false);
	expect_fit("\xCC\x81", 0, "\xCC\x81", 0, false);    /* takes no column */
	expect_fit("a", 1, "a", 1, false);
	expect_fit("ab", 1, ELL, 1, true);
	expect_fit("\x1b", 1, "\xE2\x90\x9B", 1, false);
	expect_fit("e\xCC\x81", 1, "e\xCC\x81", 1, false);
}

static void test_text_fit_small_buffer(void **state)
{
	(void)state;
	char out[8];
	bool cut = false;

	/* "abcdef" needs 7 bytes: an 7-byte buffer is enough. */
	assert_int_equal(text_fit("abcdef", 6, -1, out, 7, &cut), 6);
	assert_string_equal(out, "abcdef");
	assert_false(cut);
	/* 6 bytes: 2 letters + … (3) + NUL. */
	assert_int_equal(text_fit("abcdef", 6, -1, out, 6, &cut), 3);
	assert_string_equal(out, "ab" ELL);
	assert_true(cut);
	/* The column limit and the byte limit together: the tighter wins. */
	assert_int_equal(text_fit("abcdef", 6, 2, out, 6, &cut), 2);
	assert_string_equal(out, "a" ELL);
	/* 日本 needs 7 bytes; with 6, 日 (3 bytes) and … do not both fit. */
	assert_int_equal(text_fit("\xE6\x97\xA5\xE6\x9C\xAC", 6, -1, out, 7, &cut), 4);
	assert_false(cut);
	assert_int_equal(text_fit("\xE6\x97\xA5\xE6\x9C\xAC", 6, -1, out, 6, &cut), 1);
	assert_string_equal(out, ELL);
	assert_true(cut);
	/* A placeholder grows the text: ESC x 2 is 6 bytes shown. */
	assert_int_equal(text_fit("\x1b\x1b", 2, 10, out, 7, &cut), 2);
	assert_false(cut);
	assert_int_equal(text_fit("\x1b\x1b", 2, 10, out, 6, &cut), 1);
	assert_string_equal(out, ELL);
	assert_true(cut);
}

static void test_text_fit_tiny_buffer(void **state)
{
	(void)state;
	char out[4] = "XYZ";
	bool cut = false;

	/* No room for "…": nothing at all, still terminated. */
	assert_int_equal(text_fit("abc", 3, -1, out, 3, &cut), 0);
	assert_string_equal(out, "");
	assert_true(cut);
	/* But a short enough text still fits. */
	assert_int_equal(text_fit("ab", 2, -1, out, 3, &cut), 2);
	assert_string_equal(out, "ab");
	assert_false(cut);
	/* outsz 1: only the NUL. */
	memcpy(out, "XYZ", 4);
	assert_int_equal(text_fit("a", 1, -1, out, 1, &cut), 0);
	assert_int_equal(out[0], '\0');
	assert_true(cut);
	/* outsz 0: nothing written. */
	memcpy(out, "XYZ", 4);
	assert_int_equal(text_fit("a", 1, -1, out, 0, &cut), 0);
	assert_string_equal(out, "XYZ");
	assert_true(cut);
	assert_int_equal(text_fit("", 0, -1, out, 0, &cut), 0);
	assert_false(cut);
	/* The flag is optional. */
	assert_int_equal(text_fit("abc", 3, 2, out, 4, NULL), 1);
	assert_string_equal(out, ELL);
}

static void test_text_safe_size_is_enough(void **state)
{
	(void)state;
	/* Worst cases for growth, fitted into exactly TEXT_SAFE_SIZE. */
	static const char *inputs[] = {
		"\x1b\x1b\x1b\x1b", "\xFF\xFE\x80\xC0", "\x7f\x7f",
		"\xC2\x9B\xC2\x9B", "\xD8\x9C", "\t\t", "\x01\x02\x03",
	};
	char out[64];
	bool cut;

	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		size_t len = strlen(inputs[i]);
		text_fit(inputs[i], len, -1, out, TEXT_SAFE_SIZE(len), &cut);
		assert_false(cut);
		assert_true(strlen(out) < TEXT_SAFE_SIZE(len));
	}
}

/* For a mix of hostile and international text and every budget, the result
 * never exceeds the budget, is clean, and is cut exactly when needed. */
static void test_text_fit_every_budget(void **state)
{
	(void)state;
	static const char *inputs[] = {
		"plain ascii",
		"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E" "abc\xE6\x97\xA5",
		"Nguye\xCC\x82\xCC\x83n V\xC4\x83n A",
		"\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF \xE2\x80\xAE" "evil",
		"\x1b]0;title\x07\x1b[2J",
		"\xFF\xC0\xAF\xED\xA0\x80x\xF0\x9F\x98\x80y",
		"\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 flag",
	};
	char out[256];

	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		size_t len = strlen(inputs[i]);
		int full = text_width(inputs[i], len);
		for (int cols = 0; cols <= full + 2; cols++) {
			bool cut;
			int w = text_fit(inputs[i], len, cols, out, sizeof(out), &cut);
			assert_true(w <= cols);
			assert_int_equal(cut, full > cols);
			assert_int_equal(w, text_width(out, strlen(out)));
			assert_true(text_is_clean(out, strlen(out)));
			if (cut && cols > 0)
				assert_true(w >= cols - 2);     /* at most one wide gap */
		}
	}
}

/* ---- text_is_clean ----------------------------------------------------------------- */

/* ---- ASCII, for a terminal outside a UTF-8 locale ------------------------------- */

#define expect_ascii(lit, cols, want, want_cut) \
	check_ascii((lit), sizeof(lit) - 1, (cols), (want), (want_cut))

/* The ASCII form takes a byte per column, and as many columns as the
 * UTF-8 form: the layout is the same in both. */
static void check_ascii(const char *s, size_t len, int cols, const char *want,
			bool want_cut)
{
	char out[256], utf8[256];
	bool cut = !want_cut;
	int got = text_fit_cs(s, len, cols, out, sizeof(out), &cut,
			      TEXT_ASCII);
	assert_string_equal(out, want);
	assert_int_equal(cut, want_cut);
	assert_int_equal(got, (int)strlen(out));
	for (const char *p = out; *p; p++)
		assert_true(*p >= 0x20 && *p < 0x7F);
	assert_int_equal(got, text_fit(s, len, cols, utf8, sizeof(utf8), NULL));
}

static void test_text_ascii(void **state)
{
	(void)state;
	expect_ascii("plain text", -1, "plain text", false);
	/* accented letters keep their letter, precomposed or not */
	expect_ascii("Jos\xC3\xA9 \xC3\x91u\xC3\xB1" "ez", -1, "Jose Nunez",
		     false);
	expect_ascii("Nguy\xE1\xBB\x85n Nguye\xCC\x82\xCC\x83n", -1,
		     "Nguyen Nguyen", false);
	/* combining marks never take a cell of their own: stacked on a
	 * letter they are that letter; alone, nothing */
	expect_ascii("A\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81" "b", -1, "Ab",
		     false);
	expect_ascii("\xCC\x81" "x", -1, "x", false);
	/* wide characters: a '?' per column */
	expect_ascii("\xE5\xBC\xA0\xE4\xBC\x9F (Zhang)", -1, "???? (Zhang)",
		     false);
	expect_ascii("\xF0\x9F\x98\x80.", -1, "??.", false);
	/* placeholders (controls, bidi, bad bytes) are '?' */
	expect_ascii("a\x1b[2Jb", -1, "a?[2Jb", false);
	expect_ascii("x\xE2\x80\xAEy\xFFz\tw", -1, "x?y?z w", false);
	/* a cut ends with '~', never splitting a wide character */
	expect_ascii("abcdef", 4, "abc~", true);
	expect_ascii("ab\xE5\xBC\xA0\xE4\xBC\x9F", 4, "ab~", true);
	expect_ascii("abcdef", 1, "~", true);
	expect_ascii("abcdef", 0, "", true);
}

static void test_text_is_clean(void **state)
{
	(void)state;
	assert_true(text_is_clean("", 0));
	assert_true(text_is_clean("hello, world", 12));
	assert_true(text_is_clean("\xE6\x97\xA5\xE6\x9C\xAC", 6));
	assert_true(text_is_clean("e\xCC\x81", 3));
	assert_true(text_is_clean("\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF", 8));
	assert_true(text_is_clean("\xF0\x9F\x98\x80", 4));
	/* len bounds the text: a bad byte after it is not looked at. */
	assert_true(text_is_clean("ab\x1b", 2));

	assert_false(text_is_clean("a\tb", 3));
	assert_false(text_is_clean("a\nb", 3));
	assert_false(text_is_clean("\x1b[0m", 4));
	assert_false(text_is_clean("a\0b", 3));
	assert_false(text_is_clean("\x7f", 1));
	assert_false(text_is_clean("\xC2\x9B", 2));
	assert_false(text_is_clean("\xE2\x80\xAE", 3));
	assert_false(text_is_clean("\xD8\x9C", 2));
	assert_false(text_is_clean("\xFF", 1));
	assert_false(text_is_clean("\x80", 1));
	assert_false(text_is_clean("\xC0\xAF", 2));
	assert_false(text_is_clean("\xED\xA0\x80", 3));
	assert_false(text_is_clean("\xE6\x97", 2));     /* cut by len */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_c0_controls),
		cmocka_unit_test(test_text_del_and_c1),
		cmocka_unit_test(test_text_bidi_controls),
		cmocka_unit_test(test_text_invalid_utf8),
		cmocka_unit_test(test_text_widths),
		cmocka_unit_test(test_text_combining_after_placeholder),
		cmocka_unit_test(test_text_fit_exact_budget),
		cmocka_unit_test(test_text_fit_wide_boundary),
		cmocka_unit_test(test_text_fit_keeps_combining_marks),
		cmocka_unit_test(test_text_fit_small_buffer_keeps_marks),
		cmocka_unit_test(test_text_fit_keeps_emoji_sequence),
		cmocka_unit_test(test_text_fit_placeholders_cut),
		cmocka_unit_test(test_text_fit_zero_and_one_column),
		cmocka_unit_test(test_text_fit_small_buffer),
		cmocka_unit_test(test_text_fit_tiny_buffer),
		cmocka_unit_test(test_text_safe_size_is_enough),
		cmocka_unit_test(test_text_fit_every_budget),
		cmocka_unit_test(test_text_ascii),
		cmocka_unit_test(test_text_is_clean),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
