/* test_expr.c - the rules' expression language (src/expr.h): parse errors
 * and their offsets, precedence, functions, Kleene logic, intervals, dates,
 * the missing-facts report, borderline, and hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "expr.h"

enum {
	F_UP_DAYS, F_LPR, F_DEPARTURE, F_ENTRY, F_STATUS, F_EXTRA, F_A, F_B,
	F_N, N_FACTS
};

static const struct expr_fact fact_table[N_FACTS] = {
	[F_UP_DAYS] = {"up_days", VAL_INT},
	[F_LPR] = {"lpr", VAL_BOOL},
	[F_DEPARTURE] = {"departure_date", VAL_DATE},
	[F_ENTRY] = {"entry_date", VAL_DATE},
	[F_STATUS] = {"status", VAL_STR},
	[F_EXTRA] = {"extra", VAL_UNKNOWN},
	[F_A] = {"a", VAL_BOOL},
	[F_B] = {"b", VAL_BOOL},
	[F_N] = {"n", VAL_INT},
};

static const struct expr_env env = {fact_table, N_FACTS};

/* Per-test state: an arena for compiled trees and the fact values, all
 * unknown until a test sets them. */
struct fx {
	struct arena arena;
	struct value v[N_FACTS];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	arena_init(&f->arena, 0);
	for (int i = 0; i < N_FACTS; i++)
		f->v[i] = value_unknown();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	arena_free(&f->arena);
	free(f);
	return 0;
}

static int64_t day(int y, int m, int d)
{
	return date_days(date_ymd(y, m, d));
}

static struct expr *compile(struct fx *f, const char *src)
{
	struct expr_error err;
	struct expr *e = expr_compile(src, strlen(src), &env, &f->arena, &err);
	if (!e)
		fail_msg("compiling \"%s\": offset %u: %s", src,
			 (unsigned)err.offset, err.msg);
	return e;
}

/* Evaluates src against f->v; m (if any) starts empty. */
static struct value ev(struct fx *f, const char *src, struct expr_missing *m)
{
	struct expr *e = compile(f, src);
	if (m)
		memset(m, 0, sizeof(*m));
	return expr_eval(e, f->v, m);
}

static int truth(struct fx *f, const char *src)
{
	struct value v = ev(f, src, NULL);
	if (v.type != VAL_BOOL && v.type != VAL_UNKNOWN)
		fail_msg("\"%s\" gave type %d, not a truth value", src, v.type);
	return value_truth(v);
}

static void assert_error_len(const char *src, size_t len, uint32_t offset,
			     const char *msg)
{
	struct arena a;
	struct expr_error err;
	arena_init(&a, 0);
	struct expr *e = expr_compile(src, len, &env, &a, &err);
	arena_free(&a);         /* before a failure jumps out */
	if (e)
		fail_msg("\"%.60s\" compiled; expected \"%s\"", src, msg);
	if (strcmp(err.msg, msg) != 0 || err.offset != offset)
		fail_msg("\"%.60s\": got %u \"%s\", expected %u \"%s\"", src,
			 (unsigned)err.offset, err.msg, (unsigned)offset, msg);
}

static void assert_error(const char *src, uint32_t offset, const char *msg)
{
	assert_error_len(src, strlen(src), offset, msg);
}

static void assert_interval(struct value v, int type, int64_t lo, int64_t hi)
{
	assert_int_equal(v.type, type);
	assert_int_equal(v.lo, lo);
	assert_int_equal(v.hi, hi);
}

/* ---- compile errors ------------------------------------------------------ */

static void test_error_names_and_arity(void **state)
{
	(void)state;
	assert_error("up_dayz > 3", 0, "unknown fact 'up_dayz'");
	assert_error("lpr or 1 + foo(2) > 1", 11, "unknown function 'foo'");
	assert_error("up_days(1)", 0, "unknown function 'up_days'");
	assert_error("add_years(departure_date) > entry_date", 0,
		     "add_years takes 2 arguments");
	assert_error("add_years(departure_date, 1, 2) > entry_date", 0,
		     "add_years takes 2 arguments");
	assert_error("known()", 0, "known takes 1 argument");
	assert_error("known(lpr, a)", 0, "known takes 1 argument");
	assert_error("lpr and if(a, b)", 8, "if takes 3 arguments");
	assert_error("min(1, 2 > 0", 12, "expected ')' after arguments");
	assert_error("min(1, 2 > 0 or", 15, "unexpected end of expression");
	assert_error("min(1 2) > 0", 6, "expected ')' after arguments");
	assert_error("(1 + 2 > 0", 10, "expected ')'");
	/* keywords are not facts */
	assert_error("and", 0, "unexpected 'and'");
	assert_error("lpr and or", 8, "unexpected 'or'");
}

static void test_error_syntax(void **state)
{
	(void)state;
	assert_error("up_days >", 9, "unexpected end of expression");
	assert_error("lpr and", 7, "unexpected end of expression");
	assert_error("not", 3, "unexpected end of expression");
	assert_error("lpr )", 4, "unexpected ')'");
	assert_error("up_days 3", 8, "unexpected number 3");
	assert_error(",", 0, "unexpected ','");
	assert_error("1 < 2 < 3", 6, "comparisons cannot be chained; use 'and'");
	assert_error("up_days = 3", 8, "unexpected '='; use == to compare");
	assert_error("lpr && a", 4, "unexpected '&'; use 'and'");
	assert_error("lpr || a", 4, "unexpected '|'; use 'or'");
	assert_error("!lpr", 0, "unexpected '!'; use 'not' or !=");
	assert_error("Lpr", 0, "unexpected character 'L'; names are lower case");
	assert_error("lpr @", 4, "unexpected character '@'");
	assert_error("lpr \x01", 4, "unexpected byte 0x01");
	assert_error("1 + not lpr", 4,
		     "unexpected 'not'; put parentheses around it");
	assert_error("365days > 1", 0, "invalid number '365days'");
	assert_error("", 0, "empty expression");
	assert_error("  # nothing but a comment", 25, "empty expression");
}

static void test_error_literals(void **state)
{
	(void)state;
	assert_error("up_days > 99999999999999999999", 10, "number too large");
	assert_error("9223372036854775808 > 0", 0, "number too large");
	assert_error("departure_date > 2011-02-30", 17,
		     "invalid date literal 2011-02-30");
	assert_error("departure_date > 2011-13-01", 17,
		     "invalid date literal 2011-13-01");
	assert_error("2011-2-3 < entry_date", 0, "invalid date literal 2011-2-3");
	assert_error("2011-02-281 < entry_date", 0,
		     "invalid date literal 2011-02-281");
	assert_error("0999-01-01 < entry_date", 0,
		     "invalid date literal 0999-01-01");
	assert_error("'abc", 0, "unterminated string");
	assert_error("status == \"active", 10, "unterminated string");
	assert_error("status == 'a\"", 10, "unterminated string");
}

