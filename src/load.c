/* load.c - case files to cases, driven by tables of {key, type, offset}.
 *
 * Every key of case-format.md has one row here; a key not in the table is an
 * error (typos must not silently drop facts), as is the same key twice.  A
 * document with any error is reported in full and left out; the next one
 * is read as usual.  Dates that are possible but unlikely are warnings, and
 * the case stays (check_dates).
 */
#define _POSIX_C_SOURCE 200809L
#include "load.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum ftype {
	F_STR,          /* any non-null scalar, copied */
	F_DATE,
	F_BOOL,         /* tri, true/false only */
	F_ENUM,         /* int8, names from .e */
	F_INT,          /* int32, >= 0 */
	F_STRLIST,      /* sequence of strings: const char ** + uint32 count */
	F_UNTIL,        /* entry.authorized_until: date or D/S */
	F_CUSTOM,       /* .fn reads it */
};

struct conv;
typedef bool (*field_fn)(struct conv *cv, const struct ynode *v, void *obj);

struct field {
	const char *key;
	uint8_t type;
	bool required;
	uint16_t off;           /* offset in the target struct */
	uint16_t off2;          /* F_STRLIST: offset of the count */
	const struct enum_def *e;
	field_fn fn;
};

struct conv {
	struct yreader *r;
	struct arena *out;
	const struct load_vocab *vocab;
	struct cw_case *c;
	struct date as_of;      /* known: load_buffer_opts resolves DATE_NONE */
};

#define FIELD_OF(st, name) ((uint16_t)offsetof(st, name))

/* ---- scalars ---------------------------------------------------------- */

static bool want_scalar(struct conv *cv, const struct ynode *v,
			const char *what)
{
	if (v->kind == YN_SCALAR)
		return true;
	yreader_error(cv->r, v, "expected %s, found %s", what,
		      ynode_kind_name(v));
	return false;
}

static const char *copy_string(struct conv *cv, const struct ynode *v)
{
	if (!want_scalar(cv, v, "a string"))
		return NULL;
	if (memchr(v->s, '\0', v->n)) {
		yreader_error(cv->r, v, "string contains a NUL character");
		return NULL;
	}
	return arena_strndup(cv->out, v->s, v->n);
}

static bool read_date(struct conv *cv, const struct ynode *v, struct date *d)
{
	const char *err;
	if (!want_scalar(cv, v, "a date (YYYY-MM-DD)"))
		return false;
	if (!date_parse(v->s, v->n, d, &err)) {
		yreader_error(cv->r, v, "invalid date '%.40s': %s", v->s, err);
		return false;
	}
	return true;
}

static bool read_bool(struct conv *cv, const struct ynode *v, int8_t *b)
{
	static const char *const yes[] = { "true", "True", "TRUE" };
	static const char *const no[] = { "false", "False", "FALSE" };
	if (v->kind == YN_SCALAR && v->plain)
		for (int i = 0; i < 3; i++) {
			if (!strcmp(v->s, yes[i]))
				return *b = TRI_TRUE, true;
			if (!strcmp(v->s, no[i]))
				return *b = TRI_FALSE, true;
		}
	yreader_error(cv->r, v, "expected true or false, found %s%s%.40s%s",
		      ynode_kind_name(v), v->kind == YN_SCALAR ? " '" : "",
		      v->kind == YN_SCALAR ? v->s : "",
		      v->kind == YN_SCALAR ? "'" : "");
	return false;
}

static bool read_int(struct conv *cv, const struct ynode *v, int32_t *out)
{
	if (!want_scalar(cv, v, "a whole number"))
		return false;
	const char *s = v->s;
	if (*s == '-' && s[1]) {
		yreader_error(cv->r, v, "must not be negative: '%.40s'", s);
		return false;
	}
	size_t n = strspn(s, "0123456789");
	if (n == 0 || n != v->n) {
		yreader_error(cv->r, v, "expected a whole number, found '%.40s'",
			      s);
		return false;
	}
	if (n > 9) {
		yreader_error(cv->r, v, "number too large: '%.40s'", s);
		return false;
	}
	*out = (int32_t)strtol(s, NULL, 10);
	return true;
}

static void list_allowed(const struct enum_def *e, char *buf, size_t sz)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < e->count && used < sz; i++)
		used += (size_t)snprintf(buf + used, sz - used, "%s%s",
					 i ? ", " : "", e->names[i]);
}

static bool read_enum(struct conv *cv, const struct ynode *v,
		      const struct enum_def *e, int8_t *out)
{
	if (!want_scalar(cv, v, "a name"))
		return false;
	int x = enum_value(e, v->s, v->n);
	if (x < 0) {
		char allowed[512];
		list_allowed(e, allowed, sizeof(allowed));
		yreader_error(cv->r, v, "unknown %s '%.40s' (allowed: %s)",
			      e->what, v->s, allowed);
		return false;
	}
	*out = (int8_t)x;
	return true;
}

static bool read_strlist(struct conv *cv, const struct ynode *v,
			 const char ***list, uint32_t *count)
{
	if (v->kind != YN_SEQ) {
		yreader_error(cv->r, v, "expected a sequence of strings, "
			      "found %s", ynode_kind_name(v));
		return false;
	}
	const char **l = arena_alloc(cv->out, (v->n + 1) * sizeof(*l));
	bool ok = true;
	for (uint32_t i = 0; i < v->n; i++) {
		l[i] = copy_string(cv, v->kids[i]);
		ok = ok && l[i];
	}
	*list = l;
	*count = v->n;
	return ok;
}

/* ---- mappings --------------------------------------------------------- */

/* Edit distance, for "did you mean" on unknown keys. */
static unsigned distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned row[64];
	if (la > 60 || lb > 60)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned prev = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned cur = row[j];
			unsigned sub = prev + (a[i - 1] != b[j - 1]);
			unsigned m = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1
								 : row[j - 1] + 1;
			row[j] = m < sub ? m : sub;
			prev = cur;
		}
	}
	return row[lb];
}

struct table {
	const struct field *f;
	size_t n;
};

static void unknown_key(struct conv *cv, const struct ynode *k,
			const struct table *t, size_t nt, const char *where)
{
	char allowed[768];
	size_t used = 0;
	const char *best = NULL;
	unsigned bestd = 3;
	allowed[0] = '\0';
	for (size_t i = 0; i < nt; i++)
		for (size_t j = 0; j < t[i].n; j++) {
			const char *key = t[i].f[j].key;
			if (used < sizeof(allowed))
				used += (size_t)snprintf(allowed + used,
						sizeof(allowed) - used, "%s%s",
						used ? ", " : "", key);
			unsigned d = distance(k->s, key);
			if (d < bestd) {
				bestd = d;
				best = key;
			}
		}
	if (best)
		yreader_error(cv->r, k, "unknown key '%.60s' in %s; did you "
			      "mean '%s'?", k->s, where, best);
	else
		yreader_error(cv->r, k, "unknown key '%.60s' in %s (allowed: "
			      "%s)", k->s, where, allowed);
}

