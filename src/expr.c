/* expr.c - the rules' expression language; see expr.h for the contract.
 *
 * expr_compile is a hand-written lexer and recursive-descent parser that
 * checks names, arity and types while it builds the tree, so that a typo in
 * rules.yaml stops the load with an offset instead of evaluating to a silent
 * unknown for every case.  The tree lives in the caller's arena and is never
 * written after compile returns, which is what makes expr_eval thread-safe.
 *
 * expr_eval recurses over the tree.  The compiler bounds the tree's height
 * (MAX_DEPTH), so a hostile rules file cannot exhaust the stack.
 */
#include "expr.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

/* Limit on parentheses, `not`, unary minus and calls nested while parsing,
 * and on the height of the tree.  Real conditions nest a few levels; and/or
 * chains are one flat node and do not count against it. */
#define MAX_DEPTH 64

/* The days on which year() and add_years() are defined: the years that
 * date_parse accepts, so date.c's int16_t year can never overflow. */
#define DAY_FIRST (-354285)     /* 1000-01-01 */
#define DAY_LAST 2932896        /* 9999-12-31 */

/* Static types are sets, one bit per value_type.  A fact of varying type is
 * every type (T_ANY).  The literal `unknown` is the empty set: it never
 * becomes known, so it fits anywhere and is never a type error. */
#define TBIT(t) ((uint8_t)(1u << (t)))
#define T_BOOL TBIT(VAL_BOOL)
#define T_INT TBIT(VAL_INT)
#define T_DATE TBIT(VAL_DATE)
#define T_STR TBIT(VAL_STR)
#define T_ANY ((uint8_t)(T_BOOL | T_INT | T_DATE | T_STR))

enum op {
	OP_UNKNOWN, OP_BOOL, OP_INT, OP_DATE, OP_STR, OP_FACT,
	OP_AND, OP_OR, OP_NOT,
	OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_NEG,
	OP_KNOWN, OP_ADD_YEARS, OP_ADD_DAYS, OP_DAYS, OP_YEAR,
	OP_MIN, OP_MAX, OP_IF, OP_BETWEEN, OP_YEARS,
};

struct expr {
	uint8_t op;             /* enum op */
	uint8_t types;          /* T_* set that a known result belongs to */
	uint8_t height;         /* 0 for a leaf */
	uint16_t n;             /* number of kids */
	uint32_t pos;           /* source offset where this expression starts */
	union {
		int64_t num;            /* OP_BOOL, OP_INT, OP_DATE */
		const char *str;        /* OP_STR, in the arena */
		uint32_t fact;          /* OP_FACT: index into env->facts */
	} u;
	const struct expr *kid[];
};

/* ---- values ------------------------------------------------------------ */

size_t expr_facts(const struct expr *e, uint32_t *out, size_t n,
		  size_t max)
{
	if (!e)
		return n;
	if (e->op == OP_FACT) {
		for (size_t i = 0; i < n; i++)
			if (out[i] == e->u.fact)
				return n;
		if (n < max)
			out[n++] = e->u.fact;
		return n;
	}
	for (uint16_t k = 0; k < e->n; k++)
		n = expr_facts(e->kid[k], out, n, max);
	return n;
}

uint8_t expr_type(const struct expr *e)
{
	if (!e)
		return VAL_UNKNOWN;
	for (int t = VAL_BOOL; t <= VAL_STR; t++)
		if (e->types == TBIT(t))
			return (uint8_t)t;
	return VAL_UNKNOWN;
}

/* ---- types, shared by the compiler and the evaluator ------------------- */

static const char *type_name(uint8_t set)
{
	switch (set) {
	case T_BOOL: return "true/false";
	case T_INT: return "a number";
	case T_DATE: return "a date";
	case T_STR: return "a string";
	}
	return "a value of varying type";
}

/* The result of op on one pair of concrete types, or VAL_UNKNOWN when the
 * pair is not allowed.  The evaluator asks the same question at run time, so
 * the two cannot disagree about what is legal. */
static int op_type(int op, int l, int r)
{
	switch (op) {
	case OP_ADD:
		if (l == VAL_INT && r == VAL_INT)
			return VAL_INT;
		/* int + date is date + int: addition reads both ways. */
		if ((l == VAL_DATE && r == VAL_INT) ||
		    (l == VAL_INT && r == VAL_DATE))
			return VAL_DATE;
		return VAL_UNKNOWN;
	case OP_SUB:
		if (l == VAL_DATE && (r == VAL_INT || r == VAL_DATE))
			return r == VAL_INT ? VAL_DATE : VAL_INT;
		return l == VAL_INT && r == VAL_INT ? VAL_INT : VAL_UNKNOWN;
	case OP_MUL:
	case OP_DIV:
		return l == VAL_INT && r == VAL_INT ? VAL_INT : VAL_UNKNOWN;
	case OP_EQ:
	case OP_NE:
		return l == r && l != VAL_UNKNOWN ? VAL_BOOL : VAL_UNKNOWN;
	case OP_LT:
	case OP_LE:
	case OP_GT:
	case OP_GE:
		return l == r && (l == VAL_INT || l == VAL_DATE) ?
			VAL_BOOL : VAL_UNKNOWN;
	}
	return VAL_UNKNOWN;
}