static void test_error_types(void **state)
{
	(void)state;
	assert_error("departure_date < 5", 15,
		     "cannot compare a date with a number");
	assert_error("status == 1", 7, "cannot compare a string with a number");
	assert_error("lpr == 1", 4, "cannot compare true/false with a number");
	assert_error("status < 'a'", 7,
		     "strings can only be compared with == and !=");
	assert_error("lpr < true", 4,
		     "true/false values can only be compared with == and !=");
	assert_error("departure_date + entry_date > 0", 15,
		     "cannot add a date and a date");
	assert_error("5 - departure_date > 0", 2,
		     "cannot subtract a date from a number");
	assert_error("status * 2 > 0", 7, "cannot multiply a string by a number");
	assert_error("up_days / lpr > 0", 8,
		     "cannot divide a number by true/false");
	assert_error("-departure_date > 0", 0, "cannot negate a date");
	assert_error("extra * entry_date > 0", 6,
		     "cannot multiply a value of varying type by a date");
	assert_error("year(up_days) > 0", 5,
		     "year: argument 1 must be a date, not a number");
	assert_error("add_days(departure_date, entry_date) > 0", 25,
		     "add_days: argument 2 must be a number, not a date");
	assert_error("days(entry_date, 3) > 0", 17,
		     "days: argument 2 must be a date, not a number");
	assert_error("min(up_days, entry_date) > 0", 0,
		     "min needs two numbers or two dates, not a number and a date");
	assert_error("between(up_days, 1, entry_date)", 0,
		     "between needs three numbers or three dates");
	assert_error("if(lpr, 1, entry_date) > 0", 0,
		     "if: both branches must have the same type, not a number "
		     "and a date");
}

static void test_error_conditions(void **state)
{
	(void)state;
	assert_error("up_days + 1 and lpr", 0, "condition must be true/false");
	assert_error("lpr and (up_days)", 8, "condition must be true/false");
	assert_error("lpr or status", 7, "condition must be true/false");
	assert_error("not 3", 4, "condition must be true/false");
	assert_error("if(up_days, 1, 2) > 0", 3, "condition must be true/false");
	/* A fact of varying type or the literal unknown may be a condition. */
	struct arena a;
	arena_init(&a, 0);
	assert_non_null(expr_compile("extra and unknown", 17, &env, &a, NULL));
	assert_non_null(expr_compile("unknown * entry_date > 1", 24, &env, &a,
				     NULL));
	arena_free(&a);
}

/* ---- precedence and types ------------------------------------------------ */

static void test_precedence(void **state)
{
	struct fx *f = *state;
	assert_int_equal(truth(f, "1 + 2 * 3 == 7"), 1);
	assert_int_equal(truth(f, "(1 + 2) * 3 == 9"), 1);
	assert_int_equal(truth(f, "10 - 2 - 3 == 5"), 1);
	assert_int_equal(truth(f, "100 / 10 / 5 == 2"), 1);
	assert_int_equal(truth(f, "-2 * 3 == 0 - 6"), 1);
	assert_int_equal(truth(f, "- -2 == 2"), 1);
	assert_int_equal(truth(f, "2 - -2 == 4"), 1);
	assert_int_equal(truth(f, "7 / 2 == 3"), 1);
	assert_int_equal(truth(f, "-7 / 2 == -3"), 1);      /* truncating */
	assert_int_equal(truth(f, "not false and false"), 0);
	assert_int_equal(truth(f, "true or false and false"), 1);
	assert_int_equal(truth(f, "(true or false) and false"), 0);
	assert_int_equal(truth(f, "not 1 < 2"), 0);
	assert_int_equal(truth(f, "not not true"), 1);
	assert_int_equal(truth(f, "1 + 1 < 3 and 2 > 1"), 1);
	assert_int_equal(truth(f, "(1 < 2) == true"), 1);
	assert_int_equal(truth(f, "true == (2 < 1)"), 0);
}

static void test_static_types(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *src;
		int type;
	} t[] = {
		{"1 + 2", VAL_INT}, {"departure_date + 1", VAL_DATE},
		{"1 + departure_date", VAL_DATE},
		{"departure_date - 1", VAL_DATE},
		{"departure_date - entry_date", VAL_INT},
		{"lpr", VAL_BOOL}, {"status", VAL_STR}, {"'x'", VAL_STR},
		{"extra", VAL_UNKNOWN}, {"unknown", VAL_UNKNOWN},
		{"extra + 1", VAL_UNKNOWN}, {"extra - entry_date", VAL_INT},
		{"if(lpr, 1, unknown)", VAL_INT},
		{"if(lpr, extra, 1)", VAL_UNKNOWN},
		{"up_days < 3", VAL_BOOL}, {"known(up_days)", VAL_BOOL},
		{"year(entry_date)", VAL_INT},
		{"min(entry_date, departure_date)", VAL_DATE},
		{"max(1, up_days)", VAL_INT},
		{"add_years(entry_date, 10)", VAL_DATE},
		{"days(entry_date, departure_date)", VAL_INT},
		{"between(1, 2, 3)", VAL_BOOL}, {"-up_days", VAL_INT},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		uint8_t got = expr_type(compile(f, t[i].src));
		if (got != t[i].type)
			fail_msg("expr_type(\"%s\") = %d, expected %d",
				 t[i].src, got, t[i].type);
	}
}

/* ---- literals and functions ---------------------------------------------- */