static bool read_value(struct conv *cv, const struct field *f,
		       const struct ynode *v, void *obj)
{
	char *base = obj;
	switch (f->type) {
	case F_STR: {
		const char *s = copy_string(cv, v);
		if (s)
			*(const char **)(base + f->off) = s;
		return s != NULL;
	}
	case F_DATE:
		return read_date(cv, v, (struct date *)(base + f->off));
	case F_BOOL:
		return read_bool(cv, v, (int8_t *)(base + f->off));
	case F_ENUM:
		return read_enum(cv, v, f->e, (int8_t *)(base + f->off));
	case F_INT:
		return read_int(cv, v, (int32_t *)(base + f->off));
	case F_STRLIST:
		return read_strlist(cv, v, (const char ***)(base + f->off),
				    (uint32_t *)(base + f->off2));
	case F_UNTIL: {
		struct event *e = obj;
		if (v->kind == YN_SCALAR && !strcmp(v->s, "D/S")) {
			e->authorized_ds = true;
			return true;
		}
		return read_date(cv, v, &e->authorized_until);
	}
	case F_CUSTOM:
		return f->fn(cv, v, obj);
	}
	return false;
}

/* Reads mapping m into obj by the tables t[0..nt).  Keys for which `skip`
 * returns true are left to the caller.  Returns false on any error. */
static bool read_mapping(struct conv *cv, const struct ynode *m,
			 const struct table *t, size_t nt, void *obj,
			 const char *where,
			 bool (*skip)(const struct ynode *key))
{
	bool ok = true;
	uint64_t seen[4] = { 0 };
	if (m->kind != YN_MAP) {
		yreader_error(cv->r, m, "expected a mapping (%s), found %s",
			      where, ynode_kind_name(m));
		return false;
	}
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (k->kind != YN_SCALAR) {
			yreader_error(cv->r, k, "expected a key, found %s",
				      ynode_kind_name(k));
			ok = false;
			continue;
		}
		if (skip && skip(k))
			continue;
		const struct field *f = NULL;
		size_t slot = 0;
		for (size_t a = 0; a < nt && !f; a++)
			for (size_t b = 0; b < t[a].n; b++, slot++)
				if (t[a].f[b].key[0] == k->s[0] &&
				    !strcmp(t[a].f[b].key, k->s)) {
					f = &t[a].f[b];
					break;
				}
		if (!f) {
			unknown_key(cv, k, t, nt, where);
			ok = false;
			continue;
		}
		if (seen[slot / 64] & (1ull << (slot % 64))) {
			yreader_error(cv->r, k, "duplicate key '%s' in %s",
				      k->s, where);
			ok = false;
			continue;
		}
		seen[slot / 64] |= 1ull << (slot % 64);
		if (ynode_is_null(v)) {
			if (f->required) {
				yreader_error(cv->r, v, "missing value for "
					      "required key '%s'", f->key);
				ok = false;
			}
			continue;
		}
		ok = read_value(cv, f, v, obj) && ok;
	}
	size_t slot = 0;
	for (size_t a = 0; a < nt; a++)
		for (size_t b = 0; b < t[a].n; b++, slot++)
			if (t[a].f[b].required &&
			    !(seen[slot / 64] & (1ull << (slot % 64)))) {
				yreader_error(cv->r, m, "missing required key "
					      "'%s' in %s", t[a].f[b].key, where);
				ok = false;
			}
	return ok;
}

/* Finds the value of key in mapping m, or NULL. */
static const struct ynode *map_get(const struct ynode *m, const char *key)
{
	if (m->kind != YN_MAP)
		return NULL;
	for (uint32_t i = 0; i < m->n; i++)
		if (ynode_scalar_is(m->kids[2 * i], key))
			return m->kids[2 * i + 1];
	return NULL;
}

/* ---- person ----------------------------------------------------------- */