/* op_type lifted to sets: every result some pair of members can give. */
static uint8_t op_types(int op, uint8_t ls, uint8_t rs)
{
	uint8_t out = 0;
	for (int l = VAL_BOOL; l <= VAL_STR; l++) {
		for (int r = VAL_BOOL; r <= VAL_STR; r++) {
			if (!(ls & TBIT(l)) || !(rs & TBIT(r)))
				continue;
			int t = op_type(op, l, r);
			if (t != VAL_UNKNOWN)
				out |= TBIT(t);
		}
	}
	return out;
}

/* ---- lexer ------------------------------------------------------------- */

enum tok_kind {
	TK_END, TK_INT, TK_DATE, TK_STR, TK_NAME,
	TK_LPAREN, TK_RPAREN, TK_COMMA, TK_PLUS, TK_MINUS, TK_STAR, TK_SLASH,
	TK_LT, TK_LE, TK_GT, TK_GE, TK_EQ, TK_NE,
};

struct token {
	uint8_t kind;           /* enum tok_kind */
	uint32_t pos, len;
	int64_t num;            /* TK_INT value, TK_DATE day number */
};

struct parser {
	const char *src;
	uint32_t len;
	uint32_t at;            /* lexer position */
	struct token tok;       /* the current token */
	const struct expr_env *env;
	struct arena *arena;
	struct expr_error *err;
	int depth;
	bool failed;
};

/* Records the first error only: later ones are consequences of it. */
__attribute__((format(printf, 3, 4)))
static void *fail(struct parser *p, uint32_t pos, const char *fmt, ...)
{
	if (p->failed)
		return NULL;
	p->failed = true;
	p->err->offset = pos;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	return NULL;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || c == '_';
}

/* Penalty ids such as bar_9B_10yr keep the statute's capitals after the
 * first character: running_bar_9B_10yr. */
static bool is_name_char(char c)
{
	return is_name_start(c) || is_digit(c) || (c >= 'A' && c <= 'Z');
}

static void skip_space(struct parser *p)
{
	while (p->at < p->len) {
		char c = p->src[p->at];
		if (c == '#') {
			while (p->at < p->len && p->src[p->at] != '\n')
				p->at++;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			p->at++;
		} else {
			break;
		}
	}
}

static bool emit(struct parser *p, int kind, uint32_t len)
{
	p->tok.kind = (uint8_t)kind;
	p->tok.len = len;
	p->at += len;
	return true;
}

/* Messages quote at most this much of a token, so that a 10,000-digit
 * "number" still gives a readable line. */
#define QUOTE_MAX 40

/* A date literal starts like "2011-0"; anything that starts that way and is
 * not exactly YYYY-MM-DD is an error rather than a subtraction, because
 * "2011-2-3" is a typo, not arithmetic (write "2011 - 2" for that). */
static bool lex_date(struct parser *p)
{
	const char *s = p->src + p->at;
	uint32_t n = p->len - p->at, run = 0;
	while (run < n && (is_digit(s[run]) || s[run] == '-' ||
			   is_name_char(s[run])))
		run++;
	struct date d;
	const char *why;
	bool shape = n >= 10 && s[4] == '-' && is_digit(s[5]) &&
		is_digit(s[6]) && s[7] == '-' && is_digit(s[8]) &&
		is_digit(s[9]) && (n == 10 || !is_name_char(s[10]));
	if (!shape || !date_parse(s, 10, &d, &why) || d.prec != DATE_DAY)
		return fail(p, p->at, "invalid date literal %.*s",
			    (int)(run < QUOTE_MAX ? run : QUOTE_MAX), s);
	p->tok.num = date_days(d);
	return emit(p, TK_DATE, 10);
}

static bool lex_number(struct parser *p)
{
	const char *s = p->src + p->at;
	uint32_t n = p->len - p->at, i = 0;
	int64_t v = 0;
	bool big = false;

	while (i < n && is_digit(s[i])) {
		int d = s[i++] - '0';
		if (v > (INT64_MAX - d) / 10)
			big = true;
		else
			v = v * 10 + d;
	}
	if (i == 4 && i + 1 < n && s[i] == '-' && is_digit(s[i + 1]))
		return lex_date(p);
	if (i < n && is_name_char(s[i])) {
		uint32_t run = i;
		while (run < n && is_name_char(s[run]))
			run++;
		return fail(p, p->at, "invalid number '%.*s'",
			    (int)(run < QUOTE_MAX ? run : QUOTE_MAX), s);
	}
	if (big)
		return fail(p, p->at, "number too large");
	p->tok.num = v;
	return emit(p, TK_INT, i);
}

static bool lex_string(struct parser *p)
{
	const char *s = p->src + p->at;
	uint32_t n = p->len - p->at;
	for (uint32_t i = 1; i < n; i++) {
		if (s[i] == s[0])
			return emit(p, TK_STR, i + 1);
		/* The value is used as a C string: a NUL would cut it short. */
		if (s[i] == '\0')
			return fail(p, p->at + i, "NUL byte in string");
	}
	return fail(p, p->at, "unterminated string");
}

/* A name, or SCOPE.NAME for a fact of one event (departure.up_days): a
 * dot between two name characters belongs to the name. */
static bool lex_name(struct parser *p)
{
	uint32_t i = p->at;
	while (i < p->len && (is_name_char(p->src[i]) ||
			      (p->src[i] == '.' && i + 1 < p->len &&
			       is_name_start(p->src[i + 1]))))
		i++;
	return emit(p, TK_NAME, i - p->at);
}