static void test_literals(void **state)
{
	struct fx *f = *state;
	assert_interval(ev(f, "1970-01-01", NULL), VAL_DATE, 0, 0);
	assert_interval(ev(f, "2011-02-28", NULL), VAL_DATE, 15033, 15033);
	assert_interval(ev(f, "1969-12-31", NULL), VAL_DATE, -1, -1);
	assert_interval(ev(f, "9223372036854775807", NULL), VAL_INT, INT64_MAX,
			INT64_MAX);
	assert_interval(ev(f, "true", NULL), VAL_BOOL, 1, 1);
	assert_interval(ev(f, "false", NULL), VAL_BOOL, 0, 0);
	assert_int_equal(ev(f, "unknown", NULL).type, VAL_UNKNOWN);
	assert_string_equal(ev(f, "\"it's\"", NULL).s, "it's");
	assert_string_equal(ev(f, "'say \"hi\"'", NULL).s, "say \"hi\"");
	assert_int_equal(truth(f, "'' == \"\""), 1);
	assert_int_equal(truth(f, "'a' != 'b'"), 1);
	assert_int_equal(truth(f, "true == false"), 0);
	assert_int_equal(truth(f, "true != false"), 1);
	/* comments and line breaks */
	assert_int_equal(truth(f, "1 < 2 # a comment\n and 2 < 3 # another"),
			 1);
	/* a date minus a number is subtraction when written with spaces */
	assert_interval(ev(f, "2011 - 1", NULL), VAL_INT, 2010, 2010);
	assert_interval(ev(f, "2011-02-28-1", NULL), VAL_DATE, 15032, 15032);
}

static void test_fn_known(void **state)
{
	struct fx *f = *state;
	struct expr_missing m;
	struct value v = ev(f, "known(up_days)", &m);
	assert_int_equal(v.type, VAL_BOOL);
	assert_int_equal(v.lo, 0);
	assert_int_equal(m.n, 0);
	assert_int_equal(truth(f, "known(unknown)"), 0);
	assert_int_equal(truth(f, "known(1 / 0)"), 0);
	assert_int_equal(truth(f, "known(up_days + 1) or known(lpr)"), 0);
	f->v[F_UP_DAYS] = value_int(3);
	f->v[F_UP_DAYS].borderline = true;
	v = ev(f, "known(up_days)", &m);
	assert_int_equal(value_truth(v), 1);
	assert_false(v.borderline);
	assert_int_equal(m.n, 0);
	/* known() of a range is true: a range is known, only imprecise */
	f->v[F_UP_DAYS] = value_int_range(1, 5);
	assert_int_equal(truth(f, "known(up_days)"), 1);
}

static void test_fn_add_years(void **state)
{
	struct fx *f = *state;
	/* date.bar_end: Feb 29 into a common year is Mar 1 */
	assert_int_equal(truth(f, "add_years(2012-02-29, 1) == 2013-03-01"), 1);
	assert_int_equal(truth(f, "add_years(2012-02-29, 10) == 2022-03-01"),
			 1);
	assert_int_equal(truth(f, "add_years(2012-02-29, 4) == 2016-02-29"), 1);
	assert_int_equal(truth(f, "add_years(2012-02-29, -1) == 2011-03-01"),
			 1);
	assert_int_equal(truth(f, "add_years(2011-06-15, 10) == 2021-06-15"),
			 1);
	assert_int_equal(truth(f, "add_years(2011-02-28, 1) == 2012-02-28"), 1);
	/* a range maps end to end */
	f->v[F_DEPARTURE] = value_date_range(day(2012, 2, 1), day(2012, 2, 29));
	assert_interval(ev(f, "add_years(departure_date, 1)", NULL), VAL_DATE,
			day(2013, 2, 1), day(2013, 3, 1));
	f->v[F_N] = value_int_range(3, 10);
	assert_interval(ev(f, "add_years(departure_date, n)", NULL), VAL_DATE,
			day(2015, 2, 1), day(2022, 3, 1));
	/* outside years 1000..9999 there is no answer, and no crash */
	assert_int_equal(ev(f, "add_years(2011-01-01, 9000)", NULL).type,
			 VAL_UNKNOWN);
	assert_int_equal(ev(f, "add_years(2011-01-01, -1012)", NULL).type,
			 VAL_UNKNOWN);
	assert_int_equal(ev(f, "add_years(2011-01-01 + 9000000000, 1)",
			    NULL).type, VAL_UNKNOWN);
	assert_int_equal(ev(f, "add_years(2011-01-01, up_days)", NULL).type,
			 VAL_UNKNOWN);
}

static void test_fn_dates(void **state)
{
	struct fx *f = *state;
	assert_int_equal(truth(f, "add_days(2011-12-31, 1) == 2012-01-01"), 1);
	assert_int_equal(truth(f, "add_days(2012-03-01, -1) == 2012-02-29"), 1);
	assert_int_equal(truth(f, "2011-12-31 + 1 == 2012-01-01"), 1);
	assert_int_equal(truth(f, "1 + 2011-12-31 == 2012-01-01"), 1);
	assert_int_equal(truth(f, "2012-01-01 - 1 == 2011-12-31"), 1);
	assert_interval(ev(f, "days(2011-01-01, 2012-01-01)", NULL), VAL_INT,
			365, 365);
	assert_interval(ev(f, "days(2012-01-01, 2013-01-01)", NULL), VAL_INT,
			366, 366);
	assert_interval(ev(f, "days(2013-01-01, 2012-01-01)", NULL), VAL_INT,
			-366, -366);
	assert_interval(ev(f, "2013-01-01 - 2012-01-01", NULL), VAL_INT, 366,
			366);
	assert_interval(ev(f, "year(2011-12-31)", NULL), VAL_INT, 2011, 2011);
	assert_interval(ev(f, "year(2012-01-01)", NULL), VAL_INT, 2012, 2012);
	assert_interval(ev(f, "year(1969-12-31)", NULL), VAL_INT, 1969, 1969);
	/* "entered in 1999" */
	f->v[F_ENTRY] = value_date_range(day(1999, 1, 1), day(1999, 12, 31));
	assert_interval(ev(f, "year(entry_date)", NULL), VAL_INT, 1999, 1999);
	assert_interval(ev(f, "days(entry_date, 2000-01-01)", NULL), VAL_INT,
			1, 365);
	f->v[F_ENTRY] = value_date_range(day(1999, 12, 1), day(2000, 1, 31));
	assert_interval(ev(f, "year(entry_date)", NULL), VAL_INT, 1999, 2000);
	assert_int_equal(truth(f, "year(entry_date) == 1999"), -1);
	assert_int_equal(ev(f, "year(2011-01-01 - 9000000)", NULL).type,
			 VAL_UNKNOWN);
	assert_int_equal(ev(f, "year(unknown)", NULL).type, VAL_UNKNOWN);
}

