/* facts_people.c - the person, the relatives and the claims: who is whom,
 * and who was a child on which day; what was applied for and decided. */
#include "facts_int.h"

#include <string.h>

/* Status of a relative: 1 a citizen or LPR, 0 neither, -1 not known. */
static int usc_or_lpr(const struct relative *r)
{
	if (r->status == RS_CITIZEN || r->status == RS_LPR)
		return 1;
	return (r->status < 0 || r->status == RS_UNKNOWN) ? -1 : 0;
}

static int citizen(const struct relative *r)
{
	if (r->status == RS_CITIZEN)
		return 1;
	return (r->status < 0 || r->status == RS_UNKNOWN) ? -1 : 0;
}

/* A "child" on day d (INA 101(b)(1)): unmarried and under child_age.  With
 * the marriage not on file, nobody is married before marriage_min_age;
 * after that it is not known. */
static int is_child(const struct fx *x, struct date born, int8_t married,
		    daynum d)
{
	if (married == TRI_TRUE)
		return 0;
	if (!date_known(born))
		return -1;
	daynum adult_lo = fx_add_years(date_lo(born), x->child_age, false);
	daynum adult_hi = fx_add_years(date_hi(born), x->child_age, false);
	int young = d < adult_lo ? 1 : d >= adult_hi ? 0 : -1;
	daynum wed = fx_add_years(date_hi(born),
				  fx_param_int(x, P_MARRIAGE_AGE), false);
	if (young && married == TRI_UNSET && d >= wed)
		return -1;
	return young;
}

static int hardship_at_least(const struct relative *r, int level)
{
	if (r->hardship == HS_EXCEPTIONAL)
		return 1;
	if (r->hardship == HS_EXTREME)
		return level == HS_EXTREME ? 1 : 0;
	return (r->hardship < 0 || r->hardship == HS_UNKNOWN) ? -1 : 0;
}

struct kin {
	int q, hx, q9, h9, q212h, h212h, usc_sp, h_usc, ir, abuser;
};

static void one_relative(const struct fx *x, const struct relative *r,
			 struct kin *k)
{
	int st = usc_or_lpr(r), usc = citizen(r);
	bool child = r->relation == RELN_CHILD;
	bool sp_or_parent = r->relation == RELN_SPOUSE ||
			    r->relation == RELN_PARENT;
	int qual = child ? fx_tri_and(st, is_child(x, r->born, r->married,
						     x->dec))
			 : sp_or_parent ? st : 0;
	k->q = fx_tri_or(k->q, qual);
	k->hx = fx_tri_or(k->hx, fx_tri_and(qual, hardship_at_least(r,
							HS_EXCEPTIONAL)));
	int ext = hardship_at_least(r, HS_EXTREME);
	if (sp_or_parent) {
		k->q9 = fx_tri_or(k->q9, st);
		k->h9 = fx_tri_or(k->h9, fx_tri_and(st, ext));
		k->usc_sp = fx_tri_or(k->usc_sp, usc);
		k->h_usc = fx_tri_or(k->h_usc, fx_tri_and(usc, ext));
	}
	/* 212(h)(1)(B): a son or daughter of any age and marital status */
	if (sp_or_parent || child) {
		k->q212h = fx_tri_or(k->q212h, st);
		k->h212h = fx_tri_or(k->h212h, fx_tri_and(st, ext));
	}
	/* an immediate relative of a citizen (201(b)(2)(A)(i)) on as_of */
	if (r->relation == RELN_SPOUSE)
		k->ir = fx_tri_or(k->ir, usc);
	if (r->relation == RELN_PARENT)
		k->ir = fx_tri_or(k->ir, fx_tri_and(usc,
			is_child(x, x->c->person.born, x->c->person.married,
				 x->as_of)));
	if (child && date_known(r->born)) {
		int grown = x->as_of >= fx_add_years(date_hi(r->born),
						     x->child_age, false);
		k->ir = fx_tri_or(k->ir, fx_tri_and(usc, grown));
	}
	int ab = x->c->claims.abused_by;
	bool match = (ab == AB_PARENT && r->relation == RELN_PARENT) ||
		     ((ab == AB_SPOUSE || ab == AB_INTENDED_SPOUSE) &&
		      r->relation == RELN_SPOUSE) ||
		     (ab == AB_CHILD_PARENT && r->relation == RELN_SPOUSE);
	if (match)
		k->abuser = fx_tri_or(k->abuser, st);
}