static bool bad_char(struct parser *p, unsigned char c)
{
	switch (c) {
	case '=': return fail(p, p->at, "unexpected '='; use == to compare");
	case '!': return fail(p, p->at, "unexpected '!'; use 'not' or !=");
	case '&': return fail(p, p->at, "unexpected '&'; use 'and'");
	case '|': return fail(p, p->at, "unexpected '|'; use 'or'");
	case '\0': return fail(p, p->at, "unexpected NUL byte");
	}
	if (c >= 'A' && c <= 'Z')
		return fail(p, p->at,
			    "unexpected character '%c'; names are lower case",
			    c);
	if (c > ' ' && c < 0x7f)
		return fail(p, p->at, "unexpected character '%c'", c);
	return fail(p, p->at, "unexpected byte 0x%02x", c);
}

static const struct punct {
	char s[3];
	uint8_t kind;
} puncts[] = {
	/* two-character operators first, so "<=" is not read as "<" "=" */
	{"<=", TK_LE}, {">=", TK_GE}, {"==", TK_EQ}, {"!=", TK_NE},
	{"(", TK_LPAREN}, {")", TK_RPAREN}, {",", TK_COMMA}, {"+", TK_PLUS},
	{"-", TK_MINUS}, {"*", TK_STAR}, {"/", TK_SLASH}, {"<", TK_LT},
	{">", TK_GT},
};

static bool lex_punct(struct parser *p)
{
	const char *s = p->src + p->at;
	uint32_t n = p->len - p->at;
	for (size_t i = 0; i < sizeof(puncts) / sizeof(puncts[0]); i++) {
		uint32_t k = (uint32_t)strlen(puncts[i].s);
		if (k <= n && memcmp(s, puncts[i].s, k) == 0)
			return emit(p, puncts[i].kind, k);
	}
	return bad_char(p, (unsigned char)s[0]);
}

/* Moves to the next token; false once an error has been recorded. */
static bool advance(struct parser *p)
{
	if (p->failed)
		return false;
	skip_space(p);
	p->tok.pos = p->at;
	p->tok.num = 0;
	if (p->at >= p->len)
		return emit(p, TK_END, 0);
	char c = p->src[p->at];
	if (is_digit(c))
		return lex_number(p);
	if (is_name_start(c))
		return lex_name(p);
	if (c == '\'' || c == '"')
		return lex_string(p);
	return lex_punct(p);
}

static bool tok_is(const struct parser *p, const char *word)
{
	size_t n = strlen(word);
	return p->tok.kind == TK_NAME && p->tok.len == n &&
		memcmp(p->src + p->tok.pos, word, n) == 0;
}

static void *unexpected(struct parser *p)
{
	const struct token *t = &p->tok;
	const char *s = p->src + t->pos;
	int n = (int)(t->len < QUOTE_MAX ? t->len : QUOTE_MAX);

	switch (t->kind) {
	case TK_END:
		return fail(p, t->pos, "unexpected end of expression");
	case TK_INT:
		return fail(p, t->pos, "unexpected number %.*s", n, s);
	case TK_DATE:
		return fail(p, t->pos, "unexpected date %.*s", n, s);
	case TK_STR:
		return fail(p, t->pos, "unexpected string");
	case TK_NAME:
		if (tok_is(p, "not"))
			return fail(p, t->pos, "unexpected 'not'; "
				    "put parentheses around it");
		return fail(p, t->pos, "unexpected '%.*s'", n, s);
	}
	return fail(p, t->pos, "unexpected '%.*s'", n, s);
}

/* ---- tree building ----------------------------------------------------- */

static struct expr *node(struct parser *p, int op, uint8_t types,
			 uint32_t pos, size_t n, const struct expr *const *kids)
{
	unsigned height = 0;
	for (size_t i = 0; i < n; i++)
		if (kids[i]->height + 1u > height)
			height = kids[i]->height + 1u;
	if (height > MAX_DEPTH)
		return fail(p, pos, "expression nested too deeply");
	struct expr *e = arena_alloc(p->arena,
				     sizeof(*e) + n * sizeof(e->kid[0]));
	e->op = (uint8_t)op;
	e->types = types;
	e->height = (uint8_t)height;
	e->n = (uint16_t)n;
	e->pos = pos;
	e->u.num = 0;
	for (size_t i = 0; i < n; i++)
		e->kid[i] = kids[i];
	return e;
}

static struct expr *leaf(struct parser *p, int op, uint8_t types,
			 uint32_t pos)
{
	return node(p, op, types, pos, 0, NULL);
}

static bool check_cond(struct parser *p, const struct expr *e)
{
	if (e->types && !(e->types & T_BOOL)) {
		fail(p, e->pos, "condition must be true/false");
		return false;
	}
	return true;
}

static void *type_error(struct parser *p, int op, uint32_t pos,
			uint8_t l, uint8_t r)
{
	const char *ln = type_name(l), *rn = type_name(r);
	switch (op) {
	case OP_ADD: return fail(p, pos, "cannot add %s and %s", ln, rn);
	case OP_SUB: return fail(p, pos, "cannot subtract %s from %s", rn, ln);
	case OP_MUL: return fail(p, pos, "cannot multiply %s by %s", ln, rn);
	case OP_DIV: return fail(p, pos, "cannot divide %s by %s", ln, rn);
	}
	if (l == r && (l == T_STR || l == T_BOOL))
		return fail(p, pos, "%s can only be compared with == and !=",
			    l == T_STR ? "strings" : "true/false values");
	return fail(p, pos, "cannot compare %s with %s", ln, rn);
}

/* A binary operator node, type-checked.  An empty set (the literal unknown)
 * counts as every type for the result, and is never an error. */
