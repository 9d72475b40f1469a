/* facts_path.c - the path of the latest enforcement episode, its start,
 * its decision and decisive moment, and whether a judge heard the person
 * (case-format.md "How the path is derived"; legal-reference.md sections 1
 * and 9.1). */
#include "facts_int.h"

#include <string.h>

int facts_grant_status(const struct event *e)
{
	if (e->type != EV_DECISION || e->outcome != OUT_RELIEF_GRANTED ||
	    e->conditional == TRI_TRUE)
		return -1;
	switch (e->relief) {
	case REL_ADJUST_245A: case REL_ADJUST_245I: case REL_REGISTRY:
	case REL_CANCEL_NONLPR: case REL_CANCEL_VAWA:
		return ST_LPR;
	case REL_ASYLUM: return ST_ASYLEE;
	case REL_WITHHOLDING: return ST_WITHHOLDING;
	case REL_CAT: return ST_CAT_DEFERRAL;
	case REL_U_VISA: return ST_U;
	case REL_T_VISA: return ST_T;
	}
	return -1;
}

/* Is e an order of removal (or of expedited, reinstated, administrative
 * removal)?  A grant of withholding or CAT enters one too (assess's
 * orders, facts_orders.c). */
bool facts_is_order(const struct event *e)
{
	return (e->type == EV_DECISION &&
		(e->outcome == OUT_REMOVAL_ORDER ||
		 e->outcome == OUT_IN_ABSENTIA_ORDER ||
		 e->outcome == OUT_STIPULATED_REMOVAL)) ||
	       e->type == EV_EXPEDITED_REMOVAL ||
	       e->type == EV_REINSTATEMENT || e->type == EV_ADMIN_REMOVAL;
}

/* A decision on a waiver, consent, extension or change of status does not
 * end an episode (case-format.md). */
static bool auxiliary(const struct event *e)
{
	return e->relief >= REL_FIRST_AUXILIARY;
}

static bool opened_proceedings(const struct cw_case *c, uint32_t upto)
{
	for (uint32_t i = 0; i < upto; i++)
		if (c->events[i].type == EV_NTA_SERVED)
			return true;
	return false;
}

/* The path a decision leads to, or -1 when it decides nothing. */
static int decision_path(const struct cw_case *c, uint32_t i, int cur)
{
	const struct event *e = &c->events[i];
	if (auxiliary(e) && (e->outcome == OUT_RELIEF_GRANTED ||
			     e->outcome == OUT_RELIEF_DENIED))
		return -1;
	switch (e->outcome) {
	case OUT_REMOVAL_ORDER: return PATH_REMOVAL_CONTESTED;
	case OUT_IN_ABSENTIA_ORDER: return PATH_IN_ABSENTIA;
	case OUT_STIPULATED_REMOVAL: return PATH_STIPULATED;
	case OUT_VOLUNTARY_DEPARTURE:
		return e->stage == STAGE_PRE_HEARING ? PATH_VD_PRE
						     : PATH_VD_POST;
	case OUT_RELIEF_GRANTED: return PATH_RELIEF_GRANTED;
	case OUT_TERMINATED: return PATH_TERMINATED;
	case OUT_ADMIN_CLOSED: return PATH_ADMIN_CLOSED;
	case OUT_RELIEF_DENIED:
		/* a denial without an order leaves proceedings pending; a
		 * USCIS denial outside proceedings decides no episode */
		if (cur == PATH_NO_PROCEEDINGS || cur == PATH_PENDING)
			return opened_proceedings(c, i) ? PATH_PENDING : -1;
		return -1;
	}
	return -1;
}

/* The path after event i, given the path before it (cur); -1 when the
 * event decides nothing. */
static int event_path(const struct cw_case *c, uint32_t i, int cur)
{
	const struct event *e = &c->events[i];
	switch (e->type) {
	case EV_VOLUNTARY_RETURN: return PATH_VOLUNTARY_RETURN;
	case EV_WITHDRAWAL_AT_PORT: return PATH_WITHDRAWAL_AT_PORT;
	case EV_EXPEDITED_REMOVAL: return PATH_EXPEDITED;
	case EV_REINSTATEMENT: return PATH_REINSTATEMENT;
	case EV_ADMIN_REMOVAL: return PATH_ADMIN_238B;
	case EV_NTA_SERVED: return PATH_PENDING;
	case EV_DECISION: return decision_path(c, i, cur);
	case EV_MOTION:
		return e->outcome == MOUT_GRANTED ? PATH_PENDING : -1;
	case EV_APPEAL:
		/* a BIA remand (or an appeal sustained with no decision of its
		 * own recorded) leaves the proceedings pending */
		return e->to == APPEAL_BIA && (e->outcome == AOUT_REMANDED ||
					       e->outcome == AOUT_SUSTAINED)
			? PATH_PENDING : -1;
	}
	return -1;
}

int facts_path(const struct cw_case *c)
{
	int path = PATH_NO_PROCEEDINGS;
	for (uint32_t i = 0; i < c->n_events; i++) {
		int p = event_path(c, i, path);
		if (p >= 0)
			path = p;
	}
	return path;
}

bool facts_is_enforcement(const struct event *e)
{
	switch (e->type) {
	case EV_ENCOUNTER: case EV_NTA_SERVED: case EV_VOLUNTARY_RETURN:
	case EV_WITHDRAWAL_AT_PORT: case EV_EXPEDITED_REMOVAL:
	case EV_REINSTATEMENT: case EV_ADMIN_REMOVAL:
		return true;
	}
	return false;
}