static bool is_id_char(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
	       (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
}

static bool read_a_number(struct conv *cv, const struct ynode *v, void *obj)
{
	struct person *p = obj;
	if (!want_scalar(cv, v, "an A-number"))
		return false;
	size_t digits = 0;
	bool ok = v->s[0] == 'A';
	for (uint32_t i = 1; ok && i < v->n; i++) {
		if (v->s[i] >= '0' && v->s[i] <= '9')
			digits++;
		else if (v->s[i] != '-')
			ok = false;
	}
	if (!ok || (digits != 8 && digits != 9)) {
		yreader_error(cv->r, v, "a_number must be A followed by 8 or 9 "
			      "digits (dashes allowed), found '%.40s'", v->s);
		return false;
	}
	p->a_number = arena_strndup(cv->out, v->s, v->n);
	return true;
}

/* An ISO 3166-1 alpha-2 code, copied; NULL after an error naming key. */
static const char *read_country(struct conv *cv, const struct ynode *v,
				const char *key)
{
	if (!want_scalar(cv, v, "a country code"))
		return NULL;
	if (v->n != 2 || v->s[0] < 'A' || v->s[0] > 'Z' || v->s[1] < 'A' ||
	    v->s[1] > 'Z') {
		yreader_error(cv->r, v, "%s must be an ISO 3166-1 alpha-2 code "
			      "such as MX, found '%.40s'", key, v->s);
		return NULL;
	}
	return arena_strndup(cv->out, v->s, 2);
}

static bool read_nationality(struct conv *cv, const struct ynode *v,
			     void *obj)
{
	struct person *p = obj;
	p->nationality = read_country(cv, v, "nationality");
	return p->nationality != NULL;
}

static const struct field person_fields[] = {
	{ "name", F_STR, false, FIELD_OF(struct person, name), 0, NULL, NULL },
	{ "a_number", F_CUSTOM, false, 0, 0, NULL, read_a_number },
	{ "born", F_DATE, false, FIELD_OF(struct person, born), 0, NULL, NULL },
	{ "nationality", F_CUSTOM, false, 0, 0, NULL, read_nationality },
	{ "languages", F_STRLIST, false, FIELD_OF(struct person, languages),
	  FIELD_OF(struct person, n_languages), NULL, NULL },
	{ "lpr_since", F_DATE, false, FIELD_OF(struct person, lpr_since), 0,
	  NULL, NULL },
	{ "lpr_via", F_ENUM, false, FIELD_OF(struct person, lpr_via), 0,
	  &lpr_via_def, NULL },
	{ "married", F_BOOL, false, FIELD_OF(struct person, married), 0, NULL,
	  NULL },
	{ "married_on", F_DATE, false, FIELD_OF(struct person, married_on), 0,
	  NULL, NULL },
};

/* ---- events ----------------------------------------------------------- */

#define EV(name) FIELD_OF(struct event, name)
#define EF(key, type, name, e) { key, type, false, EV(name), 0, e, NULL }
#define EFR(key, type, name, e) { key, type, true, EV(name), 0, e, NULL }

static const struct field ev_common[] = {
	EFR("date", F_DATE, date, NULL),
	EFR("type", F_ENUM, type, &event_type_def),
	EF("note", F_STR, note, NULL),
};
static const struct field ev_entry[] = {
	EF("manner", F_ENUM, manner, &manner_def),
	EF("status", F_STR, visa_status, NULL),
	{ "authorized_until", F_UNTIL, false, 0, 0, NULL, NULL },
	EF("at_port", F_BOOL, at_port, NULL),
	EF("j1_gme", F_BOOL, j1_gme, NULL),
	EF("j1_212e", F_BOOL, j1_212e, NULL),
	EF("j1_212e_met", F_BOOL, j1_212e_met, NULL),
	EF("program_end", F_DATE, program_end, NULL),
};
/* status_violation_found.by is USCIS or IJ: the first two finders */
static const char *const svf_names[] = { "USCIS", "IJ" };
static const struct enum_def svf_def = { "finder", svf_names, 2 };
static const struct field ev_svf[] = {
	EF("by", F_ENUM, by, &svf_def),
};
static const struct field ev_petition[] = {
	EF("form", F_ENUM, form, &form_def),
	EF("category", F_ENUM, category, &category_def),
	EF("outcome", F_ENUM, outcome, &petition_outcome_def),
	EF("basis", F_ENUM, basis, &petition_basis_def),
	EF("decided", F_DATE, decided, NULL),
	EF("petitioner", F_ENUM, petitioner, &petitioner_def),
	EF("approvable_when_filed", F_BOOL, approvable, NULL),
	EF("priority_date", F_DATE, priority_date, NULL),
};
static const struct field ev_status_granted[] = {
	EFR("status", F_ENUM, status, &status_def),
	EF("class", F_STR, klass, NULL),
	EF("until", F_DATE, until, NULL),
};
static const struct field ev_encounter[] = {
	EF("agency", F_STR, agency, NULL),
	EF("near_border", F_BOOL, near_border, NULL),
	EF("between_ports", F_BOOL, between_ports, NULL),
	EF("at_port", F_BOOL, at_port, NULL),
	EF("detained", F_BOOL, detained, NULL),
};
static const struct field ev_vr[] = {
	EF("advised", F_BOOL, advised, NULL),
	EF("depart_by", F_DATE, depart_by, NULL),
	EF("safeguards", F_BOOL, safeguards, NULL),
};
static const struct field ev_nta[] = {
	EF("time_place", F_BOOL, time_place, NULL),
	EF("arriving", F_BOOL, arriving, NULL),
	EF("filed", F_DATE, filed, NULL),
	EF("oral_notice", F_BOOL, oral_notice, NULL),
	EF("language", F_STR, language, NULL),
	EF("hearing_date", F_DATE, hearing_date, NULL),
};
static const struct field ev_hearing_notice[] = {
	EF("time_place", F_BOOL, time_place, NULL),
	EF("oral_notice", F_BOOL, oral_notice, NULL),
	EF("language", F_STR, language, NULL),
	EF("hearing_date", F_DATE, hearing_date, NULL),
};
/* hearing.time: "HH:MM", 24-hour, local time at the court */
static bool read_time(struct conv *cv, const struct ynode *v, void *obj)
{
	struct event *e = obj;
	const char *s = v->kind == YN_SCALAR ? v->s : "";
	bool ok = v->kind == YN_SCALAR && (v->n == 4 || v->n == 5);
	size_t h = v->n == 4 ? 1 : 2;
	for (size_t i = 0; ok && i < v->n; i++)
		ok = i == h ? s[i] == ':' : s[i] >= '0' && s[i] <= '9';
	int hh = ok ? atoi(s) : 0, mm = ok ? atoi(s + h + 1) : 0;
	if (!ok || hh > 23 || mm > 59) {
		if (want_scalar(cv, v, "a time (HH:MM)"))
			yreader_error(cv->r, v, "time must be HH:MM on a 24-hour "
				      "clock (09:30, 14:00), found '%.40s'", s);
		return false;
	}
	e->minute = (int16_t)(hh * 60 + mm);
	return true;
}

/* with scheduled: true, appeared and absence_reason are refused
 * (check_scheduled) */
static const struct field ev_hearing[] = {
	EF("kind", F_ENUM, kind, &hearing_kind_def),
	EF("appeared", F_BOOL, appeared, NULL),
	EF("counsel", F_BOOL, counsel, NULL),
	EF("absence_reason", F_ENUM, absence_reason, &absence_reason_def),
	EF("scheduled", F_BOOL, scheduled, NULL),
	{ "time", F_CUSTOM, false, 0, 0, NULL, read_time },
	EF("court", F_STR, court, NULL),
};
static const struct field ev_motion[] = {
	EF("kind", F_ENUM, kind, &motion_kind_def),
	EF("ground", F_STR, ground, NULL),
	EF("outcome", F_ENUM, outcome, &motion_outcome_def),
	EF("basis", F_ENUM, basis, &motion_basis_def),
	EF("decided", F_DATE, decided, NULL),
	EF("filed_with", F_ENUM, filed_with, &tribunal_def),
};
static const struct field ev_application[] = {
	EFR("relief", F_ENUM, relief, &relief_def),
	EF("timely", F_BOOL, timely, NULL),
	EF("nonfrivolous", F_BOOL, nonfrivolous, NULL),
};
static const struct field ev_decision[] = {
	EFR("outcome", F_ENUM, outcome, &outcome_def),
	EF("relief", F_ENUM, relief, &relief_def),
	EF("depart_by", F_DATE, depart_by, NULL),
	EF("stage", F_ENUM, stage, &vd_stage_def),
	EF("bond_posted", F_DATE, bond_posted, NULL),
	EF("by", F_ENUM, by, &finder_def),
	EF("conditional", F_BOOL, conditional, NULL),
};

/* departure.to: a country code, kept as text */
static bool read_departure_to(struct conv *cv, const struct ynode *v,
			      void *obj)
{
	struct event *e = obj;
	e->country = read_country(cv, v, "to");
	return e->country != NULL;
}

static const struct field ev_departure[] = {
	EF("kind", F_ENUM, kind, &departure_kind_def),
	EF("verified", F_BOOL, verified, NULL),
	EF("nonvoluntary", F_BOOL, nonvoluntary, NULL),
	EF("abandoned_residence", F_BOOL, abandoned_residence, NULL),
	{ "to", F_CUSTOM, false, 0, 0, NULL, read_departure_to },
};
static const struct field ev_appeal[] = {
	EF("to", F_ENUM, to, &appeal_to_def),
	EF("stage", F_ENUM, stage, &appeal_stage_def),
	EF("outcome", F_ENUM, outcome, &appeal_outcome_def),
};

/* status_ended.status: a status of status_granted, kept as its name */
static bool read_ended(struct conv *cv, const struct ynode *v, void *obj)
{
	struct event *e = obj;
	int8_t x;
	if (!read_enum(cv, v, &status_def, &x))
		return false;
	e->ended = enum_name(&status_def, x);
	return true;
}

static const struct field ev_status_ended[] = {
	{ "status", F_CUSTOM, false, 0, 0, NULL, read_ended },
	EF("reason", F_ENUM, reason, &end_reason_def),
};
static const struct field ev_misrepresentation[] = {
	EF("kind", F_ENUM, kind, &misrep_kind_def),
	EF("purpose", F_ENUM, purpose, &misrep_purpose_def),
	EF("willful", F_BOOL, willful, NULL),
	EF("material", F_BOOL, material, NULL),
	EF("retracted_timely", F_BOOL, retracted_timely, NULL),
	EF("exception_usc_parents", F_BOOL, exception_usc_parents, NULL),
};

#define TBL(a) { a, sizeof(a) / sizeof(a[0]) }
static const struct table ev_tables[EV__COUNT] = {
	[EV_ENTRY] = TBL(ev_entry),
	[EV_STATUS_VIOLATION_FOUND] = TBL(ev_svf),
	[EV_PETITION] = TBL(ev_petition),
	[EV_STATUS_GRANTED] = TBL(ev_status_granted),
	[EV_ENCOUNTER] = TBL(ev_encounter),
	[EV_VOLUNTARY_RETURN] = TBL(ev_vr),
	[EV_WITHDRAWAL_AT_PORT] = { NULL, 0 },
	[EV_NTA_SERVED] = TBL(ev_nta),
	[EV_HEARING_NOTICE] = TBL(ev_hearing_notice),
	[EV_HEARING] = TBL(ev_hearing),
	[EV_MOTION] = TBL(ev_motion),
	[EV_APPLICATION] = TBL(ev_application),
	[EV_DECISION] = TBL(ev_decision),
	[EV_EXPEDITED_REMOVAL] = { NULL, 0 },
	[EV_REINSTATEMENT] = { NULL, 0 },
	[EV_ADMIN_REMOVAL] = { NULL, 0 },
	[EV_DEPARTURE] = TBL(ev_departure),
	[EV_APPEAL] = TBL(ev_appeal),
	[EV_STATUS_ENDED] = TBL(ev_status_ended),
	[EV_MISREPRESENTATION] = TBL(ev_misrepresentation),
};

/* "an 'entry' event" and so on, for messages: made when compiling, as
 * every event of every case names its kind. */
#define EVENT_WHERE(id, name) [id] = "an '" name "' event",
static const char *const event_where[EV__COUNT] = { EVENT_TYPES(EVENT_WHERE) };
#undef EVENT_WHERE

/* A hearing with scheduled: true has not happened yet: no attendance. */
static bool check_scheduled(struct conv *cv, const struct ynode *m,
			    const struct event *e)
{
	static const char *const refused[] = { "appeared", "absence_reason" };
	bool ok = true;
	if (e->type != EV_HEARING || e->scheduled != TRI_TRUE)
		return true;
	for (uint32_t i = 0; i < m->n; i++)
		for (size_t k = 0; k < 2; k++)
			if (ynode_scalar_is(m->kids[2 * i], refused[k]) &&
			    !ynode_is_null(m->kids[2 * i + 1])) {
				yreader_error(cv->r, m->kids[2 * i], "key '%s' not "
					      "allowed in a hearing with scheduled: "
					      "true (it has not taken place)",
					      refused[k]);
				ok = false;
			}
	return ok;
}

static bool read_event(struct conv *cv, const struct ynode *m,
		       struct event *e)
{
	struct table t[2] = { TBL(ev_common), { NULL, 0 } };
	const char *where = "an event";
	const struct ynode *tv = map_get(m, "type");
	/* The type decides which keys are allowed: read it first. */
	if (tv && tv->kind == YN_SCALAR) {
		int x = enum_value(&event_type_def, tv->s, tv->n);
		if (x >= 0) {
			t[1] = ev_tables[x];
			where = event_where[x];
		} else {
			/* an unknown type: report it, and only it */
			int8_t dummy;
			read_enum(cv, tv, &event_type_def, &dummy);
			return false;
		}
	}
	e->pos = (struct pos){ m->line, m->col };
	bool ok = read_mapping(cv, m, t, t[1].f ? 2 : 1, e, where, NULL);
	return check_scheduled(cv, m, e) && ok;
}

/* ---- offenses, relatives, claims -------------------------------------- */

#define CLS_FIELD(id, name) { name, F_BOOL, false, \
	(uint16_t)(offsetof(struct offense, cls) + (id)), 0, NULL, NULL },