static void test_fn_min_max(void **state)
{
	struct fx *f = *state;
	assert_interval(ev(f, "min(3, 5)", NULL), VAL_INT, 3, 3);
	assert_interval(ev(f, "max(3, 5)", NULL), VAL_INT, 5, 5);
	assert_interval(ev(f, "min(-3, 5)", NULL), VAL_INT, -3, -3);
	assert_interval(ev(f, "max(2011-01-01, 1997-04-01)", NULL), VAL_DATE,
			day(2011, 1, 1), day(2011, 1, 1));
	assert_interval(ev(f, "min(2011-01-01, 1997-04-01)", NULL), VAL_DATE,
			day(1997, 4, 1), day(1997, 4, 1));
	f->v[F_UP_DAYS] = value_int_range(100, 400);
	assert_interval(ev(f, "min(up_days, 365)", NULL), VAL_INT, 100, 365);
	assert_interval(ev(f, "max(up_days, 365)", NULL), VAL_INT, 365, 400);
	f->v[F_N] = value_int_range(0, 200);
	assert_interval(ev(f, "max(up_days, n)", NULL), VAL_INT, 100, 400);
	assert_int_equal(ev(f, "min(1, unknown)", NULL).type, VAL_UNKNOWN);
	/* date.up_start_ewi: the latest of entry, 1997-04-01 */
	f->v[F_ENTRY] = value_date(day(1995, 5, 5));
	assert_interval(ev(f, "max(entry_date, 1997-04-01)", NULL), VAL_DATE,
			day(1997, 4, 1), day(1997, 4, 1));
}

static void test_fn_if(void **state)
{
	struct fx *f = *state;
	struct expr_missing m;
	f->v[F_A] = value_bool(true);
	assert_interval(ev(f, "if(a, 1, 2)", NULL), VAL_INT, 1, 1);
	f->v[F_A] = value_bool(false);
	assert_interval(ev(f, "if(a, 1, 2)", NULL), VAL_INT, 2, 2);
	/* the branch not taken is not evaluated for the report */
	struct value v = ev(f, "if(a, up_days, 2)", &m);
	assert_interval(v, VAL_INT, 2, 2);
	assert_int_equal(m.n, 0);
	f->v[F_A] = value_bool(true);
	v = ev(f, "if(a, up_days, 2)", &m);
	assert_int_equal(v.type, VAL_UNKNOWN);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.idx[0], F_UP_DAYS);
	/* unknown condition: equal branches decide; else unknown */
	f->v[F_A] = value_unknown();
	v = ev(f, "if(a, 7, 3 + 4)", &m);
	assert_interval(v, VAL_INT, 7, 7);
	assert_int_equal(m.n, 0);
	assert_string_equal(ev(f, "if(a, 'x', 'x')", NULL).s, "x");
	v = ev(f, "if(a, 1, 2)", &m);
	assert_int_equal(v.type, VAL_UNKNOWN);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.idx[0], F_A);
	v = ev(f, "if(a, 1, up_days)", &m);
	assert_int_equal(v.type, VAL_UNKNOWN);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.idx[0], F_A);
	assert_int_equal(m.idx[1], F_UP_DAYS);
	assert_int_equal(ev(f, "if(a, unknown, unknown)", NULL).type,
			 VAL_UNKNOWN);
}

static void test_fn_between(void **state)
{
	struct fx *f = *state;
	struct expr_missing m;
	assert_int_equal(truth(f, "between(5, 1, 10)"), 1);
	assert_int_equal(truth(f, "between(1, 1, 10)"), 1);
	assert_int_equal(truth(f, "between(10, 1, 10)"), 1);
	assert_int_equal(truth(f, "between(0, 1, 10)"), 0);
	assert_int_equal(truth(f, "between(11, 1, 10)"), 0);
	assert_int_equal(truth(f, "between(2011-06-01, 2011-01-01, "
			       "2011-12-31)"), 1);
	f->v[F_UP_DAYS] = value_int_range(5, 15);
	assert_int_equal(truth(f, "between(up_days, 1, 10)"), -1);
	assert_int_equal(truth(f, "between(up_days, 1, 20)"), 1);
	assert_int_equal(truth(f, "between(up_days, 16, 20)"), 0);
	/* one bound unknown, the other excludes: false, nothing missing */
	struct value v = ev(f, "between(up_days, n, 3)", &m);
	assert_int_equal(value_truth(v), 0);
	assert_int_equal(m.n, 0);
	v = ev(f, "between(up_days, n, 30)", &m);
	assert_int_equal(value_truth(v), -1);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.idx[0], F_N);
}

/* ---- Kleene logic -------------------------------------------------------- */

static struct value tv(int t)
{
	return t < 0 ? value_unknown() : value_bool(t);
}

static void test_kleene_tables(void **state)
{
	struct fx *f = *state;
	static const int vals[3] = {1, 0, -1};
	/* [a][b] over true, false, unknown */
	static const int and_t[3][3] = {{1, 0, -1}, {0, 0, 0}, {-1, 0, -1}};
	static const int or_t[3][3] = {{1, 1, 1}, {1, 0, -1}, {1, -1, -1}};
	struct expr *and_e = compile(f, "a and b");
	struct expr *or_e = compile(f, "a or b");
	struct expr *not_e = compile(f, "not a");

	for (int i = 0; i < 3; i++) {
		for (int j = 0; j < 3; j++) {
			f->v[F_A] = tv(vals[i]);
			f->v[F_B] = tv(vals[j]);
			int got_and = value_truth(expr_eval(and_e, f->v, NULL));
			int got_or = value_truth(expr_eval(or_e, f->v, NULL));
			if (got_and != and_t[i][j] || got_or != or_t[i][j])
				fail_msg("a=%d b=%d: and %d (want %d), or %d "
					 "(want %d)", vals[i], vals[j], got_and,
					 and_t[i][j], got_or, or_t[i][j]);
		}
		f->v[F_A] = tv(vals[i]);
		int got_not = value_truth(expr_eval(not_e, f->v, NULL));
		assert_int_equal(got_not, vals[i] < 0 ? -1 : !vals[i]);
	}
}

/* The missing report for the 9 combinations of `a and b` / `a or b`. */
static void test_kleene_missing(void **state)
{
	struct fx *f = *state;
	static const int vals[3] = {1, 0, -1};
	struct expr *e[2] = {compile(f, "a and b"), compile(f, "a or b")};
	for (int op = 0; op < 2; op++) {
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				struct expr_missing m = {{0}, 0};
				f->v[F_A] = tv(vals[i]);
				f->v[F_B] = tv(vals[j]);
				struct value v = expr_eval(e[op], f->v, &m);
				int n = 0;
				uint16_t want[2];
				if (v.type == VAL_UNKNOWN) {
					if (vals[i] < 0)
						want[n++] = F_A;
					if (vals[j] < 0)
						want[n++] = F_B;
				}
				assert_int_equal(m.n, n);
				for (int k = 0; k < n; k++)
					assert_int_equal(m.idx[k], want[k]);
			}
		}
	}
	/* the cases spelled out in the contract */
	struct expr_missing m;
	f->v[F_A] = value_bool(false);
	f->v[F_B] = value_unknown();
	assert_int_equal(value_truth(ev(f, "a and b", &m)), 0);
	assert_int_equal(m.n, 0);
	f->v[F_A] = value_bool(true);
	assert_int_equal(value_truth(ev(f, "a and b", &m)), -1);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.idx[0], F_B);
}