static struct expr *binary(struct parser *p, int op, uint32_t oppos,
			   const struct expr *l, const struct expr *r)
{
	uint8_t ls = l->types ? l->types : T_ANY;
	uint8_t rs = r->types ? r->types : T_ANY;
	uint8_t res = op_types(op, ls, rs);
	if (!res && l->types && r->types)
		return type_error(p, op, oppos, l->types, r->types);
	/* A long chain like 1 + 1 + ... is deep on the left: say where. */
	if (l->height >= MAX_DEPTH || r->height >= MAX_DEPTH)
		return fail(p, oppos, "expression nested too deeply");
	const struct expr *kids[2] = {l, r};
	return node(p, op, res, l->pos, 2, kids);
}

/* ---- parser ------------------------------------------------------------ */

static struct expr *parse_expr(struct parser *p);
static struct expr *parse_not(struct parser *p);
static struct expr *parse_unary(struct parser *p);

/* Called on the token that opens a level ("(", "not", "-"), so that the
 * error points at it. */
static bool enter(struct parser *p)
{
	if (++p->depth > MAX_DEPTH) {
		fail(p, p->tok.pos, "expression nested too deeply");
		return false;
	}
	return true;
}

static const struct func {
	const char *name;
	uint8_t op, nargs;
} funcs[] = {
	{"known", OP_KNOWN, 1}, {"add_years", OP_ADD_YEARS, 2},
	{"add_days", OP_ADD_DAYS, 2}, {"days", OP_DAYS, 2},
	{"year", OP_YEAR, 1}, {"min", OP_MIN, 2}, {"max", OP_MAX, 2},
	{"if", OP_IF, 3}, {"between", OP_BETWEEN, 3},
	{"years", OP_YEARS, 2},
};

static bool check_arg(struct parser *p, const struct func *f, int i,
		      const struct expr *a, uint8_t want)
{
	if (!a->types || (a->types & want))
		return true;
	fail(p, a->pos, "%s: argument %d must be %s, not %s", f->name, i + 1,
	     type_name(want), type_name(a->types));
	return false;
}

/* The result type of a call, or 0 with an error recorded. */
static uint8_t call_types(struct parser *p, const struct func *f,
			  uint32_t pos, const struct expr *const *a)
{
	uint8_t s[3], m;
	for (int i = 0; i < f->nargs; i++)
		s[i] = a[i]->types ? a[i]->types : T_ANY;
	switch (f->op) {
	case OP_KNOWN:
		return T_BOOL;
	case OP_ADD_YEARS:
	case OP_ADD_DAYS:
		return check_arg(p, f, 0, a[0], T_DATE) &&
			check_arg(p, f, 1, a[1], T_INT) ? T_DATE : 0;
	case OP_DAYS:
	case OP_YEARS:
		return check_arg(p, f, 0, a[0], T_DATE) &&
			check_arg(p, f, 1, a[1], T_DATE) ? T_INT : 0;
	case OP_YEAR:
		return check_arg(p, f, 0, a[0], T_DATE) ? T_INT : 0;
	case OP_MIN:
	case OP_MAX:
		if ((m = s[0] & s[1] & (T_INT | T_DATE)))
			return m;
		return fail(p, pos, "%s needs two numbers or two dates, not "
			    "%s and %s", f->name, type_name(s[0]),
			    type_name(s[1])), 0;
	case OP_BETWEEN:
		if (s[0] & s[1] & s[2] & (T_INT | T_DATE))
			return T_BOOL;
		return fail(p, pos, "between needs three numbers or three "
			    "dates"), 0;
	}
	/* OP_IF */
	if (!check_cond(p, a[0]))
		return 0;
	if (a[1]->types && a[2]->types && !(a[1]->types & a[2]->types))
		return fail(p, pos, "if: both branches must have the same "
			    "type, not %s and %s", type_name(a[1]->types),
			    type_name(a[2]->types)), 0;
	return a[1]->types | a[2]->types;
}

/* Called on the "(" after a function name; consumes up to the ")". */
static struct expr *parse_call(struct parser *p, const struct func *f,
			       uint32_t pos)
{
	const struct expr *args[3];
	int n = 0;

	if (!enter(p) || !advance(p))
		return NULL;
	while (p->tok.kind != TK_RPAREN) {
		if (n == f->nargs)
			break;
		if (!(args[n++] = parse_expr(p)))
			return NULL;
		if (p->tok.kind != TK_COMMA)
			break;
		if (n == f->nargs)
			break;
		if (!advance(p))
			return NULL;
	}
	p->depth--;
	if (n == f->nargs && p->tok.kind == TK_COMMA)
		n++;    /* one too many: report the arity, not the comma */
	else if (p->tok.kind != TK_RPAREN)
		return fail(p, p->tok.pos, "expected ')' after arguments");
	if (n != f->nargs)
		return fail(p, pos, "%s takes %d argument%s", f->name,
			    f->nargs, f->nargs == 1 ? "" : "s");
	uint8_t types = call_types(p, f, pos, args);
	if (p->failed || !advance(p))
		return NULL;
	return node(p, f->op, types, pos, (size_t)n, args);
}

