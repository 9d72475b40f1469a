/* facts_orders.c - orders, grants of voluntary departure, notices,
 * hearings, motions: one walk over the timeline keeps what is outstanding
 * (an order, a voluntary departure) and says what each departure was in
 * law (8 U.S.C. 1101(g): leaving under an outstanding order is a removal).
 * Then the items of these scopes.
 */
#include "facts_int.h"

#include <string.h>

static const char *order_kind(const struct event *e)
{
	switch (e->type) {
	case EV_EXPEDITED_REMOVAL: return "expedited_removal";
	case EV_REINSTATEMENT: return "reinstatement";
	case EV_ADMIN_REMOVAL: return "admin_removal";
	}
	if (e->outcome == OUT_IN_ABSENTIA_ORDER)
		return "in_absentia_order";
	if (e->outcome == OUT_STIPULATED_REMOVAL)
		return "stipulated_removal";
	if (e->outcome == OUT_RELIEF_GRANTED)
		return "protection_grant";
	return "removal_order";
}

static bool protection_grant(const struct event *e)
{
	return e->type == EV_DECISION && e->outcome == OUT_RELIEF_GRANTED &&
	       (e->relief == REL_WITHHOLDING || e->relief == REL_CAT);
}

/* The walk's state. */
struct walk {
	struct order_rec *out;          /* outstanding, or NULL */
	struct vd_rec *vd;              /* the open grant, or NULL */
	const struct event *nta;        /* the latest notice to appear */
	const struct event *withdrawal; /* since the last departure */
	int removals;
	int32_t stay;                   /* the open stay, or -1 */
};

static struct order_rec *add_order(struct fx *x, const struct event *e,
				   const char *kind, daynum eff)
{
	struct order_rec *o = &x->ord[x->n_ord++];
	memset(o, 0, sizeof(*o));
	o->ev = e;
	o->kind = kind;
	o->lo = fx_lo(e->date);
	o->hi = fx_hi(e->date);
	o->eff = eff;
	o->oral = -1;
	o->absence = -1;
	o->final_lo = o->lo;
	o->final_hi = o->hi;
	return o;
}

/* Which notice set the hearing h that was missed (in_absentia_relief_bar):
 * one whose hearing_date is h's; else an NTA with time and place, or a
 * hearing notice, whose next hearing on file is h.  NULL: none on file. */
static const struct event *notice_for(const struct cw_case *c, uint32_t hi)
{
	const struct event *h = &c->events[hi];
	const struct event *best = NULL;
	for (uint32_t i = 0; i < hi; i++) {
		const struct event *n = &c->events[i];
		if (n->type != EV_NTA_SERVED && n->type != EV_HEARING_NOTICE)
			continue;
		if (date_known(n->hearing_date)) {
			if (date_lo(n->hearing_date) == fx_lo(h->date))
				best = n;
			continue;
		}
		if (n->type == EV_NTA_SERVED && n->time_place != TRI_TRUE)
			continue;
		/* the first hearing on file after the notice */
		for (uint32_t j = i + 1; j < c->n_events; j++)
			if (c->events[j].type == EV_HEARING) {
				if (j == hi)
					best = n;
				break;
			}
	}
	return best;
}

/* The hearing missed at an in absentia order: the latest hearing not
 * attended on or before its day. */
static void absentia_details(struct fx *x, struct order_rec *o, uint32_t at)
{
	const struct cw_case *c = x->c;
	o->in_absentia = true;
	for (uint32_t i = at + 1; i-- > 0;) {
		const struct event *h = &c->events[i];
		if (h->type == EV_HEARING && h->appeared == TRI_FALSE) {
			o->missed = h;
			o->absence = h->absence_reason;
			const struct event *n = notice_for(c, i);
			o->oral = !n || n->oral_notice == TRI_UNSET ? -1 :
				  n->oral_notice == TRI_TRUE;
			return;
		}
		if (h->type == EV_NTA_SERVED)
			break;
	}
}