static void test_kleene_chains(void **state)
{
	struct fx *f = *state;
	assert_int_equal(truth(f, "true and true and true and true"), 1);
	assert_int_equal(truth(f, "true and unknown and false"), 0);
	assert_int_equal(truth(f, "true and unknown and true"), -1);
	assert_int_equal(truth(f, "false or unknown or true"), 1);
	assert_int_equal(truth(f, "false or false or unknown"), -1);
	assert_int_equal(truth(f, "false or false or false"), 0);
	/* a non-bool at run time (fact of varying type) is unknown */
	f->v[F_EXTRA] = value_int(1);
	assert_int_equal(truth(f, "extra and true"), -1);
	assert_int_equal(truth(f, "extra and false"), 0);
	assert_int_equal(truth(f, "not extra"), -1);
	assert_int_equal(truth(f, "if(extra, 1, 2) == 1"), -1);
}

/* ---- intervals ----------------------------------------------------------- */

static void test_interval_compare(void **state)
{
	struct fx *f = *state;
	f->v[F_UP_DAYS] = value_int_range(366, 400);    /* fully above */
	assert_int_equal(truth(f, "up_days >= 365"), 1);
	assert_int_equal(truth(f, "up_days > 365"), 1);
	assert_int_equal(truth(f, "up_days < 365"), 0);
	assert_int_equal(truth(f, "up_days <= 365"), 0);
	assert_int_equal(truth(f, "up_days == 365"), 0);
	assert_int_equal(truth(f, "up_days != 365"), 1);
	f->v[F_UP_DAYS] = value_int_range(100, 364);    /* fully below */
	assert_int_equal(truth(f, "up_days >= 365"), 0);
	assert_int_equal(truth(f, "up_days < 365"), 1);
	assert_int_equal(truth(f, "up_days == 365"), 0);
	f->v[F_UP_DAYS] = value_int_range(300, 400);    /* straddling */
	assert_int_equal(truth(f, "up_days >= 365"), -1);
	assert_int_equal(truth(f, "up_days > 365"), -1);
	assert_int_equal(truth(f, "up_days < 365"), -1);
	assert_int_equal(truth(f, "up_days <= 365"), -1);
	assert_int_equal(truth(f, "up_days == 365"), -1);
	assert_int_equal(truth(f, "up_days != 365"), -1);
	/* edges: ranges that touch the threshold */
	f->v[F_UP_DAYS] = value_int_range(365, 400);
	assert_int_equal(truth(f, "up_days >= 365"), 1);
	assert_int_equal(truth(f, "up_days > 365"), -1);
	f->v[F_UP_DAYS] = value_int_range(300, 365);
	assert_int_equal(truth(f, "up_days <= 365"), 1);
	assert_int_equal(truth(f, "up_days < 365"), -1);
	/* == between ranges: true only for one same point */
	f->v[F_N] = value_int_range(300, 400);
	assert_int_equal(truth(f, "up_days == n"), -1);
	assert_int_equal(truth(f, "n == n"), -1);
	f->v[F_N] = value_int(365);
	f->v[F_UP_DAYS] = value_int(365);
	assert_int_equal(truth(f, "up_days == n"), 1);
	/* date ranges: "entered in 1999" */
	f->v[F_ENTRY] = value_date_range(day(1999, 1, 1), day(1999, 12, 31));
	assert_int_equal(truth(f, "entry_date < 2000-01-01"), 1);
	assert_int_equal(truth(f, "entry_date < 1999-06-01"), -1);
	assert_int_equal(truth(f, "entry_date >= 1997-04-01"), 1);
	assert_int_equal(truth(f, "entry_date == 1999-06-01"), -1);
	assert_int_equal(truth(f, "entry_date != 2001-06-01"), 1);
}

static void test_interval_arith(void **state)
{
	struct fx *f = *state;
	f->v[F_UP_DAYS] = value_int_range(10, 20);
	f->v[F_N] = value_int_range(1, 3);
	assert_interval(ev(f, "up_days + n", NULL), VAL_INT, 11, 23);
	assert_interval(ev(f, "up_days - n", NULL), VAL_INT, 7, 19);
	assert_interval(ev(f, "n - up_days", NULL), VAL_INT, -19, -7);
	assert_interval(ev(f, "up_days * n", NULL), VAL_INT, 10, 60);
	assert_interval(ev(f, "-up_days", NULL), VAL_INT, -20, -10);
	assert_interval(ev(f, "up_days / n", NULL), VAL_INT, 3, 20);
	assert_interval(ev(f, "up_days / -n", NULL), VAL_INT, -20, -3);
	f->v[F_N] = value_int_range(-2, 3);
	assert_interval(ev(f, "up_days * n", NULL), VAL_INT, -40, 60);
	assert_interval(ev(f, "n * n", NULL), VAL_INT, -6, 9);
	/* a divisor that may be zero */
	assert_int_equal(ev(f, "up_days / n", NULL).type, VAL_UNKNOWN);
	assert_int_equal(ev(f, "1 / 0", NULL).type, VAL_UNKNOWN);
	assert_interval(ev(f, "0 / 5", NULL), VAL_INT, 0, 0);
	f->v[F_N] = value_int_range(-3, -1);
	assert_interval(ev(f, "up_days / n", NULL), VAL_INT, -20, -3);
	/* dates: a range plus a range */
	f->v[F_ENTRY] = value_date_range(day(1999, 1, 1), day(1999, 12, 31));
	f->v[F_DEPARTURE] = value_date_range(day(2001, 1, 1), day(2001, 1, 31));
	assert_interval(ev(f, "departure_date - entry_date", NULL), VAL_INT,
			day(2001, 1, 1) - day(1999, 12, 31),
			day(2001, 1, 31) - day(1999, 1, 1));
	assert_interval(ev(f, "entry_date + 1", NULL), VAL_DATE,
			day(1999, 1, 2), day(2000, 1, 1));
}