static void derive_relatives(struct fx *x)
{
	const struct cw_case *c = x->c;
	struct kin k = { 0 };
	for (uint32_t i = 0; i < c->n_relatives; i++)
		one_relative(x, &c->relatives[i], &k);
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type == EV_PETITION && e->category == CAT_IMMEDIATE_RELATIVE &&
		    e->outcome != POUT_DENIED && e->form != FORM_I360)
			k.ir = fx_tri_or(k.ir, 1);
	}
	/* no relatives key: the family is not known (an empty list says
	 * there is none), unless the way back names a category that does
	 * not rest on family */
	int cat = c->way_back.category;
	if (!c->has_relatives && (cat < 0 || cat == WB_IMMEDIATE_RELATIVE ||
				  cat == WB_FAMILY_PREFERENCE)) {
		int *unk[] = { &k.q, &k.hx, &k.q9, &k.h9, &k.q212h, &k.h212h,
			       &k.usc_sp, &k.h_usc, &k.ir };
		for (size_t i = 0; i < sizeof(unk) / sizeof(*unk); i++)
			if (*unk[i] == 0)
				*unk[i] = -1;
	}
	/* the abuser is not among the relatives: status not known */
	if (c->claims.abused_by >= 0 && !k.abuser)
		k.abuser = -1;
	struct value *f = x->f;
	f[F_QUAL_REL] = fx_tri(k.q);
	f[F_HARDSHIP_EXC] = fx_tri(k.hx);
	f[F_QUAL_REL_9BV] = fx_tri(k.q9);
	f[F_HARDSHIP_9BV] = fx_tri(k.h9);
	f[F_QUAL_REL_212H] = fx_tri(k.q212h);
	f[F_HARDSHIP_212H] = fx_tri(k.h212h);
	f[F_USC_SPOUSE_OR_PARENT] = fx_tri(k.usc_sp);
	f[F_HARDSHIP_USC] = fx_tri(k.h_usc);
	f[F_IMMEDIATE_REL] = fx_tri(k.ir);
	f[F_VAWA_ABUSER] = fx_tri(c->claims.abused_by < 0 ? 0 : k.abuser);
}

/* 101(a)(51): as the claims say, else from an I-360 self-petition
 * (case-format.md claims). */
static int vawa_self_petitioner(const struct cw_case *c)
{
	if (c->claims.vawa_self_petitioner != TRI_UNSET)
		return c->claims.vawa_self_petitioner == TRI_TRUE;
	int found = -2;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_PETITION || e->form != FORM_I360)
			continue;
		bool vawa = e->basis == PB_VAWA ||
			    (e->basis < 0 && c->claims.abused_by >= 0 &&
			     (e->category == CAT_IMMEDIATE_RELATIVE ||
			      e->category == CAT_PREFERENCE));
		if (!vawa)
			continue;
		int t = e->outcome == POUT_APPROVED ? 1 :
			e->outcome == POUT_DENIED ? 0 : -1;
		found = found == -2 ? t : fx_tri_or(found, t);
	}
	if (found != -2)
		return found;
	return c->claims.abused_by >= 0 ? -1 : 0;
}

/* A specific abuse key, else abuse_connected in its place. */
static struct value abuse_key(const struct cw_case *c, int8_t v)
{
	int8_t t = v != TRI_UNSET ? v : c->claims.abuse_connected;
	return fx_tri(t == TRI_UNSET ? -1 : t == TRI_TRUE);
}