static void on_order(struct fx *x, struct walk *w, uint32_t i)
{
	const struct event *e = &x->c->events[i];
	if (protection_grant(e) && w->out && !w->out->executed &&
	    w->out->lo == fx_lo(e->date))
		return;         /* the order entered with it is on file */
	struct order_rec *o = add_order(x, e, order_kind(e), fx_lo(e->date));
	o->arriving = e->type == EV_EXPEDITED_REMOVAL ||
		      (e->type == EV_DECISION && w->nta &&
		       w->nta->arriving == TRI_TRUE);
	o->reinstated = e->type == EV_REINSTATEMENT;
	if (e->type == EV_DECISION && e->outcome == OUT_IN_ABSENTIA_ORDER)
		absentia_details(x, o, i);
	/* a judge's order that can be appealed is final 30 days on */
	if (e->type == EV_DECISION && e->outcome == OUT_REMOVAL_ORDER &&
	    e->by != BY_BIA) {
		o->final_lo += fx_param_int(x, P_APPEAL_DAYS);
		o->final_hi += fx_param_int(x, P_APPEAL_DAYS);
	}
	w->out = o;
}

static void on_vd(struct fx *x, struct walk *w, const struct event *e)
{
	if (!date_known(e->depart_by) && e->type == EV_DECISION)
		return;
	struct vd_rec *v = &x->vd[x->n_vd++];
	memset(v, 0, sizeof(*v));
	v->ev = e;
	v->grant = fx_lo(e->date);
	v->ij = e->type == EV_DECISION;
	v->recorded = v->deadline = v->breach = NEVER;
	v->in_time = -1;
	v->stay = w->stay;
	if (date_known(e->depart_by)) {
		v->recorded = date_hi(e->depart_by);
		v->deadline = fx_next_business_day(x, v->recorded);
		v->rolled = v->deadline != v->recorded;
	}
	w->vd = v;
}

/* A grant whose deadline passed before day d (event e, or NULL at the
 * end): a judge's alternate order takes effect, unless the person left
 * late through no fault of their own (Matter of Zmijewska). */
static void lapse(struct fx *x, struct walk *w, daynum d, const struct event *e)
{
	struct vd_rec *v = w->vd;
	if (!v || v->deadline == NEVER || v->dep)
		return;
	daynum eff = v->deadline + 1;
	if (eff > d)
		return;
	v->breach = eff;
	v->in_time = 0;
	if (e && e->type == EV_DEPARTURE)
		v->dep = e;
	bool no_fault = e && e->type == EV_DEPARTURE &&
			e->nonvoluntary == TRI_TRUE;
	if (v->ij && !w->out && !no_fault) {
		struct order_rec *o = add_order(x, v->ev, "vd_alternate", eff);
		o->lo = o->hi = o->final_lo = o->final_hi = eff;
		w->out = o;
	}
	w->vd = NULL;
}

static void on_motion(struct fx *x, struct walk *w, const struct event *e)
{
	daynum d = fx_lo(e->date);
	struct vd_rec *v = w->vd;
	bool vd_motion = e->type == EV_MOTION ||
		(e->type == EV_APPEAL && e->to == APPEAL_CIRCUIT &&
		 e->stage == ASTAGE_FILED);
	if (v && vd_motion && v->ij && !v->dep && v->deadline != NEVER &&
	    d <= v->deadline && d >= v->grant) {
		/* 8 CFR 1240.26(b)(3)(iii), (i): VD ends, the alternate order
		 * governs from the filing */
		v->ended_by_motion = true;
		struct order_rec *o = add_order(x, v->ev, "vd_alternate", d);
		o->lo = o->hi = d;
		w->out = o;
		w->vd = NULL;
	}
	if (e->type == EV_MOTION && e->outcome == MOUT_GRANTED) {
		/* a granted motion (to reopen or to reconsider) reopens: the
		 * latest order is rescinded (case-format.md) */
		for (uint32_t i = x->n_ord; i-- > 0;)
			if (x->ord[i].lo <= d) {
				x->ord[i].rescinded = true;
				break;
			}
		w->out = NULL;
	}
	if (e->type == EV_APPEAL && e->to == APPEAL_BIA &&
	    (e->outcome == AOUT_SUSTAINED || e->outcome == AOUT_REMANDED) &&
	    w->out && !w->out->executed) {
		w->out->rescinded = true;
		w->out = NULL;
	}
	if (e->type == EV_APPEAL && e->to == APPEAL_BIA &&
	    e->outcome == AOUT_DISMISSED && w->out &&
	    strcmp(w->out->kind, "in_absentia_order")) {
		w->out->final_lo = w->out->final_hi = d;
	}
}