static void test_overflow(void **state)
{
	struct fx *f = *state;
	assert_int_equal(ev(f, "9223372036854775807 + 1", NULL).type,
			 VAL_UNKNOWN);
	assert_int_equal(ev(f, "-9223372036854775807 - 2", NULL).type,
			 VAL_UNKNOWN);
	assert_interval(ev(f, "-9223372036854775807 - 1", NULL), VAL_INT,
			INT64_MIN, INT64_MIN);
	assert_int_equal(ev(f, "9223372036854775807 * 2", NULL).type,
			 VAL_UNKNOWN);
	assert_int_equal(ev(f, "3037000500 * 3037000500", NULL).type,
			 VAL_UNKNOWN);
	assert_interval(ev(f, "3037000499 * 3037000499", NULL), VAL_INT,
			INT64_C(9223372030926249001), INT64_C(9223372030926249001));
	f->v[F_N] = value_int(INT64_MIN);
	assert_int_equal(ev(f, "-n", NULL).type, VAL_UNKNOWN);
	assert_int_equal(ev(f, "n / -1", NULL).type, VAL_UNKNOWN);
	assert_int_equal(ev(f, "n - 1", NULL).type, VAL_UNKNOWN);
	assert_interval(ev(f, "n / 1", NULL), VAL_INT, INT64_MIN, INT64_MIN);
	f->v[F_N] = value_int_range(INT64_MIN, INT64_MAX);
	assert_int_equal(ev(f, "n + 1", NULL).type, VAL_UNKNOWN);
	assert_int_equal(ev(f, "n * 0", NULL).type, VAL_INT);
	assert_int_equal(truth(f, "n >= 0"), -1);
	/* overflow is unknown, and unknown is not missing */
	struct expr_missing m;
	assert_int_equal(ev(f, "n * n", &m).type, VAL_UNKNOWN);
	assert_int_equal(m.n, 0);
}

/* ---- missing facts ------------------------------------------------------- */

static void test_missing(void **state)
{
	struct fx *f = *state;
	struct expr_missing m;
	struct value v = ev(f, "up_days >= 365 and not lpr", &m);
	assert_int_equal(v.type, VAL_UNKNOWN);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.idx[0], F_UP_DAYS);
	assert_int_equal(m.idx[1], F_LPR);
	/* each once */
	ev(f, "up_days > 1 or up_days < 0 or up_days + n == 3", &m);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.idx[0], F_UP_DAYS);
	assert_int_equal(m.idx[1], F_N);
	/* lpr decides nothing once `lpr and a` is false */
	f->v[F_A] = value_bool(false);
	v = ev(f, "(lpr and a) or b", &m);
	assert_int_equal(v.type, VAL_UNKNOWN);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.idx[0], F_B);
	/* decided by a known operand: nothing missing */
	f->v[F_LPR] = value_bool(true);
	v = ev(f, "up_days >= 365 and not lpr", &m);
	assert_int_equal(value_truth(v), 0);
	assert_int_equal(m.n, 0);
	/* a range that leaves the answer open is imprecise, not missing */
	f->v[F_UP_DAYS] = value_int_range(300, 400);
	f->v[F_LPR] = value_bool(false);
	v = ev(f, "up_days >= 365 and not lpr", &m);
	assert_int_equal(v.type, VAL_UNKNOWN);
	assert_int_equal(m.n, 0);
	/* the report adds to what the caller already has */
	m = (struct expr_missing){{F_STATUS, F_N}, 2};
	expr_eval(compile(f, "not b and n > 1"), f->v, &m);
	assert_int_equal(m.n, 3);
	assert_int_equal(m.idx[0], F_STATUS);
	assert_int_equal(m.idx[1], F_N);
	assert_int_equal(m.idx[2], F_B);
	/* a value of the wrong type is unknown, and missing like an absent one */
	f->v[F_UP_DAYS] = value_str("365");
	v = ev(f, "up_days >= 365", &m);
	assert_int_equal(v.type, VAL_UNKNOWN);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.idx[0], F_UP_DAYS);
}

static void test_missing_cap(void **state)
{
	(void)state;
	struct expr_fact many[20];
	struct value vals[20];
	char names[20][8], src[512] = "";
	for (int i = 0; i < 20; i++) {
		snprintf(names[i], sizeof(names[i]), "f%d", i);
		many[i] = (struct expr_fact){names[i], VAL_BOOL};
		vals[i] = value_unknown();
		strcat(src, i ? " and f" : "f");
		snprintf(src + strlen(src), 8, "%d", i);
	}
	struct expr_env env20 = {many, 20};
	struct arena a;
	arena_init(&a, 0);
	struct expr *e = expr_compile(src, strlen(src), &env20, &a, NULL);
	assert_non_null(e);
	struct expr_missing m = {{0}, 0};
	assert_int_equal(expr_eval(e, vals, &m).type, VAL_UNKNOWN);
	assert_int_equal(m.n, EXPR_MISSING_MAX);
	for (int i = 0; i < EXPR_MISSING_MAX; i++)
		assert_int_equal(m.idx[i], i);
	/* the last one false: everything taken back */
	vals[19] = value_bool(false);
	m.n = 0;
	assert_int_equal(value_truth(expr_eval(e, vals, &m)), 0);
	assert_int_equal(m.n, 0);
	arena_free(&a);
}

/* ---- borderline ---------------------------------------------------------- */

static struct value bl(struct value v)
{
	v.borderline = true;
	return v;
}

static void test_borderline(void **state)
{
	struct fx *f = *state;
	/* date.one_year: 365 with a Feb 29 in the period */
	f->v[F_UP_DAYS] = bl(value_int(365));
	struct value v = ev(f, "up_days >= 365", NULL);
	assert_int_equal(value_truth(v), 1);
	assert_true(v.borderline);
	assert_true(ev(f, "up_days + 1", NULL).borderline);
	assert_true(ev(f, "max(up_days, 1)", NULL).borderline);
	assert_true(ev(f, "not (up_days >= 365)", NULL).borderline);
	assert_false(ev(f, "n + 1", NULL).borderline);
	assert_false(ev(f, "1 < 2", NULL).borderline);
	/* and: a firm false decides alone */
	f->v[F_LPR] = value_bool(true);
	v = ev(f, "up_days >= 365 and not lpr", NULL);
	assert_int_equal(value_truth(v), 0);
	assert_false(v.borderline);
	f->v[F_LPR] = value_bool(false);
	v = ev(f, "up_days >= 365 and not lpr", NULL);
	assert_int_equal(value_truth(v), 1);
	assert_true(v.borderline);
	/* or: a firm true decides alone */
	v = ev(f, "up_days >= 365 or not lpr", NULL);
	assert_int_equal(value_truth(v), 1);
	assert_false(v.borderline);
	v = ev(f, "up_days >= 365 or lpr", NULL);
	assert_int_equal(value_truth(v), 1);
	assert_true(v.borderline);
	/* if: the condition's edge moves the result */
	f->v[F_A] = bl(value_bool(true));
	v = ev(f, "if(a, 1, 2)", NULL);
	assert_interval(v, VAL_INT, 1, 1);
	assert_true(v.borderline);
	/* between is an and */
	f->v[F_N] = bl(value_int(5));
	assert_true(ev(f, "between(n, 1, 10)", NULL).borderline);
}