/* 18 or older at every entry on file: never an unaccompanied child. */
static bool adult_at_arrival(const struct fx *x)
{
	const struct cw_case *c = x->c;
	if (!date_known(c->person.born))
		return false;
	daynum adult = fx_add_years(date_hi(c->person.born),
				    fx_param_int(x, P_UAC_AGE), false);
	bool any = false;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		if (e->type != EV_ENTRY)
			continue;
		any = true;
		if (fx_lo(e->date) < adult)
			return false;
	}
	return any;
}

static void derive_claims(struct fx *x)
{
	const struct claims *cl = &x->c->claims;
	struct value *f = x->f;
	f[F_ABUSED_BY] = fx_str(cl->abused_by >= 0 ?
				abuser_def.names[cl->abused_by] : "");
	f[F_FEAR] = fx_tri(cl->fear_of_return);
	f[F_CRIME_VICTIM] = fx_tri(cl->crime_victim);
	f[F_TRAFFICKING] = fx_tri(cl->trafficking_victim);
	f[F_UAC] = fx_tri(cl->unaccompanied_child);
	if (cl->unaccompanied_child == TRI_UNSET && adult_at_arrival(x))
		f[F_UAC] = value_bool(false);   /* an adult is not a child */
	f[F_GMC_FINDING] = fx_tri(cl->good_moral_character);
	f[F_VAWA_SELF] = fx_tri(vawa_self_petitioner(x->c));
	f[F_ABUSE_OVERSTAY] = abuse_key(x->c, cl->abuse_connection_overstay);
	f[F_ABUSE_VD] = abuse_key(x->c, cl->abuse_central_vd);
	f[F_ABUSE_REENTRY] = abuse_key(x->c, cl->abuse_connection_reentry);
	/* a claim not made is not a missing fact (case-format.md claims) */
	f[F_TRAFFICKING_CENTRAL] = value_bool(cl->trafficking_central_reason ==
					      TRI_TRUE);
	f[F_ASYLUM_EXCEPTION] = fx_str(cl->asylum_exception >= 0 ?
		asylum_exception_def.names[cl->asylum_exception] : "");
	f[F_MARRIAGE_FRAUD] = fx_tri(cl->marriage_fraud_found == TRI_UNSET ? 0
				     : cl->marriage_fraud_found);
	int work = 0;
	for (uint32_t i = 0; i < x->c->n_employment; i++)
		work = fx_tri_or(work, x->c->employment[i].authorized ==
				 TRI_FALSE ? 1 : x->c->employment[i].authorized
				 == TRI_UNSET ? -1 : 0);
	f[F_UNAUTH_WORK] = fx_tri(work);
}

static void derive_person(struct fx *x)
{
	const struct cw_case *c = x->c;
	const struct person *p = &c->person;
	struct value *f = x->f;
	struct date since = p->lpr_since;
	for (uint32_t i = 0; i < c->n_events && !date_known(since); i++) {
		const struct event *e = &c->events[i];
		if (e->type == EV_STATUS_GRANTED && (e->status == ST_LPR ||
		    e->status == ST_CONDITIONAL_LPR))
			since = e->date;
		if (facts_grant_status(e) == ST_LPR)
			since = e->date;        /* adjusted, registered, or
						   granted cancellation */
		if (e->type == EV_ENTRY && e->visa_status &&
		    !strcmp(e->visa_status, "immigrant"))
			since = e->date;
	}
	bool at_port = p->lpr_via == LPR_VIA_ADMISSION;
	for (uint32_t i = 0; i < c->n_events && p->lpr_via < 0; i++)
		if (c->events[i].type == EV_ENTRY && c->events[i].visa_status &&
		    !strcmp(c->events[i].visa_status, "immigrant"))
			at_port = true;
	int lpr = !date_known(since) ? 0 : date_hi(since) <= x->dec ? 1 :
		  date_lo(since) > x->dec ? 0 : -1;
	f[F_LPR] = fx_tri(lpr);
	f[F_LPR_SINCE] = fx_date(since);
	f[F_LPR_AT_PORT] = value_bool(lpr != 0 && at_port);
	f[F_LPR_YEARS] = date_known(since) ?
		fx_years(date_lo(since), date_hi(since), x->dec, x->dec) :
		value_int(0);
	f[F_BORN] = fx_date(p->born);
	if (date_known(p->born))
		f[F_AGE] = fx_years(date_lo(p->born), date_hi(p->born),
				    x->dec, x->dec);
	f[F_MARRIED] = fx_tri(p->married);
	f[F_MARRIED_ON] = fx_date(p->married_on);
	x->adult_lo = x->adult_hi = NEVER;
	if (date_known(p->born)) {
		x->adult_lo = fx_add_years(date_lo(p->born), x->minor_age, false);
		x->adult_hi = fx_add_years(date_hi(p->born), x->minor_age, false);
	}
}