static const struct field class_fields[] = { CLASSES(CLS_FIELD) };

static bool read_classes(struct conv *cv, const struct ynode *v, void *obj)
{
	static const struct table t = TBL(class_fields);
	return read_mapping(cv, v, &t, 1, obj, "classification", NULL);
}

static bool read_charge(struct conv *cv, const struct ynode *v, void *obj)
{
	struct offense *o = obj;
	if (!want_scalar(cv, v, "an offense id"))
		return false;
	const struct load_vocab *voc = cv->vocab;
	if (voc) {
		for (size_t i = 0; i < voc->n; i++)
			if (!strcmp(voc->ids[i], v->s)) {
				o->charge = voc->ids[i];
				return true;
			}
		char allowed[768];
		size_t used = 0;
		allowed[0] = '\0';
		for (size_t i = 0; i < voc->n && used < sizeof(allowed); i++)
			used += (size_t)snprintf(allowed + used,
					sizeof(allowed) - used, "%s%s",
					i ? ", " : "", voc->ids[i]);
		yreader_error(cv->r, v, "unknown charge '%.40s' (allowed: %s)",
			      v->s, allowed);
		return false;
	}
	o->charge = arena_strndup(cv->out, v->s, v->n);
	return true;
}

#define OF(name) FIELD_OF(struct offense, name)
static const struct field offense_fields[] = {
	{ "charge", F_CUSTOM, true, 0, 0, NULL, read_charge },
	{ "date", F_DATE, false, OF(date), 0, NULL, NULL },
	{ "convicted", F_BOOL, false, OF(convicted), 0, NULL, NULL },
	{ "conviction_date", F_DATE, false, OF(conviction_date), 0, NULL, NULL },
	{ "sentence_days", F_INT, false, OF(sentence_days), 0, NULL, NULL },
	{ "max_days", F_INT, false, OF(max_days), 0, NULL, NULL },
	{ "grade", F_ENUM, false, OF(grade), 0, &grade_def, NULL },
	{ "confined_days", F_INT, false, OF(confined_days), 0, NULL, NULL },
	{ "scheme", F_STR, false, OF(scheme), 0, NULL, NULL },
	{ "vacated", F_ENUM, false, OF(vacated), 0, &vacated_def, NULL },
	{ "juvenile", F_BOOL, false, OF(juvenile), 0, NULL, NULL },
	{ "classification", F_CUSTOM, false, 0, 0, NULL, read_classes },
	{ "suspended_days", F_INT, false, OF(suspended_days), 0, NULL, NULL },
};

#define RF(name) FIELD_OF(struct relative, name)
static const struct field relative_fields[] = {
	{ "relation", F_ENUM, true, RF(relation), 0, &relation_def, NULL },
	{ "status", F_ENUM, false, RF(status), 0, &rel_status_def, NULL },
	{ "born", F_DATE, false, RF(born), 0, NULL, NULL },
	{ "married", F_BOOL, false, RF(married), 0, NULL, NULL },
	{ "status_since", F_DATE, false, RF(status_since), 0, NULL, NULL },
	{ "hardship", F_ENUM, false, RF(hardship), 0, &hardship_def, NULL },
	{ "petitioner", F_BOOL, false, RF(petitioner), 0, NULL, NULL },
};