/* What the departure was: a removal when an order was outstanding (or
 * DHS removed the person). */
static void on_departure(struct fx *x, struct walk *w, const struct event *e)
{
	daynum d = fx_lo(e->date);
	struct dep_rec *r = &x->dep[x->n_dep++];
	memset(r, 0, sizeof(*r));
	r->ev = e;
	r->stay = w->stay;
	if (w->stay >= 0)
		x->st[w->stay].dep_item = (int32_t)(x->n_dep - 1);
	r->withdrawal = w->withdrawal != NULL;
	struct vd_rec *v = w->vd;
	if (v && !v->dep) {
		v->dep = e;
		bool by_recorded = v->recorded == NEVER || d <= v->recorded;
		bool by_rolled = v->deadline == NEVER || d <= v->deadline;
		v->in_time = by_rolled;
		if (by_rolled && !by_recorded && !fx_param_bool(x, P_VD_ROLL_FIRM)) {
			v->in_time = -1;
			v->borderline = true;
		}
		r->under_vd = by_rolled;
		if (!by_rolled && e->nonvoluntary != TRI_TRUE && v->ij && !w->out) {
			struct order_rec *o = add_order(x, v->ev, "vd_alternate",
							v->deadline + 1);
			o->lo = o->hi = o->final_lo = o->final_hi = v->deadline + 1;
			w->out = o;
		}
		w->vd = NULL;
	}
	if (e->kind == DK_REMOVED || w->out) {
		r->removal = 1;
	} else if (v && v->ij && v->in_time < 0) {
		r->removal = -1;        /* only the roll kept it timely */
		r->borderline = true;
	}
	if (w->out) {
		r->arriving = w->out->arriving;
		r->reinstated = w->out->reinstated;
		w->out->executed = true;
		w->out = NULL;
	}
	if (r->removal)
		w->removals++;
	r->number = w->removals;
	w->withdrawal = NULL;
	w->stay = -1;
}

/* E38(c): a departure while proceedings were pending, followed by an in
 * absentia order in them: possibly a removal (9(A)(ii) unresolved). */
static void later_absentia(struct fx *x)
{
	for (uint32_t k = 0; k < x->n_dep; k++) {
		struct dep_rec *r = &x->dep[k];
		if (r->removal)
			continue;
		daynum d = fx_lo(r->ev->date);
		const struct event *next = k + 1 < x->n_dep ? x->dep[k + 1].ev : NULL;
		for (uint32_t i = 0; i < x->n_ord; i++) {
			const struct order_rec *o = &x->ord[i];
			if (!o->in_absentia || o->rescinded || o->lo <= d)
				continue;
			if (next && fx_lo(next->date) <= o->lo)
				continue;
			if (!x->nta || fx_lo(x->nta->date) > d)
				continue;
			r->removal = -1;
			break;
		}
	}
}