static struct expr *parse_fact(struct parser *p, const struct token *t)
{
	const char *name = p->src + t->pos;
	const struct expr_env *env = p->env;
	size_t count = env ? env->n_facts : 0;
	/* The missing report holds 16-bit indexes. */
	for (size_t i = 0; i < count && i <= UINT16_MAX; i++) {
		const char *f = env->facts[i].name;
		if (f && strncmp(f, name, t->len) == 0 && f[t->len] == '\0') {
			uint8_t ty = env->facts[i].type;
			struct expr *e = leaf(p, OP_FACT,
					      ty >= VAL_BOOL && ty <= VAL_STR ?
					      TBIT(ty) : T_ANY, t->pos);
			if (e)
				e->u.fact = (uint32_t)i;
			return e;
		}
	}
	return fail(p, t->pos, "unknown fact '%.*s'",
		    (int)(t->len < QUOTE_MAX ? t->len : QUOTE_MAX), name);
}

static struct expr *parse_name(struct parser *p)
{
	struct token t = p->tok;
	struct expr *e = NULL;

	if (tok_is(p, "true") || tok_is(p, "false"))
		e = leaf(p, OP_BOOL, T_BOOL, t.pos);
	else if (tok_is(p, "unknown"))
		e = leaf(p, OP_UNKNOWN, 0, t.pos);
	else if (tok_is(p, "and") || tok_is(p, "or") || tok_is(p, "not"))
		return unexpected(p);
	if (e) {
		e->u.num = tok_is(p, "true");
		return advance(p) ? e : NULL;
	}
	if (!advance(p))
		return NULL;
	if (p->tok.kind != TK_LPAREN)
		return parse_fact(p, &t);
	for (size_t i = 0; i < sizeof(funcs) / sizeof(funcs[0]); i++) {
		const char *f = funcs[i].name;
		if (strlen(f) == t.len && memcmp(f, p->src + t.pos, t.len) == 0)
			return parse_call(p, &funcs[i], t.pos);
	}
	return fail(p, t.pos, "unknown function '%.*s'",
		    (int)(t.len < QUOTE_MAX ? t.len : QUOTE_MAX),
		    p->src + t.pos);
}

static struct expr *parse_paren(struct parser *p)
{
	uint32_t pos = p->tok.pos;
	if (!enter(p) || !advance(p))
		return NULL;
	struct expr *e = parse_expr(p);
	p->depth--;
	if (!e)
		return NULL;
	if (p->tok.kind != TK_RPAREN)
		return fail(p, p->tok.pos, "expected ')'");
	/* Errors about "(a + b)" as an operand point at its "(". */
	e->pos = pos;
	return advance(p) ? e : NULL;
}

static struct expr *parse_primary(struct parser *p)
{
	struct token t = p->tok;
	struct expr *e;

	switch (t.kind) {
	case TK_INT:
	case TK_DATE:
		e = leaf(p, t.kind == TK_INT ? OP_INT : OP_DATE,
			 t.kind == TK_INT ? T_INT : T_DATE, t.pos);
		if (e)
			e->u.num = t.num;
		return e && advance(p) ? e : NULL;
	case TK_STR:
		e = leaf(p, OP_STR, T_STR, t.pos);
		if (e)
			e->u.str = arena_strndup(p->arena,
						 p->src + t.pos + 1, t.len - 2);
		return e && advance(p) ? e : NULL;
	case TK_LPAREN:
		return parse_paren(p);
	case TK_NAME:
		return parse_name(p);
	}
	return unexpected(p);
}

static struct expr *parse_unary(struct parser *p)
{
	if (p->tok.kind != TK_MINUS)
		return parse_primary(p);
	uint32_t pos = p->tok.pos;
	if (!enter(p) || !advance(p))
		return NULL;
	struct expr *k = parse_unary(p);
	p->depth--;
	if (!k)
		return NULL;
	if (k->types && !(k->types & T_INT))
		return fail(p, pos, "cannot negate %s", type_name(k->types));
	const struct expr *kids[1] = {k};
	return node(p, OP_NEG, T_INT, pos, 1, kids);
}

static int binop(int kind)
{
	switch (kind) {
	case TK_PLUS: return OP_ADD;
	case TK_MINUS: return OP_SUB;
	case TK_STAR: return OP_MUL;
	case TK_SLASH: return OP_DIV;
	case TK_LT: return OP_LT;
	case TK_LE: return OP_LE;
	case TK_GT: return OP_GT;
	case TK_GE: return OP_GE;
	case TK_EQ: return OP_EQ;
	case TK_NE: return OP_NE;
	}
	return -1;
}

/* One left-associative level: sum (+ -) or term (* /). */
static struct expr *parse_level(struct parser *p, bool sum)
{
	struct expr *l = sum ? parse_level(p, false) : parse_unary(p);
	while (l) {
		int op = binop(p->tok.kind);
		if (sum ? op != OP_ADD && op != OP_SUB :
			  op != OP_MUL && op != OP_DIV)
			break;
		uint32_t pos = p->tok.pos;
		if (!advance(p))
			return NULL;
		struct expr *r = sum ? parse_level(p, false) : parse_unary(p);
		if (!r)
			return NULL;
		l = binary(p, op, pos, l, r);
	}
	return l;
}

static struct expr *parse_cmp(struct parser *p)
{
	struct expr *l = parse_level(p, true);
	if (!l)
		return NULL;
	int op = binop(p->tok.kind);
	if (op < OP_LT || op > OP_NE)
		return l;
	uint32_t pos = p->tok.pos;
	if (!advance(p))
		return NULL;
	struct expr *r = parse_level(p, true);
	if (!r)
		return NULL;
	int next = binop(p->tok.kind);
	if (next >= OP_LT && next <= OP_NE)
		return fail(p, p->tok.pos,
			    "comparisons cannot be chained; use 'and'");
	return binary(p, op, pos, l, r);
}