#define CF(name) FIELD_OF(struct claims, name)
static const struct field claims_fields[] = {
	{ "fear_of_return", F_BOOL, false, CF(fear_of_return), 0, NULL, NULL },
	{ "crime_victim", F_BOOL, false, CF(crime_victim), 0, NULL, NULL },
	{ "trafficking_victim", F_BOOL, false, CF(trafficking_victim), 0, NULL,
	  NULL },
	{ "abused_by", F_ENUM, false, CF(abused_by), 0, &abuser_def, NULL },
	{ "abuse_connected", F_BOOL, false, CF(abuse_connected), 0, NULL,
	  NULL },
	{ "unaccompanied_child", F_BOOL, false, CF(unaccompanied_child), 0,
	  NULL, NULL },
	{ "good_moral_character", F_BOOL, false, CF(good_moral_character), 0,
	  NULL, NULL },
	{ "vawa_self_petitioner", F_BOOL, false, CF(vawa_self_petitioner), 0,
	  NULL, NULL },
	{ "abuse_connection_overstay", F_BOOL, false,
	  CF(abuse_connection_overstay), 0, NULL, NULL },
	{ "abuse_central_vd", F_BOOL, false, CF(abuse_central_vd), 0, NULL,
	  NULL },
	{ "abuse_connection_reentry", F_BOOL, false,
	  CF(abuse_connection_reentry), 0, NULL, NULL },
	{ "trafficking_central_reason", F_BOOL, false,
	  CF(trafficking_central_reason), 0, NULL, NULL },
	{ "asylum_exception", F_ENUM, false, CF(asylum_exception), 0,
	  &asylum_exception_def, NULL },
	{ "asylum_exception_date", F_DATE, false, CF(asylum_exception_date), 0,
	  NULL, NULL },
	{ "marriage_fraud_found", F_BOOL, false, CF(marriage_fraud_found), 0,
	  NULL, NULL },
};

#define EMF(name) FIELD_OF(struct employment, name)
static const struct field employment_fields[] = {
	{ "from", F_DATE, true, EMF(from), 0, NULL, NULL },
	{ "to", F_DATE, false, EMF(to), 0, NULL, NULL },
	{ "authorized", F_BOOL, true, EMF(authorized), 0, NULL, NULL },
	{ "note", F_STR, false, EMF(note), 0, NULL, NULL },
};

#define WB(name) FIELD_OF(struct way_back_opts, name)
static const struct field way_back_fields[] = {
	{ "category", F_ENUM, false, WB(category), 0, &wb_category_def, NULL },
	{ "departure", F_DATE, false, WB(departure), 0, NULL, NULL },
	{ "petitioner", F_ENUM, false, WB(petitioner), 0, &relation_def, NULL },
};

/* ---- the case --------------------------------------------------------- */

static bool want_seq(struct conv *cv, const struct ynode *v, const char *what)
{
	if (v->kind == YN_SEQ)
		return true;
	yreader_error(cv->r, v, "expected a sequence of %s, found %s", what,
		      ynode_kind_name(v));
	return false;
}

static bool read_events(struct conv *cv, const struct ynode *v, void *obj)
{
	struct cw_case *c = obj;
	if (!want_seq(cv, v, "events"))
		return false;
	bool ok = true;
	c->events = arena_alloc(cv->out, (v->n + 1) * sizeof(*c->events));
	for (uint32_t i = 0; i < v->n; i++) {
		struct event *e = &c->events[i];
		case_event_init(e);
		e->order = i;
		ok = read_event(cv, v->kids[i], e) && ok;
	}
	c->n_events = v->n;
	return ok;
}

/* The suspended part of a sentence is part of it. */
static bool check_suspended(struct conv *cv, const struct ynode *m,
			    const struct offense *o)
{
	if (o->suspended_days < 0 || o->sentence_days < 0 ||
	    o->suspended_days <= o->sentence_days)
		return true;
	yreader_error(cv->r, map_get(m, "suspended_days"), "suspended_days %d "
		      "is more than sentence_days %d, which includes the "
		      "suspended part", (int)o->suspended_days,
		      (int)o->sentence_days);
	return false;
}

static bool read_offenses(struct conv *cv, const struct ynode *v, void *obj)
{
	struct cw_case *c = obj;
	static const struct table t = TBL(offense_fields);
	if (!want_seq(cv, v, "offenses"))
		return false;
	bool ok = true;
	c->offenses = arena_alloc(cv->out, (v->n + 1) * sizeof(*c->offenses));
	for (uint32_t i = 0; i < v->n; i++) {
		struct offense *o = &c->offenses[i];
		case_offense_init(o);
		o->pos = (struct pos){ v->kids[i]->line, v->kids[i]->col };
		ok = read_mapping(cv, v->kids[i], &t, 1, o, "an offense",
				  NULL) && check_suspended(cv, v->kids[i], o) && ok;
	}
	c->n_offenses = v->n;
	return ok;
}

static bool read_relatives(struct conv *cv, const struct ynode *v, void *obj)
{
	struct cw_case *c = obj;
	static const struct table t = TBL(relative_fields);
	c->has_relatives = true;
	if (!want_seq(cv, v, "relatives"))
		return false;
	bool ok = true;
	c->relatives = arena_alloc(cv->out, (v->n + 1) * sizeof(*c->relatives));
	for (uint32_t i = 0; i < v->n; i++) {
		struct relative *rl = &c->relatives[i];
		case_relative_init(rl);
		rl->pos = (struct pos){ v->kids[i]->line, v->kids[i]->col };
		ok = read_mapping(cv, v->kids[i], &t, 1, rl, "a relative",
				  NULL) && ok;
	}
	c->n_relatives = v->n;
	return ok;
}

/* A period of work ends on or after the day it begins. */
static bool check_period(struct conv *cv, const struct ynode *m,
			 const struct employment *w)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	if (!date_known(w->from) || !date_known(w->to) ||
	    date_hi(w->to) >= date_lo(w->from))
		return true;
	yreader_error(cv->r, map_get(m, "to"), "employment ends (to: %s) "
		      "before it begins (from: %s)", date_format(w->to, a),
		      date_format(w->from, b));
	return false;
}

static bool read_employment(struct conv *cv, const struct ynode *v, void *obj)
{
	struct cw_case *c = obj;
	static const struct table t = TBL(employment_fields);
	c->has_employment = true;
	if (!want_seq(cv, v, "periods of employment"))
		return false;
	bool ok = true;
	c->employment = arena_alloc(cv->out, (v->n + 1) *
				    sizeof(*c->employment));
	for (uint32_t i = 0; i < v->n; i++) {
		struct employment *w = &c->employment[i];
		case_employment_init(w);
		w->pos = (struct pos){ v->kids[i]->line, v->kids[i]->col };
		ok = read_mapping(cv, v->kids[i], &t, 1, w, "a period of "
				  "employment", NULL) &&
		     check_period(cv, v->kids[i], w) && ok;
	}
	c->n_employment = v->n;
	return ok;
}

static bool read_way_back(struct conv *cv, const struct ynode *v, void *obj)
{
	struct cw_case *c = obj;
	static const struct table t = TBL(way_back_fields);
	return read_mapping(cv, v, &t, 1, &c->way_back, "way_back", NULL);
}

/* The position of key's value in mapping m, or 0:0. */
static struct pos value_pos(const struct ynode *m, const char *key)
{
	const struct ynode *v = map_get(m, key);
	return v ? (struct pos){ v->line, v->col } : (struct pos){ 0, 0 };
}