static void walk(struct fx *x)
{
	const struct cw_case *c = x->c;
	struct walk w = { NULL, NULL, NULL, NULL, 0, -1 };
	uint32_t stay = 0;
	size_t n = c->n_events + 1;
	x->ord = arena_alloc(x->a, 2 * n * sizeof(*x->ord));
	x->vd = arena_alloc(x->a, n * sizeof(*x->vd));
	x->dep = arena_alloc(x->a, n * sizeof(*x->dep));
	x->n_ord = x->n_vd = x->n_dep = 0;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		lapse(x, &w, fx_lo(e->date), e);
		if (stay < x->n_st && x->st[stay].entry == e)
			w.stay = (int32_t)stay++;
		if (facts_is_order(e) || protection_grant(e))
			on_order(x, &w, i);
		else if (e->type == EV_VOLUNTARY_RETURN ||
			 (e->type == EV_DECISION &&
			  e->outcome == OUT_VOLUNTARY_DEPARTURE))
			on_vd(x, &w, e);
		else if (e->type == EV_DECISION &&
			 (e->outcome == OUT_TERMINATED ||
			  (e->outcome == OUT_RELIEF_GRANTED &&
			   e->relief < REL_FIRST_AUXILIARY)) && w.out) {
			w.out->rescinded = true;        /* vacated */
			w.out = NULL;
		} else if (e->type == EV_MOTION || e->type == EV_APPEAL)
			on_motion(x, &w, e);
		else if (e->type == EV_NTA_SERVED)
			w.nta = e;
		else if (e->type == EV_WITHDRAWAL_AT_PORT)
			w.withdrawal = e;
		else if (e->type == EV_DEPARTURE)
			on_departure(x, &w, e);
	}
	lapse(x, &w, x->as_of, NULL);   /* in effect by the as-of date */
	later_absentia(x);
}

/* ---- items ------------------------------------------------------------------ */

static const char *absence_name(int a)
{
	return a >= 0 ? absence_reason_def.names[a] : "unknown";
}

static int without_cause(int a)
{
	return a == ABS_NONE ? 1 : (a < 0 || a == ABS_UNKNOWN) ? -1 : 0;
}

static void order_items(struct fx *x)
{
	for (uint32_t i = 0; i < x->n_ord; i++) {
		const struct order_rec *o = &x->ord[i];
		struct value *row = fx_item(x, SC_ORDER, o->ev->pos.line);
		row[ORD_DATE] = value_date_range(o->lo, o->hi);
		row[ORD_KIND] = value_str(o->kind);
		row[ORD_IN_ABSENTIA] = value_bool(o->in_absentia);
		row[ORD_RESCINDED] = value_bool(o->rescinded);
		row[ORD_ORAL] = o->in_absentia ? fx_tri(o->oral) : value_bool(false);
		row[ORD_ABSENCE] = value_str(o->in_absentia ?
					     absence_name(o->absence) : "");
		row[ORD_EXECUTED] = value_bool(o->executed);
		row[ORD_ARRIVING] = value_bool(o->arriving);
		row[ORD_FINAL] = value_date_range(o->final_lo, o->final_hi);
	}
}

static void vd_items(struct fx *x)
{
	for (uint32_t i = 0; i < x->n_vd; i++) {
		const struct vd_rec *v = &x->vd[i];
		if (v->deadline == NEVER)
			continue;       /* a voluntary return without one */
		const struct event *e = v->ev;
		struct value *row = fx_item(x, SC_VD, e->pos.line);
		row[VD_DATE] = fx_date(e->date);
		row[VD_BY] = value_str(v->ij ? "IJ" : "DHS");
		row[VD_STAGE] = value_str(!v->ij ? "voluntary_return" :
					  e->stage == STAGE_PRE_HEARING ?
					  "pre_hearing" : "conclusion");
		row[VD_DEPART_BY] = value_date(v->recorded);
		row[VD_DEADLINE] = value_date(v->deadline);
		row[VD_ROLLED] = value_bool(v->rolled);
		row[VD_DEPARTED] = value_bool(v->dep != NULL);
		if (v->dep)
			row[VD_DEPARTURE] = fx_date(v->dep->date);
		row[VD_IN_TIME] = fx_tri(v->dep ? v->in_time :
					 x->as_of <= v->deadline && !v->ended_by_motion
					 ? 1 : 0);
		row[VD_IN_TIME].borderline = v->borderline;
		row[VD_NONVOLUNTARY] = value_bool(v->dep &&
						  v->dep->nonvoluntary == TRI_TRUE);
		row[VD_BOND] = !v->ij ? value_bool(true) :
			fx_tri(date_known(e->bond_posted) ? 1 : -1);
		row[VD_ENDED] = value_bool(v->ended_by_motion);
		row[VD_STAY_EWI] = value_bool(v->stay >= 0 &&
			x->st[v->stay].entry->manner == MANNER_WITHOUT_INSPECTION);
		row[VD_BEFORE_EPISODE] = value_bool(x->episode < x->c->n_events &&
			fx_lo(e->date) < fx_lo(x->c->events[x->episode].date));
	}
}