static struct expr *parse_not(struct parser *p)
{
	if (!tok_is(p, "not"))
		return parse_cmp(p);
	uint32_t pos = p->tok.pos;
	if (!enter(p) || !advance(p))
		return NULL;
	struct expr *k = parse_not(p);
	p->depth--;
	if (!k || !check_cond(p, k))
		return NULL;
	const struct expr *kids[1] = {k};
	return node(p, OP_NOT, T_BOOL, pos, 1, kids);
}

/* and/or: one flat node over all operands, so that a long list of
 * conditions is not nesting, and the evaluator can stop at the operand that
 * decides. */
static struct expr *parse_chain(struct parser *p, bool is_or)
{
	const char *kw = is_or ? "or" : "and";
	struct expr *k = is_or ? parse_chain(p, false) : parse_not(p);
	if (!k || !tok_is(p, kw))
		return k;
	size_t n = 0, cap = 8;
	const struct expr **kids = arena_alloc(p->arena, cap * sizeof(*kids));
	for (;;) {
		if (!check_cond(p, k))
			return NULL;
		if (n == UINT16_MAX)
			return fail(p, k->pos, "too many '%s' operands", kw);
		if (n == cap) {
			const struct expr **more = arena_alloc(p->arena,
				2 * cap * sizeof(*kids));
			memcpy(more, kids, n * sizeof(*kids));
			kids = more;
			cap *= 2;
		}
		kids[n++] = k;
		if (!tok_is(p, kw))
			break;
		if (!advance(p))
			return NULL;
		if (!(k = is_or ? parse_chain(p, false) : parse_not(p)))
			return NULL;
	}
	return node(p, is_or ? OP_OR : OP_AND, T_BOOL, kids[0]->pos, n, kids);
}

static struct expr *parse_expr(struct parser *p)
{
	return parse_chain(p, true);
}

struct expr *expr_compile(const char *src, size_t len,
			  const struct expr_env *env, struct arena *arena,
			  struct expr_error *err)
{
	struct expr_error scratch;
	struct parser p = {.src = src, .env = env, .arena = arena,
			   .err = err ? err : &scratch};

	p.err->offset = 0;
	p.err->msg[0] = '\0';
	/* Offsets are 32-bit; nothing near that size is a condition. */
	if (len >= UINT32_MAX || (!src && len))
		return fail(&p, 0, "expression too long");
	p.len = (uint32_t)len;
	if (!advance(&p))
		return NULL;
	if (p.tok.kind == TK_END)
		return fail(&p, p.tok.pos, "empty expression");
	struct expr *e = parse_expr(&p);
	if (e && p.tok.kind != TK_END)
		return unexpected(&p);
	return e;
}

/* ---- evaluation -------------------------------------------------------- */

/* Adds idx once.  Callers undo additions by restoring m->n (see eval), so
 * this only ever appends. */
static void add_missing(struct expr_missing *m, uint32_t idx)
{
	if (!m)
		return;
	uint8_t n = m->n < EXPR_MISSING_MAX ? m->n : EXPR_MISSING_MAX;
	for (uint8_t i = 0; i < n; i++)
		if (m->idx[i] == idx)
			return;
	if (n < EXPR_MISSING_MAX) {
		m->idx[n] = (uint16_t)idx;
		m->n = (uint8_t)(n + 1);
	}
}

/* A fact value the tree can trust.  A malformed value (inverted range, a
 * bool that is not 0/1, a string without text) or one of another type than
 * declared is unknown, so no result escapes the types the compiler checked
 * and no operation sees a value it was not written for.  Such a fact is
 * reported missing like an absent one: it is what the result lacks. */
static struct value fact_value(const struct expr *e, const struct value *facts)
{
	if (!facts)
		return value_unknown();
	struct value v = facts[e->u.fact];
	bool ok;
	switch (v.type) {
	case VAL_BOOL:
		ok = v.lo == v.hi && (v.lo == 0 || v.lo == 1);
		break;
	case VAL_INT:
	case VAL_DATE:
		ok = v.lo <= v.hi;
		break;
	case VAL_STR:
		ok = v.s != NULL;
		break;
	default:
		ok = false;
	}
	if (ok && (e->types & TBIT(v.type)))
		return v;
	return value_unknown();
}

static struct value interval(int type, int64_t lo, int64_t hi)
{
	return (struct value){.type = (uint8_t)type, .lo = lo, .hi = hi};
}

static int64_t min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

static int64_t max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

/* The extremes of a product of intervals are among the four corner
 * products. */
static bool mul_interval(struct value a, struct value b, int64_t *lo,
			 int64_t *hi)
{
	int64_t x[2] = {a.lo, a.hi}, y[2] = {b.lo, b.hi}, q;
	for (int i = 0; i < 4; i++) {
		if (__builtin_mul_overflow(x[i / 2], y[i % 2], &q))
			return false;
		*lo = i ? min64(*lo, q) : q;
		*hi = i ? max64(*hi, q) : q;
	}
	return true;
}

/* With a divisor of one sign, truncating division is monotone in each
 * argument, so the corners bound it too.  A divisor that may be zero gives
 * no answer. */