static void test_borderline_and_or(void **state)
{
	struct fx *f = *state;
	/* every pair of (value, borderline) for `a and b`, `a or b` */
	static const int vals[3] = {1, 0, -1};
	struct expr *e[2] = {compile(f, "a and b"), compile(f, "a or b")};
	for (int op = 0; op < 2; op++) {
		int dec = op;   /* and: false decides; or: true */
		for (int k = 0; k < 36; k++) {
			int ia = k % 3, ib = k / 3 % 3;
			bool bla = k / 9 % 2, blb = k / 18 % 2;
			f->v[F_A] = tv(vals[ia]);
			f->v[F_A].borderline = bla;
			f->v[F_B] = tv(vals[ib]);
			f->v[F_B].borderline = blb;
			struct value v = expr_eval(e[op], f->v, NULL);
			bool da = vals[ia] == dec, db = vals[ib] == dec, want;
			/* Decided: borderline only if every decider is.
			 * Else any edge could flip it; a missing fact's
			 * value is unknown and has no edge of its own. */
			if (da || db)
				want = (!da || bla) && (!db || blb);
			else
				want = (vals[ia] >= 0 && bla) ||
					(vals[ib] >= 0 && blb);
			if (v.borderline != want)
				fail_msg("op %d a=%d%s b=%d%s: borderline %d",
					 op, vals[ia], bla ? "!" : "", vals[ib],
					 blb ? "!" : "", v.borderline);
		}
	}
}

/* ---- hostile input ------------------------------------------------------- */

static char *repeat(const char *head, const char *unit, int n,
		    const char *mid, const char *tail_unit, const char *tail)
{
	size_t len = strlen(head) + strlen(mid) + strlen(tail) +
		(size_t)n * (strlen(unit) + strlen(tail_unit)) + 1;
	char *s = malloc(len), *p = s;
	p += sprintf(p, "%s", head);
	for (int i = 0; i < n; i++)
		p += sprintf(p, "%s", unit);
	p += sprintf(p, "%s", mid);
	for (int i = 0; i < n; i++)
		p += sprintf(p, "%s", tail_unit);
	sprintf(p, "%s", tail);
	return s;
}

static void test_hostile_nesting(void **state)
{
	struct fx *f = *state;
	char *s = repeat("", "(", 10000, "1", ")", " > 0");
	assert_error(s, 64, "expression nested too deeply");
	free(s);
	s = repeat("", "(", 64, "1", ")", " > 0");          /* at the limit */
	assert_int_equal(truth(f, s), 1);
	free(s);
	s = repeat("", "not ", 10000, "true", "", "");
	assert_error(s, 256, "expression nested too deeply");
	free(s);
	s = repeat("", "not ", 64, "true", "", "");
	assert_int_equal(truth(f, s), 1);
	free(s);
	s = repeat("", "-", 10000, "1", "", " > 0");
	assert_error(s, 64, "expression nested too deeply");
	free(s);
	s = repeat("", "known(", 10000, "1", ")", "");
	assert_error(s, 6 * 64 + 5, "expression nested too deeply");
	free(s);
	/* a long left-deep chain is deep too, though it has no parentheses */
	s = repeat("1", " + 1", 10000, "", "", " > 0");
	assert_error(s, 4 * 65 - 2, "expression nested too deeply");
	free(s);
	s = repeat("1", " + 1", 63, "", "", " > 0");
	assert_int_equal(truth(f, s), 1);
	free(s);
	/* but a long and/or list is flat */
	s = repeat("true", " and true", 10000, "", "", "");
	assert_int_equal(truth(f, s), 1);
	free(s);
	s = repeat("false", " or lpr", 10000, "", "", " or true");
	assert_int_equal(truth(f, s), 1);
	free(s);
}

static void test_hostile_bytes(void **state)
{
	struct fx *f = *state;
	struct arena *a = &f->arena;
	struct expr_error err;
	/* len-delimited: an embedded NUL is an error, not an end */
	assert_error_len("lpr\0 and a", 10, 3, "unexpected NUL byte");
	assert_error_len("status == 'a\0b'", 16, 12, "NUL byte in string");
	/* a comment runs to the line's end whatever it holds */
	assert_non_null(expr_compile("lpr # comment\0with NUL\nand a", 28,
				     &env, a, NULL));
	/* nothing past len is read: the buffer has no terminator (ASan
	 * guards the bytes after it) */
	char buf[9];
	memcpy(buf, "lpr and a", 9);
	assert_non_null(expr_compile(buf, 4, &env, a, NULL));  /* "lpr " */
	assert_null(expr_compile(buf, 7, &env, a, &err));      /* "lpr and" */
	assert_int_equal(err.offset, 7);
	assert_string_equal(err.msg, "unexpected end of expression");
	assert_null(expr_compile(buf, 5, &env, a, &err));      /* "lpr a" */
	assert_string_equal(err.msg, "unexpected 'a'");
	assert_non_null(expr_compile(buf, 9, &env, a, NULL));
	memcpy(buf, "'abcdefg'", 9);
	assert_null(expr_compile(buf, 8, &env, a, &err));
	assert_string_equal(err.msg, "unterminated string");
	memcpy(buf, "123456789", 9);
	assert_interval(expr_eval(expr_compile(buf, 9, &env, a, NULL), f->v,
				  NULL), VAL_INT, 123456789, 123456789);
	memcpy(buf, "2011-02-2", 9);
	assert_null(expr_compile(buf, 9, &env, a, &err));
	assert_string_equal(err.msg, "invalid date literal 2011-02-2");
	/* huge tokens: messages quote at most 40 bytes */
	char *s = repeat("", "9", 10000, "", "", "");
	assert_error(s, 0, "number too large");
	free(s);
	s = repeat("", "x", 10000, "", "", "");
	assert_null(expr_compile(s, strlen(s), &env, a, &err));
	free(s);
	assert_int_equal(err.offset, 0);
	assert_string_equal(err.msg, "unknown fact 'xxxxxxxxxxxxxxxxxxxxxxxxx"
			    "xxxxxxxxxxxxxxx'");
	assert_error("\xff\xfe", 0, "unexpected byte 0xff");
	/* a string holds any other byte */
	assert_string_equal(ev(f, "'\xff\t#'", NULL).s, "\xff\t#");
	assert_error("'it''s' == status", 4, "unexpected string");
}