/* Was the in absentia order entered at hearing h rescinded? */
static bool hearing_rescinded(const struct fx *x, const struct event *h)
{
	for (uint32_t i = 0; i < x->n_ord; i++)
		if (x->ord[i].missed == h)
			return x->ord[i].rescinded;
	return false;
}

static void hearing_items(struct fx *x)
{
	const struct cw_case *c = x->c;
	uint32_t k = 0;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_HEARING)
			continue;
		daynum d = fx_lo(e->date);
		while (k < x->n_dep && fx_lo(x->dep[k].ev->date) < d)
			k++;
		struct value *row = fx_item(x, SC_HEARING, e->pos.line);
		row[HR_DATE] = fx_date(e->date);
		row[HR_KIND] = value_str(e->kind >= 0 ?
					 hearing_kind_def.names[e->kind] : "");
		row[HR_SCHEDULED] = value_bool(e->scheduled == TRI_TRUE);
		row[HR_MISSED] = value_bool(e->appeared == TRI_FALSE);
		row[HR_ABSENCE] = value_str(e->appeared == TRI_FALSE ?
					    absence_name(e->absence_reason) : "");
		row[HR_NO_CAUSE] = e->appeared == TRI_FALSE ?
			fx_tri(without_cause(e->absence_reason)) : value_bool(false);
		row[HR_RESCINDED] = value_bool(hearing_rescinded(x, e));
		if (k < x->n_dep)
			row[HR_DEP_AFTER] = fx_date(x->dep[k].ev->date);
	}
}

static void nta_items(struct fx *x)
{
	const struct cw_case *c = x->c;
	daynum next_notice = NEVER;
	/* backward, so each notice knows the next hearing notice after it */
	uint32_t n = 0;
	for (uint32_t i = 0; i < c->n_events; i++)
		n += c->events[i].type == EV_NTA_SERVED;
	daynum *later = arena_alloc(x->a, (n + 1) * sizeof(*later));
	uint32_t k = n;
	for (uint32_t i = c->n_events; i-- > 0;) {
		const struct event *e = &c->events[i];
		if (e->type == EV_HEARING_NOTICE && e->time_place != TRI_FALSE)
			next_notice = fx_lo(e->date);
		if (e->type == EV_NTA_SERVED)
			later[--k] = next_notice;
	}
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_NTA_SERVED)
			continue;
		struct value *row = fx_item(x, SC_NTA, e->pos.line);
		row[NTA_DATE] = fx_date(e->date);
		row[NTA_TIME_PLACE] = fx_tri(e->time_place);
		row[NTA_FILED] = fx_date(e->filed);
		row[NTA_ARRIVING] = value_bool(e->arriving == TRI_TRUE);
		row[NTA_ORAL] = fx_tri(e->oral_notice);
		row[NTA_LATER_NOTICE] = fx_day(later[k++]);
	}
}

static void encounter_items(struct fx *x)
{
	const struct cw_case *c = x->c;
	daynum absentia = NEVER;
	for (uint32_t i = 0; i < x->n_ord; i++)
		if (x->ord[i].in_absentia && !x->ord[i].rescinded &&
		    x->ord[i].lo < absentia)
			absentia = x->ord[i].lo;
	const struct event *stay_entry = NULL;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type == EV_ENTRY && e->manner != MANNER_ATTEMPTED)
			stay_entry = e;
		if (e->type != EV_ENCOUNTER)
			continue;
		struct value *row = fx_item(x, SC_ENCOUNTER, e->pos.line);
		row[ENC_DATE] = fx_date(e->date);
		row[ENC_AGENCY] = fx_str(e->agency);
		row[ENC_BETWEEN_PORTS] = value_bool(e->between_ports == TRI_TRUE);
		row[ENC_NEAR_BORDER] = fx_tri(e->near_border);
		row[ENC_AT_PORT] = value_bool(e->at_port == TRI_TRUE);
		row[ENC_DETAINED] = fx_tri(e->detained);
		row[ENC_AFTER_ABSENTIA] = value_bool(absentia < fx_lo(e->date));
		row[ENC_EWI_STAY] = value_bool(stay_entry && stay_entry->manner ==
					       MANNER_WITHOUT_INSPECTION);
	}
}