static bool div_interval(struct value a, struct value b, int64_t *lo,
			 int64_t *hi)
{
	int64_t x[2] = {a.lo, a.hi}, y[2] = {b.lo, b.hi};
	if (b.lo <= 0 && b.hi >= 0)
		return false;
	for (int i = 0; i < 4; i++) {
		int64_t n = x[i / 2], d = y[i % 2];
		if (n == INT64_MIN && d == -1)
			return false;
		*lo = i ? min64(*lo, n / d) : n / d;
		*hi = i ? max64(*hi, n / d) : n / d;
	}
	return true;
}

/* + - * / on two known values; overflow is unknown, not wrapped. */
static struct value arith(int op, struct value l, struct value r)
{
	int t = op_type(op, l.type, r.type);
	int64_t lo = 0, hi = 0;
	bool ok;

	if (t == VAL_UNKNOWN)
		return value_unknown();
	switch (op) {
	case OP_ADD:
		ok = !__builtin_add_overflow(l.lo, r.lo, &lo) &&
			!__builtin_add_overflow(l.hi, r.hi, &hi);
		break;
	case OP_SUB:
		ok = !__builtin_sub_overflow(l.lo, r.hi, &lo) &&
			!__builtin_sub_overflow(l.hi, r.lo, &hi);
		break;
	case OP_MUL:
		ok = mul_interval(l, r, &lo, &hi);
		break;
	default:
		ok = div_interval(l, r, &lo, &hi);
	}
	return ok ? interval(t, lo, hi) : value_unknown();
}

static int tri(bool always, bool never)
{
	return always ? 1 : never ? 0 : -1;
}

/* 1 when the comparison holds for every pair of points of the two
 * intervals, 0 when for none, -1 otherwise. */
static int compare(int op, struct value l, struct value r)
{
	if (op_type(op, l.type, r.type) == VAL_UNKNOWN)
		return -1;
	if (l.type == VAL_STR) {
		bool eq = strcmp(l.s, r.s) == 0;
		return op == OP_EQ ? eq : !eq;
	}
	switch (op) {
	case OP_LT: return tri(l.hi < r.lo, l.lo >= r.hi);
	case OP_LE: return tri(l.hi <= r.lo, l.lo > r.hi);
	case OP_GT: return tri(l.lo > r.hi, l.hi <= r.lo);
	case OP_GE: return tri(l.lo >= r.hi, l.hi < r.lo);
	}
	int eq = tri(l.lo == l.hi && r.lo == r.hi && l.lo == r.lo,
		     l.hi < r.lo || r.hi < l.lo);
	return op == OP_EQ || eq < 0 ? eq : !eq;
}

static struct value truth(int t)
{
	return t < 0 ? value_unknown() : value_bool(t);
}

/* A comparison or arithmetic operator: unknown in, unknown out; borderline
 * from either side. */
static struct value apply(int op, struct value l, struct value r)
{
	struct value v;
	if (l.type == VAL_UNKNOWN || r.type == VAL_UNKNOWN)
		v = value_unknown();
	else if (op >= OP_LT && op <= OP_NE)
		v = truth(compare(op, l, r));
	else
		v = arith(op, l, r);
	v.borderline = l.borderline || r.borderline;
	return v;
}

/* Kleene and (decisive 0) or or (decisive 1).  A result decided by an
 * operand is borderline only if every deciding operand is: one firm false
 * makes `and` firmly false whatever the others' edges. */
static struct value kleene(int decisive, struct value a, struct value b)
{
	int ta = value_truth(a), tb = value_truth(b);
	struct value v;

	if (ta == decisive || tb == decisive) {
		v = value_bool(decisive);
		v.borderline = (ta != decisive || a.borderline) &&
			(tb != decisive || b.borderline);
		return v;
	}
	v = ta < 0 || tb < 0 ? value_unknown() : value_bool(!decisive);
	v.borderline = a.borderline || b.borderline;
	return v;
}

static bool add_years_day(int64_t day, int64_t n, int64_t *out)
{
	if (day < DAY_FIRST || day > DAY_LAST || n < -9999 || n > 9999)
		return false;
	struct date d = date_from_days((daynum)day);
	if (d.y + n < 1000 || d.y + n > 9999)
		return false;
	*out = date_days(date_add_years(d, (int)n, DATE_LEAP_MAR1));
	return true;
}

/* Whole calendar years from day a to day b (negative when b < a), as a
 * person counts them (date_span). */
static bool years_between(int64_t a, int64_t b, int64_t *out)
{
	if (a < DAY_FIRST || a > DAY_LAST || b < DAY_FIRST || b > DAY_LAST)
		return false;
	struct date_span s = date_span(date_from_days((daynum)a),
				       date_from_days((daynum)b));
	*out = b >= a ? s.y : -date_span(date_from_days((daynum)b),
					 date_from_days((daynum)a)).y;
	return true;
}

static bool year_of(int64_t day, int64_t *out)
{
	if (day < DAY_FIRST || day > DAY_LAST)
		return false;
	*out = date_from_days((daynum)day).y;
	return true;
}

/* The strict functions of one or two arguments (b is a for one).  Each is
 * monotone in every argument, so the interval ends map to the result's. */
static struct value call(int op, struct value a, struct value b)
{
	struct value v = value_unknown();
	int64_t lo, hi;
	bool dates = a.type == VAL_DATE && b.type == VAL_DATE;
	bool date_int = a.type == VAL_DATE && b.type == VAL_INT;