static bool read_person(struct conv *cv, const struct ynode *v, void *obj)
{
	struct cw_case *c = obj;
	static const struct table t = TBL(person_fields);
	c->person.name_pos = value_pos(v, "name");
	c->person.a_number_pos = value_pos(v, "a_number");
	c->person.born_pos = value_pos(v, "born");
	return read_mapping(cv, v, &t, 1, &c->person, "person", NULL);
}

static bool read_claims(struct conv *cv, const struct ynode *v, void *obj)
{
	struct cw_case *c = obj;
	static const struct table t = TBL(claims_fields);
	return read_mapping(cv, v, &t, 1, &c->claims, "claims", NULL);
}

static bool read_format(struct conv *cv, const struct ynode *v, void *obj)
{
	(void)obj;
	if (v->kind == YN_SCALAR && !strcmp(v->s, "casewalk/1"))
		return true;
	yreader_error(cv->r, v, "format must be 'casewalk/1', found %s%.40s%s",
		      v->kind == YN_SCALAR ? "'" : "",
		      v->kind == YN_SCALAR ? v->s : ynode_kind_name(v),
		      v->kind == YN_SCALAR ? "'" : "");
	return false;
}

static bool read_id(struct conv *cv, const struct ynode *v, void *obj)
{
	struct cw_case *c = obj;
	if (!want_scalar(cv, v, "an id"))
		return false;
	bool ok = v->n >= 1 && v->n <= 64;
	for (uint32_t i = 0; ok && i < v->n; i++)
		ok = is_id_char(v->s[i]);
	if (!ok) {
		yreader_error(cv->r, v, "id must be 1-64 characters of "
			      "[A-Za-z0-9._-], found '%.70s'", v->s);
		return false;
	}
	c->id = arena_strndup(cv->out, v->s, v->n);
	c->id_pos = (struct pos){ v->line, v->col };
	return true;
}

/* same_person_as: case ids, each as an id must be written */
static bool read_same_person(struct conv *cv, const struct ynode *v,
			     void *obj)
{
	struct cw_case *c = obj;
	if (!read_strlist(cv, v, &c->same_person_as, &c->n_same_person_as))
		return false;
	bool ok = true;
	for (uint32_t i = 0; i < c->n_same_person_as; i++) {
		const char *id = c->same_person_as[i];
		size_t n = strlen(id);
		bool good = n >= 1 && n <= 64;
		for (size_t k = 0; good && k < n; k++)
			good = is_id_char(id[k]);
		if (!good) {
			yreader_error(cv->r, v->kids[i], "same_person_as names "
				      "case ids (1-64 characters of "
				      "[A-Za-z0-9._-]), found '%.70s'", id);
			ok = false;
		}
	}
	return ok;
}

#define CS(name) FIELD_OF(struct cw_case, name)
static const struct field case_fields[] = {
	{ "format", F_CUSTOM, true, 0, 0, NULL, read_format },
	{ "id", F_CUSTOM, true, 0, 0, NULL, read_id },
	{ "person", F_CUSTOM, true, 0, 0, NULL, read_person },
	{ "events", F_CUSTOM, true, 0, 0, NULL, read_events },
	{ "offenses", F_CUSTOM, false, 0, 0, NULL, read_offenses },
	{ "relatives", F_CUSTOM, false, 0, 0, NULL, read_relatives },
	{ "claims", F_CUSTOM, false, 0, 0, NULL, read_claims },
	{ "employment", F_CUSTOM, false, 0, 0, NULL, read_employment },
	{ "way_back", F_CUSTOM, false, 0, 0, NULL, read_way_back },
	{ "tags", F_STRLIST, false, CS(tags), CS(n_tags), NULL, NULL },
	{ "same_person_as", F_CUSTOM, false, 0, 0, NULL, read_same_person },
	{ "notes", F_STR, false, CS(notes), 0, NULL, NULL },
};

static bool is_xkey(const struct ynode *k)
{
	return k->kind == YN_SCALAR && k->n >= 2 && k->s[0] == 'x' && k->s[1] == '-';
}

/* A one-line rendering of any node, for x- keys; at most `room` bytes. */
static void render(const struct ynode *n, char *buf, size_t room, size_t *used,
		   unsigned depth)
{
	if (*used + 1 >= room)
		return;
	if (n->kind == YN_SCALAR) {
		*used += (size_t)snprintf(buf + *used, room - *used, "%s", n->s);
		if (*used >= room)
			*used = room - 1;
		return;
	}
	bool map = n->kind == YN_MAP;
	size_t count = map ? 2 * (size_t)n->n : n->n;
	*used += (size_t)snprintf(buf + *used, room - *used, map ? "{" : "[");
	for (size_t i = 0; i < count && *used + 1 < room && depth < 8; i++) {
		if (i)
			*used += (size_t)snprintf(buf + *used, room - *used,
						  map && (i % 2) ? ": " : ", ");
		if (*used + 1 < room)
			render(n->kids[i], buf, room, used, depth + 1);
	}
	if (*used + 1 < room)
		*used += (size_t)snprintf(buf + *used, room - *used,
					  map ? "}" : "]");
	if (*used >= room)
		*used = room - 1;
}

static bool read_xkeys(struct conv *cv, const struct ynode *m,
		       struct cw_case *c)
{
	uint32_t n = 0;
	bool ok = true;
	for (uint32_t i = 0; i < m->n; i++)
		n += is_xkey(m->kids[2 * i]);
	if (!n)
		return true;
	c->xkeys = arena_alloc(cv->out, n * sizeof(*c->xkeys));
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		if (!is_xkey(k))
			continue;
		for (uint32_t j = 0; j < c->n_xkeys; j++)
			if (!strcmp(c->xkeys[j].key, k->s)) {
				yreader_error(cv->r, k, "duplicate key '%.60s' in "
					      "the case", k->s);
				ok = false;
			}
		char buf[256];
		size_t used = 0;
		buf[0] = '\0';
		render(m->kids[2 * i + 1], buf, sizeof(buf), &used, 0);
		c->xkeys[c->n_xkeys].key = arena_strndup(cv->out, k->s, k->n);
		c->xkeys[c->n_xkeys++].value = arena_strndup(cv->out, buf, used);
	}
	return ok;
}

/* Checks across the timeline that no single key can see. */
static bool check_timeline(struct conv *cv, struct cw_case *c)
{
	bool ok = true, entered = false;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type == EV_ENTRY)
			entered = true;
		if (e->type == EV_DEPARTURE && !entered) {
			yreader_error_at(cv->r, e->pos.line, e->pos.col,
				"departure before any entry: the timeline "
				"needs an entry on or before this date");
			ok = false;
		}
		if ((e->type == EV_DECISION || e->type == EV_VOLUNTARY_RETURN) &&
		    date_known(e->depart_by) && date_known(e->date) &&
		    date_hi(e->depart_by) < date_lo(e->date)) {
			char a[DATE_BUFSZ], b[DATE_BUFSZ];
			yreader_error_at(cv->r, e->pos.line, e->pos.col,
				"depart_by %s is before the decision date %s",
				date_format(e->depart_by, a),
				date_format(e->date, b));
			ok = false;
		}
	}
	return ok;
}