/* The latest decisive event (-1: none), and the first enforcement event
 * since the last departure before it: where the episode began. */
static void find_episode(struct fx *x, int32_t *decisive)
{
	const struct cw_case *c = x->c;
	int path = PATH_NO_PROCEEDINGS;
	*decisive = -1;
	for (uint32_t i = 0; i < c->n_events; i++) {
		int p = event_path(c, i, path);
		if (p >= 0) {
			path = p;
			*decisive = (int32_t)i;
		}
	}
	x->path = path;
	/* a court's decision belongs to the proceedings of the latest notice
	 * before it: a departure while they were pending (E38(c)) does not
	 * begin a new episode */
	int32_t anchor = *decisive;
	const struct event *de = anchor >= 0 ? &c->events[anchor] : NULL;
	if (de && (de->type == EV_MOTION || de->type == EV_APPEAL ||
		   (de->type == EV_DECISION &&
	    (de->by < 0 || de->by == BY_IJ || de->by == BY_BIA))))
		for (int32_t i = anchor; i >= 0; i--)
			if (c->events[i].type == EV_NTA_SERVED) {
				anchor = i;
				break;
			}
	uint32_t from = 0;
	for (int32_t i = anchor; i > 0; i--)
		if (c->events[i - 1].type == EV_DEPARTURE) {
			from = (uint32_t)i;
			break;
		}
	x->episode = c->n_events;
	for (uint32_t i = from; i < c->n_events; i++)
		if (facts_is_enforcement(&c->events[i])) {
			x->episode = i;
			break;
		}
	if (*decisive >= 0 && x->episode > (uint32_t)*decisive)
		x->episode = (uint32_t)*decisive;
	x->nta = NULL;
	for (uint32_t i = x->episode; i < c->n_events; i++)
		if (c->events[i].type == EV_NTA_SERVED) {
			x->nta = &c->events[i];
			break;
		}
}

static bool court_path(int p)
{
	return p == PATH_VD_PRE || p == PATH_VD_POST ||
	       p == PATH_REMOVAL_CONTESTED || p == PATH_IN_ABSENTIA ||
	       p == PATH_STIPULATED || p == PATH_RELIEF_GRANTED ||
	       p == PATH_TERMINATED || p == PATH_ADMIN_CLOSED ||
	       p == PATH_PENDING;
}

/* Appeared before a judge at an individual hearing, or a judge decided
 * with the person present, in the episode. */
static int derive_hearing(const struct fx *x)
{
	const struct cw_case *c = x->c;
	if (!court_path(x->path) || !x->nta)
		return 0;
	int seen = 0;
	for (uint32_t i = x->episode; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_HEARING || e->scheduled == TRI_TRUE)
			continue;
		if (e->appeared != TRI_TRUE) {
			if (e->appeared == TRI_UNSET && seen == 0)
				seen = -1;
			continue;
		}
		if (e->kind == HK_INDIVIDUAL)
			return 1;
		for (uint32_t j = x->episode; j < c->n_events; j++) {
			const struct event *f = &c->events[j];
			if (f->type == EV_DECISION &&
			    fx_lo(f->date) == fx_lo(e->date) &&
			    (f->by < 0 || f->by == BY_IJ))
				return 1;
		}
	}
	return seen;
}

/* The last individual hearing held in the episode, or NULL. */
static const struct event *last_merits(const struct fx *x)
{
	const struct event *h = NULL;
	for (uint32_t i = x->episode; i < x->c->n_events; i++) {
		const struct event *e = &x->c->events[i];
		if (e->type == EV_HEARING && e->kind == HK_INDIVIDUAL &&
		    e->scheduled != TRI_TRUE)
			h = e;
	}
	return h;
}

/* decision_date and t_dec (section 9.1). */
static void derive_dates(struct fx *x, int32_t decisive)
{
	const struct event *d = decisive >= 0 ? &x->c->events[decisive] : NULL;
	bool open = x->path == PATH_PENDING || x->path == PATH_ADMIN_CLOSED ||
		    x->path == PATH_NO_PROCEEDINGS;
	x->dec = open || !d ? x->as_of : fx_lo(d->date);
	x->f[F_DECISION_DATE] = value_date(x->dec);
	struct value t = value_date(x->as_of);
	switch (x->path) {
	case PATH_PENDING:
	case PATH_NO_PROCEEDINGS:
		break;
	case PATH_VOLUNTARY_RETURN: case PATH_WITHDRAWAL_AT_PORT:
	case PATH_EXPEDITED: case PATH_REINSTATEMENT: case PATH_ADMIN_238B:
	case PATH_IN_ABSENTIA: case PATH_VD_PRE:
		t = fx_date(d->date);
		break;
	default: {
		const struct event *h = last_merits(x);
		t = fx_date(h ? h->date : d->date);
	}
	}
	x->f[F_T_DEC] = t;
}

uint32_t facts_episode(const struct cw_case *c)
{
	struct fx x = { 0 };
	int32_t decisive;
	x.c = c;
	find_episode(&x, &decisive);
	return x.episode;
}

void facts_path_derive(struct fx *x)
{
	int32_t decisive;
	find_episode(x, &decisive);
	x->f[F_PATH] = value_str(path_id_def.names[x->path]);
	x->f[F_HEARING] = fx_tri(derive_hearing(x));
	x->f[F_IN_PROCEEDINGS] = value_bool(x->path == PATH_PENDING ||
					    x->path == PATH_ADMIN_CLOSED);
	derive_dates(x, decisive);
	if (x->episode < x->c->n_events)
		x->f[F_EPISODE_START] = fx_date(x->c->events[x->episode].date);
}