static struct value not_false(int8_t t)
{
	return value_bool(t != TRI_FALSE);
}

static void misrep_items(struct fx *x)
{
	const struct cw_case *c = x->c;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_MISREPRESENTATION)
			continue;
		struct value *row = fx_item(x, SC_MISREP, e->pos.line);
		row[MIS_DATE] = fx_date(e->date);
		row[MIS_KIND] = fx_str(e->kind >= 0 ? misrep_kind_def.names[e->kind]
					     : "");
		row[MIS_PURPOSE] = fx_str(e->purpose >= 0 ?
					  misrep_purpose_def.names[e->purpose] : "");
		row[MIS_WILLFUL] = not_false(e->willful);
		row[MIS_MATERIAL] = not_false(e->material);
		row[MIS_RETRACTED] = value_bool(e->retracted_timely == TRI_TRUE);
		row[MIS_USC_PARENTS] = value_bool(e->exception_usc_parents ==
						  TRI_TRUE);
	}
}

static void petition_items(struct fx *x)
{
	const struct cw_case *c = x->c;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_PETITION)
			continue;
		struct value *row = fx_item(x, SC_PETITION, e->pos.line);
		row[PTN_DATE] = fx_date(e->date);
		row[PTN_FORM] = fx_str(e->form >= 0 ? form_def.names[e->form] : "");
		row[PTN_CATEGORY] = fx_str(e->category >= 0 ?
					   category_def.names[e->category] : "");
		row[PTN_BASIS] = fx_str(e->basis >= 0 ?
					petition_basis_def.names[e->basis] : "");
		row[PTN_OUTCOME] = fx_str(e->outcome >= 0 ?
					  petition_outcome_def.names[e->outcome] : "");
		row[PTN_APPROVABLE] = e->approvable != TRI_UNSET ?
			fx_tri(e->approvable) : e->outcome == POUT_APPROVED ?
			value_bool(true) : value_unknown();
		row[PTN_DECIDED] = fx_date(e->decided);
		row[PTN_PETITIONER] = fx_str(e->petitioner >= 0 ?
					     petitioner_def.names[e->petitioner] : "");
	}
}

static void case_order_facts(struct fx *x)
{
	struct value *f = x->f;
	const struct order_rec *last = NULL, *absentia = NULL;
	bool out = false;
	for (uint32_t i = 0; i < x->n_ord; i++) {
		const struct order_rec *o = &x->ord[i];
		if (o->rescinded)
			continue;
		last = o;
		out = !o->executed;
		if (o->in_absentia)
			absentia = o;
	}
	int removals = 0;
	daynum last_removal = NEVER;
	for (uint32_t k = 0; k < x->n_dep; k++)
		if (x->dep[k].removal == 1) {
			removals++;
			last_removal = fx_lo(x->dep[k].ev->date);
		}
	f[F_ORDERED] = value_bool(last != NULL);
	f[F_ORDER_OUT] = value_bool(out);
	f[F_REMOVALS] = value_int(removals);
	f[F_LAST_REMOVAL] = fx_day(last_removal);
	if (last)
		f[F_FINAL_ORDER_DATE] = value_date_range(last->final_lo,
							 last->final_hi);
	f[F_IN_ABSENTIA] = value_bool(absentia != NULL);
	if (absentia) {
		f[F_IN_ABSENTIA_DATE] = value_date_range(absentia->lo,
							 absentia->hi);
		/* date.deadline: the order day is day 0, rolled forward */
		f[F_REOPEN_DEADLINE] = value_date(fx_next_business_day(x,
			absentia->lo + fx_param_int(x, P_REOPEN_DAYS)));
	}
}

void facts_orders_derive(struct fx *x)
{
	walk(x);
	order_items(x);
	vd_items(x);
	hearing_items(x);
	nta_items(x);
	encounter_items(x);
	misrep_items(x);
	petition_items(x);
	case_order_facts(x);
}
