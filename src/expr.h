/* expr.h - the rules' small expression language, three-valued.
 *
 * Conditions in config/rules.yaml are expressions over named facts:
 *
 *   up_stay_days >= 365 and not lpr and departure_date >= 1997-04-01
 *
 * Grammar (lowest precedence first):
 *   expr    := or
 *   or      := and ( "or" and )*
 *   and     := not ( "and" not )*
 *   not     := "not" not | cmp
 *   cmp     := sum [ ( "<" | "<=" | ">" | ">=" | "==" | "!=" ) sum ]
 *   sum     := term ( ( "+" | "-" ) term )*
 *   term    := unary ( ( "*" | "/" ) unary )*
 *   unary   := "-" unary | primary
 *   primary := INT | DATE | STRING | "true" | "false" | "unknown"
 *            | NAME | NAME "(" [ expr ( "," expr )* ] ")" | "(" expr ")"
 *   INT     := [0-9]+               DATE := [0-9]{4}-[0-9]{2}-[0-9]{2}
 *   STRING  := '...' or "..."       NAME := [a-z_][A-Za-z0-9_]* ( . NAME )
 *   (a dotted name, departure.up_days, is a fact of one event: items.h)
 *   "#" starts a comment to the end of the line.
 *
 * Values: unknown, bool, integer (a number of days, years, or a count),
 * date (a day number), string.  Numbers and dates are closed intervals
 * [lo, hi]: a fact derived from an imprecise date ("entered in 1999") is a
 * range, and a comparison is true only when it holds over the whole range,
 * false when it holds nowhere, unknown otherwise.  `and`/`or`/`not` follow
 * Kleene's strong three-valued logic (false and unknown = false; true or
 * unknown = true).  Any arithmetic or comparison with an unknown operand is
 * unknown.  A value carries `borderline` (legal-reference.md `date.borderline`)
 * through arithmetic and comparisons.
 *
 * Arithmetic: int+int, int-int, int*int, int/int (truncating; division by a
 * possible zero is unknown), date+int and date-int (days), date-date (days).
 * Comparisons: between ints, between dates, between strings (== and !=), and
 * between bools (== and !=).  Type mismatches are compile-time errors where
 * the types are known (literals, facts of declared type), else unknown.
 *
 * Functions:
 *   known(x)          true when x is not unknown (never unknown itself)
 *   add_years(d, n)   date d plus n years; Feb 29 -> Mar 1 (date.bar_end)
 *   add_days(d, n)    same as d + n
 *   days(a, b)        days from date a to date b (b - a)
 *   years(a, b)       whole calendar years from date a to date b, as a
 *                     person counts them (2001-02-10 .. 2010-02-09 is 8)
 *   year(d)           the calendar year of d
 *   min(a, b), max(a, b)   of two ints or two dates
 *   if(c, a, b)       a when c is true, b when false; when c is unknown,
 *                     a if a and b are the same single value, else unknown
 *   between(x, a, b) a <= x and x <= b
 *
 * Edges, as expr.c settles them:
 *   - int + date is accepted as date + int.
 *   - Four digits, "-" and a digit always start a date literal, which must
 *     then be a valid YYYY-MM-DD; write "2011 - 1" to subtract.  Strings
 *     have no escapes.
 *   - Nesting (parentheses, `not`, unary minus, calls, and the height of the
 *     tree: a chain of 65 "+") is limited to 64; an and/or chain is flat and
 *     does not count.
 *   - year() and add_years() are defined for the years 1000..9999; outside
 *     them the result is unknown.
 *   - A fact value that is malformed (lo > hi, a bool other than 0/1, a NULL
 *     string) or of a type other than declared is unknown, and is reported
 *     missing.  A range that leaves a result open is not missing.
 *   - borderline: and/or take it from the operands that decided the result
 *     (one firm false makes `and` firmly false); if() adds its condition's;
 *     known() is never borderline.
 *   - expr_type is VAL_UNKNOWN when the type may vary (a fact declared
 *     VAL_UNKNOWN, the literal `unknown`, and some results computed from
 *     them, such as x + 1, which is an int or a date).
 */
#ifndef CW_EXPR_H
#define CW_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

enum value_type {
	VAL_UNKNOWN = 0,
	VAL_BOOL,
	VAL_INT,
	VAL_DATE,
	VAL_STR,
};

struct value {
	uint8_t type;           /* enum value_type */
	bool borderline;
	int64_t lo, hi;         /* bool: 0/1 (lo == hi); int, date: interval */
	const char *s;          /* VAL_STR: NUL-terminated, borrowed */
};

/* Constructors, inline: facts.c and the evaluator make millions. */
static inline struct value value_unknown(void)
{
	return (struct value){ .type = VAL_UNKNOWN };
}

static inline struct value value_int_range(int64_t lo, int64_t hi)
{
	return (struct value){ .type = VAL_INT, .lo = lo, .hi = hi };
}

static inline struct value value_date_range(int64_t lo, int64_t hi)
{
	return (struct value){ .type = VAL_DATE, .lo = lo, .hi = hi };
}

static inline struct value value_bool(bool b)
{
	return (struct value){ .type = VAL_BOOL, .lo = b, .hi = b };
}

static inline struct value value_int(int64_t n)
{
	return value_int_range(n, n);
}

static inline struct value value_date(int64_t day)
{
	return value_date_range(day, day);
}

static inline struct value value_str(const char *s)
{
	return (struct value){ .type = VAL_STR, .s = s };
}

/* The three-valued truth of a value: 1 true, 0 false, -1 unknown (also for
 * non-bool values). */
static inline int value_truth(struct value v)
{
	return v.type != VAL_BOOL ? -1 : v.lo != 0;
}

/* The facts an expression may name.  The caller (rules.c) supplies a table;
 * a name not in it is a compile error.  `type` is the declared type, or
 * VAL_UNKNOWN when it may vary. */
struct expr_fact {
	const char *name;
	uint8_t type;
};

struct expr_env {
	const struct expr_fact *facts;
	size_t n_facts;
};

struct expr;    /* compiled, immutable, owned by the arena given to compile */

struct expr_error {
	uint32_t offset;        /* byte offset in the source where it went wrong */
	char msg[160];
};

/* Compiles src[0..len).  On error returns NULL and fills *err. */
struct expr *expr_compile(const char *src, size_t len,
			  const struct expr_env *env, struct arena *arena,
			  struct expr_error *err);

/* The type an expression yields when its operands are known, for checks
 * such as "a condition must be a bool". */
uint8_t expr_type(const struct expr *e);

/* Adds the facts e names (indexes into env->facts) to out[n..max), each
 * once; returns the new count.  A count of max may mean more were left
 * out. */
size_t expr_facts(const struct expr *e, uint32_t *out, size_t n,
		  size_t max);

/* Which facts an evaluation found unknown, by index into env->facts. */
#define EXPR_MISSING_MAX 16
struct expr_missing {
	uint16_t idx[EXPR_MISSING_MAX];
	uint8_t n;
};

/* Evaluates e with fact values facts[] (indexed as env->facts).  If missing
 * is not NULL, the indexes of unknown facts that the result depended on are
 * added to it (each once, up to EXPR_MISSING_MAX).  Never fails: type
 * mismatches at run time give unknown.  Thread-safe (no mutable state). */
struct value expr_eval(const struct expr *e, const struct value *facts,
		       struct expr_missing *missing);

#endif