static void test_hostile_api(void **state)
{
	struct fx *f = *state;
	struct expr_error err;
	/* NULL source, NULL error, NULL env, NULL facts */
	assert_null(expr_compile(NULL, 0, &env, &f->arena, &err));
	assert_string_equal(err.msg, "empty expression");
	assert_null(expr_compile(NULL, 5, &env, &f->arena, &err));
	assert_null(expr_compile("x", 1, NULL, &f->arena, NULL));
	assert_null(expr_compile("lpr", 3, NULL, &f->arena, &err));
	assert_string_equal(err.msg, "unknown fact 'lpr'");
	struct expr *e = compile(f, "up_days > 1");
	assert_int_equal(expr_eval(e, NULL, NULL).type, VAL_UNKNOWN);
	assert_int_equal(expr_eval(NULL, f->v, NULL).type, VAL_UNKNOWN);
	assert_int_equal(expr_type(NULL), VAL_UNKNOWN);
	/* malformed fact values are unknown, whatever the operation */
	static const char *const srcs[] = {
		"up_days + 1", "lpr and true", "status == 'x'",
		"departure_date - entry_date", "extra == extra", "-up_days",
		"year(departure_date)", "add_years(entry_date, up_days)",
	};
	struct value bad[] = {
		{.type = VAL_INT, .lo = 5, .hi = 1},
		{.type = VAL_BOOL, .lo = 7, .hi = 7},
		{.type = VAL_BOOL, .lo = 0, .hi = 1},
		{.type = VAL_STR, .s = NULL},
		{.type = 200, .lo = 1, .hi = 1},
		{.type = VAL_DATE, .lo = INT64_MAX, .hi = INT64_MIN},
	};
	for (size_t i = 0; i < sizeof(srcs) / sizeof(srcs[0]); i++) {
		e = compile(f, srcs[i]);
		for (size_t j = 0; j < sizeof(bad) / sizeof(bad[0]); j++) {
			for (int k = 0; k < N_FACTS; k++)
				f->v[k] = bad[j];
			struct expr_missing m = {{0}, 0};
			struct value v = expr_eval(e, f->v, &m);
			assert_int_equal(v.type, VAL_UNKNOWN);
			assert_in_range(m.n, 1, 2);
			for (int k = 0; k < m.n; k++)
				assert_in_range(m.idx[k], 0, N_FACTS - 1);
		}
	}
	/* a garbage count in the caller's report does not overflow it */
	struct expr_missing m = {{0}, 200};
	for (int k = 0; k < N_FACTS; k++)
		f->v[k] = value_unknown();
	expr_eval(compile(f, "a and b"), f->v, &m);
	assert_int_equal(m.n, 200);
}

/* Every operator and function over extreme values: no crash, no sanitizer
 * report, and a known result always has the type the compiler promised. */
static void test_value_sweep(void **state)
{
	struct fx *f = *state;
	static const char *const srcs[] = {
		"up_days + n", "up_days - n", "up_days * n", "up_days / n",
		"-up_days", "up_days < n", "up_days <= n", "up_days > n",
		"up_days >= n", "up_days == n", "up_days != n",
		"departure_date - entry_date", "departure_date + n",
		"departure_date - n", "n + departure_date",
		"add_years(departure_date, n)", "add_days(entry_date, up_days)",
		"days(entry_date, departure_date)", "year(departure_date)",
		"min(up_days, n)", "max(departure_date, entry_date)",
		"if(a, up_days, n)", "between(up_days, n, up_days)",
		"extra + n", "extra - entry_date", "extra == extra",
		"extra < up_days", "known(extra)", "a and extra or b",
	};
	static const int64_t pts[] = {
		INT64_MIN, INT64_MIN + 1, -4000000, -1, 0, 1, 15033, 2932896,
		2932897, INT64_MAX - 1, INT64_MAX,
	};
	size_t np = sizeof(pts) / sizeof(pts[0]);
	for (size_t s = 0; s < sizeof(srcs) / sizeof(srcs[0]); s++) {
		struct expr *e = compile(f, srcs[s]);
		uint8_t type = expr_type(e);
		for (size_t i = 0; i < np * np; i++) {
			int64_t lo = pts[i / np], hi = pts[i % np];
			if (lo > hi)
				continue;
			f->v[F_UP_DAYS] = value_int_range(lo, hi);
			f->v[F_N] = value_int(pts[(i + 3) % np]);
			f->v[F_DEPARTURE] = value_date_range(lo, hi);
			f->v[F_ENTRY] = value_date(pts[(i + 5) % np]);
			f->v[F_EXTRA] = i % 3 ? value_int_range(lo, hi) :
				value_date(hi);
			f->v[F_A] = tv((int)(i % 3) - 1);
			f->v[F_B] = tv((int)(i % 2));
			struct value v = expr_eval(e, f->v, NULL);
			if (v.type != VAL_UNKNOWN && type != VAL_UNKNOWN)
				assert_int_equal(v.type, type);
			if (v.type == VAL_INT || v.type == VAL_DATE)
				assert_true(v.lo <= v.hi);
		}
	}
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_error_names_and_arity),
		T(test_error_syntax),
		T(test_error_literals),
		T(test_error_types),
		T(test_error_conditions),
		T(test_precedence),
		T(test_static_types),
		T(test_literals),
		T(test_fn_known),
		T(test_fn_add_years),
		T(test_fn_dates),
		T(test_fn_min_max),
		T(test_fn_if),
		T(test_fn_between),
		T(test_kleene_tables),
		T(test_kleene_missing),
		T(test_kleene_chains),
		T(test_interval_compare),
		T(test_interval_arith),
		T(test_overflow),
		T(test_missing),
		T(test_missing_cap),
		T(test_borderline),
		T(test_borderline_and_or),
		T(test_hostile_nesting),
		T(test_hostile_bytes),
		T(test_hostile_api),
		T(test_value_sweep),
	};
#undef T
	return cmocka_run_group_tests_name("expr", tests, NULL, NULL);
}
