/* case.c - enumerations and helpers of the case model; see case.h. */
#include "case.h"

#include <stdlib.h>
#include <string.h>

#define CW_ENUM_NAME(id, name) name,
#define CW_DEFINE_ENUM(tag, LIST, what) \
	static const char *const tag##_names[] = { LIST(CW_ENUM_NAME) }; \
	const struct enum_def tag##_def = { \
		what, tag##_names, \
		(int)(sizeof(tag##_names) / sizeof(tag##_names[0])) };

CW_DEFINE_ENUM(event_type, EVENT_TYPES, "event type")
CW_DEFINE_ENUM(manner, MANNERS, "manner")
CW_DEFINE_ENUM(finder, FINDERS, "decision maker")
CW_DEFINE_ENUM(form, FORMS, "form")
CW_DEFINE_ENUM(category, CATEGORIES, "category")
CW_DEFINE_ENUM(petition_outcome, PETITION_OUTCOMES, "petition outcome")
CW_DEFINE_ENUM(petition_basis, PETITION_BASES, "petition basis")
CW_DEFINE_ENUM(petitioner, PETITIONERS, "petitioner")
CW_DEFINE_ENUM(status, STATUSES, "status")
CW_DEFINE_ENUM(hearing_kind, HEARING_KINDS, "hearing kind")
CW_DEFINE_ENUM(absence_reason, ABSENCE_REASONS, "absence reason")
CW_DEFINE_ENUM(motion_kind, MOTION_KINDS, "motion kind")
CW_DEFINE_ENUM(motion_outcome, MOTION_OUTCOMES, "motion outcome")
CW_DEFINE_ENUM(motion_basis, MOTION_BASES, "motion basis")
CW_DEFINE_ENUM(tribunal, TRIBUNALS, "tribunal")
CW_DEFINE_ENUM(end_reason, END_REASONS, "reason")
CW_DEFINE_ENUM(misrep_kind, MISREP_KINDS, "misrepresentation kind")
CW_DEFINE_ENUM(misrep_purpose, MISREP_PURPOSES, "purpose")
CW_DEFINE_ENUM(relief, RELIEFS, "relief")
CW_DEFINE_ENUM(outcome, OUTCOMES, "outcome")
CW_DEFINE_ENUM(vd_stage, VD_STAGES, "stage")
CW_DEFINE_ENUM(departure_kind, DEPARTURE_KINDS, "departure kind")
CW_DEFINE_ENUM(appeal_to, APPEAL_TOS, "appeal forum")
CW_DEFINE_ENUM(appeal_stage, APPEAL_STAGES, "appeal stage")
CW_DEFINE_ENUM(appeal_outcome, APPEAL_OUTCOMES, "appeal outcome")
CW_DEFINE_ENUM(lpr_via, LPR_VIAS, "lpr_via")
CW_DEFINE_ENUM(grade, GRADES, "grade")
CW_DEFINE_ENUM(vacated, VACATED, "vacated")
CW_DEFINE_ENUM(offense_class, CLASSES, "classification")
CW_DEFINE_ENUM(relation, RELATIONS, "relation")
CW_DEFINE_ENUM(rel_status, REL_STATUSES, "relative status")
CW_DEFINE_ENUM(hardship, HARDSHIPS, "hardship")
CW_DEFINE_ENUM(abuser, ABUSERS, "abused_by")
CW_DEFINE_ENUM(asylum_exception, ASYLUM_EXCEPTIONS, "asylum exception")
CW_DEFINE_ENUM(wb_category, WB_CATEGORIES, "category")

const char *enum_name(const struct enum_def *e, int v)
{
	return (v >= 0 && v < e->count) ? e->names[v] : NULL;
}

int enum_value(const struct enum_def *e, const char *name, size_t len)
{
	for (int i = 0; i < e->count; i++)
		if (strlen(e->names[i]) == len && !memcmp(e->names[i], name, len))
			return i;
	return -1;
}

void case_event_init(struct event *e)
{
	memset(e, 0, sizeof(*e));
	e->type = -1;
	e->minute = -1;
	e->manner = e->by = e->form = e->category = e->outcome = -1;
	e->status = e->kind = e->absence_reason = e->relief = -1;
	e->stage = e->to = -1;
	e->basis = e->petitioner = e->filed_with = e->reason = -1;
	e->purpose = -1;
	e->advised = e->safeguards = TRI_UNSET;
	e->time_place = e->arriving = e->oral_notice = TRI_UNSET;
	e->appeared = e->counsel = e->scheduled = TRI_UNSET;
	e->verified = e->nonvoluntary = e->abandoned_residence = TRI_UNSET;
	e->at_port = e->j1_gme = e->j1_212e = e->j1_212e_met = TRI_UNSET;
	e->near_border = e->between_ports = e->detained = TRI_UNSET;
	e->approvable = e->timely = e->nonfrivolous = TRI_UNSET;
	e->conditional = TRI_UNSET;
	e->willful = e->material = e->retracted_timely = TRI_UNSET;
	e->exception_usc_parents = TRI_UNSET;
}

void case_offense_init(struct offense *o)
{
	memset(o, 0, sizeof(*o));
	o->convicted = o->juvenile = TRI_UNSET;
	o->sentence_days = o->max_days = o->confined_days = -1;
	o->suspended_days = -1;
	o->grade = o->vacated = -1;
	for (int i = 0; i < CLS__COUNT; i++)
		o->cls[i] = TRI_UNSET;
}

void case_relative_init(struct relative *r)
{
	memset(r, 0, sizeof(*r));
	r->relation = r->status = r->hardship = -1;
	r->married = r->petitioner = TRI_UNSET;
}

void case_claims_init(struct claims *c)
{
	c->fear_of_return = c->crime_victim = c->trafficking_victim = TRI_UNSET;
	c->abused_by = -1;
	c->abuse_connected = c->unaccompanied_child = TRI_UNSET;
	c->good_moral_character = TRI_UNSET;
	c->vawa_self_petitioner = TRI_UNSET;
	c->abuse_connection_overstay = c->abuse_central_vd = TRI_UNSET;
	c->abuse_connection_reentry = TRI_UNSET;
	c->trafficking_central_reason = TRI_UNSET;
	c->asylum_exception = -1;
	c->marriage_fraud_found = TRI_UNSET;
	c->asylum_exception_date = DATE_NONE_INIT;
}

void case_way_back_init(struct way_back_opts *w)
{
	w->category = w->petitioner = -1;
	w->departure = DATE_NONE_INIT;
}

void case_employment_init(struct employment *w)
{
	memset(w, 0, sizeof(*w));
	w->from = w->to = DATE_NONE_INIT;
	w->authorized = TRI_UNSET;
}

void case_person_init(struct person *p)
{
	memset(p, 0, sizeof(*p));
	p->lpr_via = -1;
	p->married = TRI_UNSET;
}

static int event_cmp(const void *pa, const void *pb)
{
	const struct event *a = pa, *b = pb;
	int c = date_cmp(a->date, b->date);
	if (c)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

void case_sort_events(struct cw_case *c)
{
	/* most files list events in date order already: look before
	 * moving 128-byte records about */
	uint32_t i = 1;
	while (i < c->n_events && event_cmp(&c->events[i - 1], &c->events[i]) < 0)
		i++;
	if (i >= c->n_events)
		return;
	/* order is unique, so qsort's instability cannot show */
	qsort(c->events, c->n_events, sizeof(*c->events), event_cmp);
}

bool case_has_tag(const struct cw_case *c, const char *tag)
{
	for (uint32_t i = 0; i < c->n_tags; i++)
		if (!strcmp(c->tags[i], tag))
			return true;
	return false;
}

struct cw_case *case_stub(const struct cw_case *c, struct arena *a)
{
	struct cw_case *s = arena_zalloc(a, sizeof(*s));
	s->id = arena_strdup(a, c->id);
	s->id_pos = c->id_pos;
	s->file = c->file;
	s->pos = c->pos;
	s->doc_index = c->doc_index;
	case_person_init(&s->person);
	if (c->person.name)
		s->person.name = arena_strdup(a, c->person.name);
	if (c->person.a_number)
		s->person.a_number = arena_strdup(a, c->person.a_number);
	s->person.born = c->person.born;
	s->person.name_pos = c->person.name_pos;
	s->person.a_number_pos = c->person.a_number_pos;
	s->person.born_pos = c->person.born_pos;
	if (c->n_same_person_as) {
		s->same_person_as = arena_alloc(a, c->n_same_person_as *
						sizeof(*s->same_person_as));
		for (uint32_t i = 0; i < c->n_same_person_as; i++)
			s->same_person_as[i] = arena_strdup(a, c->same_person_as[i]);
		s->n_same_person_as = c->n_same_person_as;
	}
	case_claims_init(&s->claims);
	if (c->n_tags) {
		s->tags = arena_alloc(a, c->n_tags * sizeof(*s->tags));
		for (uint32_t i = 0; i < c->n_tags; i++)
			s->tags[i] = arena_strdup(a, c->tags[i]);
		s->n_tags = c->n_tags;
	}
	s->stub = true;
	s->user = c->user;
	return s;
}