	if (op == OP_ADD_DAYS && date_int)
		v = arith(OP_ADD, a, b);
	else if (op == OP_DAYS && dates)
		v = arith(OP_SUB, b, a);
	else if (op == OP_ADD_YEARS && date_int &&
		 add_years_day(a.lo, b.lo, &lo) && add_years_day(a.hi, b.hi, &hi))
		v = interval(VAL_DATE, lo, hi);
	else if (op == OP_YEARS && dates && years_between(a.hi, b.lo, &lo) &&
		 years_between(a.lo, b.hi, &hi))
		v = interval(VAL_INT, lo, hi > lo ? hi : lo);
	else if (op == OP_YEAR && a.type == VAL_DATE &&
		 year_of(a.lo, &lo) && year_of(a.hi, &hi))
		v = interval(VAL_INT, lo, hi);
	else if ((op == OP_MIN || op == OP_MAX) && a.type == b.type &&
		 (a.type == VAL_INT || a.type == VAL_DATE))
		v = op == OP_MIN ?
			interval(a.type, min64(a.lo, b.lo), min64(a.hi, b.hi)) :
			interval(a.type, max64(a.lo, b.lo), max64(a.hi, b.hi));
	v.borderline = a.borderline || b.borderline;
	return v;
}

static struct value eval(const struct expr *e, const struct value *facts,
			 struct expr_missing *m);

static struct value eval_logic(const struct expr *e,
			       const struct value *facts,
			       struct expr_missing *m)
{
	int decisive = e->op == OP_OR;
	struct value acc = value_bool(!decisive);       /* the identity */
	for (uint16_t i = 0; i < e->n; i++) {
		acc = kleene(decisive, acc, eval(e->kid[i], facts, m));
		/* Firmly decided: no later operand can change the result or
		 * its borderline, and none can be missing. */
		if (value_truth(acc) == decisive && !acc.borderline)
			break;
	}
	return acc;
}

static bool same_value(struct value a, struct value b)
{
	if (a.type != b.type || a.type == VAL_UNKNOWN)
		return false;
	if (a.type == VAL_STR)
		return strcmp(a.s, b.s) == 0;
	/* equal ranges are not equal values: 4-m and m share [1, 3] for m in
	 * [1, 3] yet differ at every point but 2, so only points compare */
	return a.lo == a.hi && a.lo == b.lo && a.hi == b.hi;
}

static struct value eval_if(const struct expr *e, const struct value *facts,
			    struct expr_missing *m)
{
	struct value c = eval(e->kid[0], facts, m), v;
	int t = value_truth(c);

	if (t >= 0) {
		v = eval(e->kid[t ? 1 : 2], facts, m);
		v.borderline = v.borderline || c.borderline;
		return v;
	}
	struct value a = eval(e->kid[1], facts, m);
	struct value b = eval(e->kid[2], facts, m);
	if (same_value(a, b)) {
		a.borderline = a.borderline || b.borderline;
		return a;
	}
	v = value_unknown();
	v.borderline = c.borderline || a.borderline || b.borderline;
	return v;
}

static struct value eval_kids(const struct expr *e, const struct value *facts,
			      struct expr_missing *m)
{
	struct value a = eval(e->kid[0], facts, m);
	struct value b = e->n > 1 ? eval(e->kid[1], facts, m) : a;

	if (e->op == OP_BETWEEN) {
		struct value hi = eval(e->kid[2], facts, m);
		return kleene(0, apply(OP_LE, b, a), apply(OP_LE, a, hi));
	}
	if (e->op == OP_NEG)
		return apply(OP_SUB, value_int(0), a);
	if (e->op >= OP_LT && e->op <= OP_DIV)
		return apply(e->op, a, b);
	return call(e->op, a, b);
}

static struct value eval_node(const struct expr *e, const struct value *facts,
			      struct expr_missing *m)
{
	struct value v;

	switch (e->op) {
	case OP_UNKNOWN: return value_unknown();
	case OP_BOOL: return value_bool(e->u.num != 0);
	case OP_INT: return value_int(e->u.num);
	case OP_DATE: return value_date(e->u.num);
	case OP_STR: return value_str(e->u.str);
	case OP_FACT:
		v = fact_value(e, facts);
		if (v.type == VAL_UNKNOWN)
			add_missing(m, e->u.fact);
		return v;
	case OP_AND:
	case OP_OR:
		return eval_logic(e, facts, m);
	case OP_NOT:
		v = eval(e->kid[0], facts, m);
		int t = value_truth(v);
		return (struct value){.type = t < 0 ? VAL_UNKNOWN : VAL_BOOL,
			.borderline = v.borderline, .lo = !t, .hi = !t};
	case OP_KNOWN:
		/* Known-ness needs no facts, so nothing it looks at is
		 * missing: evaluate without a report. */
		return value_bool(eval(e->kid[0], facts, NULL).type !=
				  VAL_UNKNOWN);
	case OP_IF:
		return eval_if(e, facts, m);
	}
	return eval_kids(e, facts, m);
}

/* A fact is missing only when the result is unknown because of it, so a
 * node whose result is known takes back whatever its operands reported.
 * Every node adds after its operands and removes only its own additions,
 * so restoring the count is enough. */
static struct value eval(const struct expr *e, const struct value *facts,
			 struct expr_missing *m)
{
	uint8_t mark = m ? m->n : 0;
	struct value v = eval_node(e, facts, m);
	if (m && v.type != VAL_UNKNOWN)
		m->n = mark;
	return v;
}

struct value expr_eval(const struct expr *e, const struct value *facts,
		       struct expr_missing *missing)
{
	if (!e)
		return value_unknown();
	return eval(e, facts, missing);
}