/* applied_X, granted_X, denied_X for every relief id (RELIEFS order), and
 * a cancellation granted in an earlier episode. */
static void derive_relief_events(struct fx *x)
{
	const struct cw_case *c = x->c;
	for (int r = 0; r < REL__COUNT; r++)
		for (int k = 0; k < 3; k++)
			x->f[F_APPLIED_cancel_lpr + 3 * r + k] = value_bool(false);
	int prior = 0;
	daynum start = x->episode < c->n_events ?
		fx_lo(c->events[x->episode].date) : NEVER;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		int k = e->type == EV_APPLICATION ? 0 :
			e->type == EV_DECISION && e->outcome == OUT_RELIEF_GRANTED ? 1 :
			e->type == EV_DECISION && e->outcome == OUT_RELIEF_DENIED ? 2 : -1;
		if (k < 0 || e->relief < 0 || e->relief >= REL__COUNT)
			continue;
		x->f[F_APPLIED_cancel_lpr + 3 * e->relief + k] = value_bool(true);
		if (k == 1 && fx_lo(e->date) < start &&
		    (e->relief == REL_CANCEL_LPR ||
		     e->relief == REL_CANCEL_NONLPR ||
		     e->relief == REL_CANCEL_VAWA))
			prior = 1;
	}
	x->f[F_PRIOR_CANCEL] = value_bool(prior);
}

static void derive_way_back(struct fx *x)
{
	const struct way_back_opts *w = &x->c->way_back;
	x->f[F_WB_CATEGORY] = fx_str(wb_category_def.names[
		w->category >= 0 ? w->category : WB_IMMEDIATE_RELATIVE]);
	x->f[F_WB_DEPARTURE] = date_known(w->departure) ? fx_date(w->departure)
							: value_date(x->as_of);
}

/* The SIJ petition's filing: an I-360 for sijs, an old-format application
 * for sijs, or an I-360 for a special immigrant (the only class casewalk
 * models). */
static void derive_sijs(struct fx *x)
{
	const struct cw_case *c = x->c;
	for (uint32_t i = 0; i < c->n_events; i++) {
		const struct event *e = &c->events[i];
		bool sijs = (e->type == EV_PETITION && e->form == FORM_I360 &&
			     (e->basis == PB_SIJS ||
			      (e->basis < 0 && e->category == CAT_SPECIAL_IMMIGRANT))) ||
			    (e->type == EV_APPLICATION && e->relief == REL_SIJS);
		if (sijs) {
			x->f[F_SIJS_FILED] = fx_date(e->date);
			return;
		}
	}
}

void facts_people_derive(struct fx *x)
{
	derive_person(x);
	derive_relatives(x);
	derive_claims(x);
	derive_relief_events(x);
	derive_way_back(x);
	derive_sijs(x);
}