/* ---- implausible dates: warnings -----------------------------------------
 *
 * Dates that are possible but unlikely (case-format.md "Validation"): the
 * case stays loaded and evaluated.  Each check compares two values by
 * interval, so a date of reduced precision warns only when every day it
 * allows is implausible; the warning points at the later of the two values
 * in the file. */

struct dates {
	struct conv *cv;
	const struct cw_case *c;
	const struct ynode *person, *events, *offenses, *relatives;
	const struct ynode *born;       /* person.born's value, or NULL */
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
};

static bool comes_after(const struct ynode *a, const struct ynode *b)
{
	return a->line > b->line || (a->line == b->line && a->col > b->col);
}

/* Warns at the later of a and b in the file (either may be NULL). */
static void warn_pair(struct conv *cv, const struct ynode *a,
		      const struct ynode *b, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void warn_pair(struct conv *cv, const struct ynode *a,
		      const struct ynode *b, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	const struct ynode *at = !a ? b : !b ? a : comes_after(b, a) ? b : a;
	yreader_warning(cv->r, at, "%s", msg);
}

/* The first day on which someone born on d (every day it allows) is 12. */
static daynum twelfth_birthday(struct date d)
{
	return date_lo(date_add_years(d, 12, DATE_LEAP_FEB28));
}

/* The value of key in the file's mapping of event e (NULL if absent). */
static const struct ynode *event_value(const struct dates *w,
				       const struct event *e, const char *key)
{
	return map_get(w->events->kids[e->order], key);
}

/* The event whose latest possible day is earliest, or NULL. */
static const struct event *earliest_event(const struct cw_case *c)
{
	const struct event *first = NULL;
	for (uint32_t i = 0; i < c->n_events; i++)
		if (!first || date_hi(c->events[i].date) < date_hi(first->date))
			first = &c->events[i];
	return first;
}

static void warn_born(struct dates *w)
{
	const struct person *p = &w->c->person;
	const struct event *first = earliest_event(w->c);
	if (first && date_hi(first->date) < date_lo(p->born))
		warn_pair(w->cv, w->born, event_value(w, first, "date"),
			  "birth date after an event: born %s, %s on %s",
			  date_format(p->born, w->a),
			  enum_name(&event_type_def, first->type),
			  date_format(first->date, w->b));
	if (date_lo(p->born) > date_hi(w->cv->as_of))
		warn_pair(w->cv, w->born, NULL, "birth date in the future: born "
			  "%s, after the as-of date %s",
			  date_format(p->born, w->a),
			  date_format(w->cv->as_of, w->b));
	if (date_known(p->lpr_since) && date_hi(p->lpr_since) < date_lo(p->born))
		warn_pair(w->cv, w->born, map_get(w->person, "lpr_since"),
			  "lpr_since before the birth date: lpr_since %s, "
			  "born %s", date_format(p->lpr_since, w->a),
			  date_format(p->born, w->b));
	if (date_known(p->married_on) &&
	    date_hi(p->married_on) < twelfth_birthday(p->born))
		warn_pair(w->cv, w->born, map_get(w->person, "married_on"),
			  "married_on before the 12th birthday: married_on %s, "
			  "born %s", date_format(p->married_on, w->a),
			  date_format(p->born, w->b));
}

/* A date after the as-of date, other than that of a scheduled hearing. */
static void warn_future_event(struct dates *w, const struct event *e)
{
	if (date_lo(e->date) <= date_hi(w->cv->as_of) ||
	    (e->type == EV_HEARING && e->scheduled == TRI_TRUE))
		return;
	warn_pair(w->cv, event_value(w, e, "date"), NULL, "event after the "
		  "as-of date (left out of the evaluation): %s on %s, as of %s",
		  enum_name(&event_type_def, e->type),
		  date_format(e->date, w->a), date_format(w->cv->as_of, w->b));
}

/* A motion's or petition's decision before its own date. */
static void warn_decided(struct dates *w, const struct event *e)
{
	if ((e->type != EV_MOTION && e->type != EV_PETITION) ||
	    !date_known(e->decided) || date_hi(e->decided) >= date_lo(e->date))
		return;
	warn_pair(w->cv, event_value(w, e, "date"),
		  event_value(w, e, "decided"), "decided before the date of the "
		  "%s: decided %s, %s on %s",
		  enum_name(&event_type_def, e->type),
		  date_format(e->decided, w->a),
		  enum_name(&event_type_def, e->type),
		  date_format(e->date, w->b));
}

/* A status found violated, or ended, before the person ever entered. */
static void warn_before_entry(struct dates *w, const struct event *e,
			      const struct event *entry)
{
	if ((e->type != EV_STATUS_VIOLATION_FOUND &&
	     e->type != EV_STATUS_ENDED) || !entry ||
	    date_hi(e->date) >= date_lo(entry->date))
		return;
	warn_pair(w->cv, event_value(w, e, "date"),
		  event_value(w, entry, "date"), "%s before the first entry: "
		  "%s on %s, first entry on %s",
		  enum_name(&event_type_def, e->type),
		  enum_name(&event_type_def, e->type),
		  date_format(e->date, w->a), date_format(entry->date, w->b));
}

static void warn_events(struct dates *w)
{
	const struct cw_case *c = w->c;
	const struct event *entry = NULL;
	/* sorted by first day: the first entry listed is the earliest */
	for (uint32_t i = 0; i < c->n_events && !entry; i++)
		if (c->events[i].type == EV_ENTRY)
			entry = &c->events[i];
	for (uint32_t i = 0; i < c->n_events; i++) {
		warn_future_event(w, &c->events[i]);
		warn_decided(w, &c->events[i]);
		warn_before_entry(w, &c->events[i], entry);
	}
}

/* A child born before the person or when the person was under 12; a
 * parent born after the person or under 12 at the person's birth. */
static const char *family_problem(const struct relative *r, struct date me)
{
	if (r->relation == RELN_CHILD) {
		if (date_hi(r->born) < date_lo(me))
			return "child born before the parent";
		if (date_hi(r->born) < twelfth_birthday(me))
			return "parent under 12 at the birth";
	} else if (r->relation == RELN_PARENT) {
		if (date_lo(r->born) > date_hi(me))
			return "child born before the parent";
		if (date_hi(me) < twelfth_birthday(r->born))
			return "parent under 12 at the birth";
	}
	return NULL;
}

static void warn_relative(struct dates *w, const struct relative *r,
			  const struct ynode *m)
{
	const struct ynode *born = map_get(m, "born");
	struct date me = w->c->person.born;
	if (!date_known(r->born))
		return;
	if (date_known(r->status_since) &&
	    date_hi(r->status_since) < date_lo(r->born))
		warn_pair(w->cv, born, map_get(m, "status_since"),
			  "status_since before the relative's birth date: "
			  "status_since %s, born %s",
			  date_format(r->status_since, w->a),
			  date_format(r->born, w->b));
	const char *what = date_known(me) ? family_problem(r, me) : NULL;
	if (what)
		warn_pair(w->cv, w->born, born, "%s: the %s born %s, the person "
			  "born %s", what, enum_name(&relation_def, r->relation),
			  date_format(r->born, w->a), date_format(me, w->b));
}

static void warn_offense(struct dates *w, const struct offense *o,
			 const struct ynode *m)
{
	if (!date_known(o->date) || !date_known(o->conviction_date) ||
	    date_hi(o->conviction_date) >= date_lo(o->date))
		return;
	warn_pair(w->cv, map_get(m, "date"), map_get(m, "conviction_date"),
		  "conviction_date before the offense date: conviction_date "
		  "%s, date %s", date_format(o->conviction_date, w->a),
		  date_format(o->date, w->b));
}

/* Every warning of a valid case c read from root. */
static void check_dates(struct conv *cv, const struct cw_case *c,
			const struct ynode *root)
{
	struct dates w = { .cv = cv, .c = c };
	w.person = map_get(root, "person");
	w.events = map_get(root, "events");
	w.offenses = map_get(root, "offenses");
	w.relatives = map_get(root, "relatives");
	w.born = w.person ? map_get(w.person, "born") : NULL;
	if (date_known(c->person.born))
		warn_born(&w);
	warn_events(&w);
	for (uint32_t i = 0; i < c->n_relatives; i++)
		warn_relative(&w, &c->relatives[i], w.relatives->kids[i]);
	for (uint32_t i = 0; i < c->n_offenses; i++)
		warn_offense(&w, &c->offenses[i], w.offenses->kids[i]);
}

static struct cw_case *read_case(struct conv *cv, const struct ynode *root,
				 const char *file, uint32_t doc)
{
	static const struct table t = TBL(case_fields);
	struct cw_case *c = arena_zalloc(cv->out, sizeof(*c));
	case_person_init(&c->person);
	case_claims_init(&c->claims);
	case_way_back_init(&c->way_back);
	c->file = file;
	c->doc_index = doc;
	c->pos = (struct pos){ root->line, root->col };
	cv->c = c;
	bool ok = read_mapping(cv, root, &t, 1, c, "the case", is_xkey);
	if (root->kind == YN_MAP)
		ok = read_xkeys(cv, root, c) && ok;
	if (!ok)
		return NULL;
	case_sort_events(c);
	if (!check_timeline(cv, c))
		return NULL;
	check_dates(cv, c, root);
	return c;
}

/* The list lives in `out` with the cases: 100,000 small blocks kept on
 * the heap until the merge would fragment it under libyaml's buffers,
 * which come and go with every file (malloc then costs more than the
 * parse). */
static void add_case(struct load_file *res, struct cw_case *c,
		     struct arena *out)
{
	if (res->n_cases == res->cap_cases) {
		size_t cap = res->cap_cases ? res->cap_cases * 2 : 1;
		struct cw_case **v = arena_alloc(out, cap * sizeof(*v));
		if (res->n_cases)
			memcpy(v, res->cases, res->n_cases * sizeof(*v));
		res->cases = v;
		res->cap_cases = cap;
	}
	res->cases[res->n_cases++] = c;
}

void load_buffer_opts(const char *file, uint32_t file_index, const char *buf,
		      size_t len, const struct load_opts *o, struct arena *out,
		      struct arena *scratch, struct load_file *res)
{
	struct yreader r;
	struct conv cv = { &r, out, o->vocab, NULL,
			   date_known(o->as_of) ? o->as_of : date_today() };
	size_t nonempty = 0;
	yreader_init(&r, file, file_index, buf, len,
		     o->lim ? o->lim : &ylimits_default, scratch, out,
		     &res->diags);
	bool cancelled = false;
	for (;;) {
		if (o->cancel && atomic_load_explicit(o->cancel,
						      memory_order_relaxed)) {
			cancelled = true;
			break;
		}
		struct ynode *root = yreader_next(&r);
		if (!root) {
			if (r.doc_error)
				res->n_bad_cases++;
			break;
		}
		res->n_docs++;
		if (ynode_is_null(root))        /* a bare "---" */
			continue;
		nonempty++;
		struct cw_case *c = read_case(&cv, root, file,
					      (uint32_t)(res->n_docs - 1));
		if (c && !r.doc_error)
			add_case(res, c, out);
		else
			res->n_bad_cases++;
		arena_reset(scratch);
		if (r.stop)
			break;
	}
	if (!nonempty && !res->diags.n_errors && !cancelled)
		yreader_error_at(&r, 1, 1, "file holds no case");
	yreader_done(&r);
	arena_reset(scratch);
}

void load_buffer(const char *file, uint32_t file_index, const char *buf,
		 size_t len, const struct ylimits *lim,
		 const struct load_vocab *vocab, struct arena *out,
		 struct arena *scratch, struct load_file *res)
{
	struct load_opts o = { lim, vocab, DATE_NONE_INIT, NULL };
	load_buffer_opts(file, file_index, buf, len, &o, out, scratch, res);
}

void load_file_at(int dirfd, const char *name, const char *file,
		  uint32_t file_index, const struct load_opts *o,
		  struct arena *out, struct arena *scratch, struct outbuf *rbuf,
		  struct load_file *res)
{
	const struct ylimits *lim = o->lim ? o->lim : &ylimits_default;
	const char *why;
	if (yfile_read_into(dirfd, name, lim->max_file_size, rbuf, &why)) {
		if (!strcmp(why, "file is larger than the limit"))
			diag_addf(&res->diags, out, file, file_index, 0, 0,
				  DIAG_ERROR, NULL, 0, "file is larger than the "
				  "limit of %zu MiB", lim->max_file_size >> 20);
		else
			diag_addf(&res->diags, out, file, file_index, 0, 0,
				  DIAG_ERROR, NULL, 0, "cannot read: %s", why);
		return;
	}
	load_buffer_opts(file, file_index, rbuf->p, rbuf->len, o, out, scratch,
			 res);
}

void load_file(const char *file, uint32_t file_index,
	       const struct ylimits *lim, const struct load_vocab *vocab,
	       struct arena *out, struct arena *scratch, struct outbuf *rbuf,
	       struct load_file *res)
{
	struct load_opts o = { lim, vocab, DATE_NONE_INIT, NULL };
	load_file_at(AT_FDCWD, file, file, file_index, &o, out, scratch, rbuf,
		     res);
}

void load_file_free(struct load_file *res)
{
	diag_free(&res->diags);
	memset(res, 0, sizeof(*res));
}

struct cw_case *load_case_again(const struct cw_case *c,
				const struct ylimits *lim,
				const struct load_vocab *vocab,
				struct arena *out, const char **why)
{
	struct load_file res = { 0 };
	struct arena scratch;
	struct outbuf text = { NULL, 0, 0 };
	struct cw_case *found = NULL;
	arena_init(&scratch, 64 * 1024);
	load_file(c->file, 0, lim, vocab, out, &scratch, &text, &res);
	for (size_t k = 0; k < res.n_cases && !found; k++)
		if (res.cases[k]->doc_index == c->doc_index &&
		    !strcmp(res.cases[k]->id, c->id))
			found = res.cases[k];
	if (found)
		found->user = c->user;
	else
		*why = res.diags.n_errors ? "its file has errors now" :
			"it is no longer in its file";
	load_file_free(&res);
	ob_free(&text);
	arena_free(&scratch);
	return found;
}
