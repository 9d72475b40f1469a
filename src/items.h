/* items.h - the events a rule can apply to one by one (legal-reference.md
 * section 2b, `eval.per_event`): each departure, entry, stay, order,
 * hearing, grant of voluntary departure, offense, notice to appear,
 * encounter, misrepresentation and petition of a case is an item with
 * facts of its own, named SCOPE.NAME in the rules (departure.up_days).
 *
 * X(ID, name, type, meaning) per fact; the first fact of every scope is
 * its date, which a penalty that attaches to the item takes as its
 * trigger.  Included by facts.c for the tables; facts_*.c fill them.
 */
#ifndef CW_ITEMS_H
#define CW_ITEMS_H

#include "expr.h"

#define SCOPES(X) \
	X(SC_DEPARTURE, "departure") \
	X(SC_ENTRY, "entry") \
	X(SC_STAY, "stay") \
	X(SC_ORDER, "order") \
	X(SC_HEARING, "hearing") \
	X(SC_VD, "vd") \
	X(SC_OFFENSE, "offense") \
	X(SC_NTA, "nta") \
	X(SC_ENCOUNTER, "encounter") \
	X(SC_MISREP, "misrepresentation") \
	X(SC_PETITION, "petition")

#define CW_SCOPE_ENUM(id, name) id,
enum scope { SCOPES(CW_SCOPE_ENUM) SC__COUNT };
#undef CW_SCOPE_ENUM

#define DEPARTURE_FACTS(X) \
	X(DEP_DATE, "date", VAL_DATE, "the day the person left") \
	X(DEP_KIND, "kind", VAL_STR, "how: removed, voluntary_return, voluntary_departure, self, advance_parole, cbp_home, or unknown") \
	X(DEP_REMOVAL, "removal", VAL_BOOL, "a removal: removed by DHS, or left while a removal order was outstanding (8 U.S.C. 1101(g)); unknown when the order was entered in absentia after the departure, in proceedings pending when the person left") \
	X(DEP_ORDER_ARRIVAL, "order_from_arrival", VAL_BOOL, "the order it executed was an expedited removal order or came from proceedings begun on arrival") \
	X(DEP_ORDER_REINSTATED, "order_reinstated", VAL_BOOL, "the order it executed was a reinstated order") \
	X(DEP_REMOVAL_NUMBER, "removal_number", VAL_INT, "removals up to and including this one") \
	X(DEP_UP_DAYS, "up_days", VAL_INT, "days of unlawful presence for 212(a)(9)(B) in the stay this departure ended (periods of 212(a)(9)(B)(iii) left out; the departure day not counted)") \
	X(DEP_PROCEEDINGS, "proceedings_commenced", VAL_BOOL, "removal proceedings had commenced in this stay before the departure (an NTA filed with the court, or an expedited removal order)") \
	X(DEP_LPR, "lpr", VAL_BOOL, "a lawful permanent resident when leaving") \
	X(DEP_STAY_START, "stay_start", VAL_DATE, "the entry that began the stay") \
	X(DEP_STAY_MANNER, "stay_manner", VAL_STR, "how that stay began: without_inspection, admitted, paroled") \
	X(DEP_STAY_NONIMMIGRANT, "stay_nonimmigrant", VAL_BOOL, "that stay began with a nonimmigrant admission") \
	X(DEP_ADVISED, "advised", VAL_BOOL, "a voluntary return of this stay records that the person was told of and waived a hearing (Form I-826)") \
	X(DEP_UNDER_VD, "under_vd", VAL_BOOL, "left under a grant of voluntary departure or return that had not lapsed") \
	X(DEP_WITHDRAWAL, "withdrawal", VAL_BOOL, "left after withdrawing an application for admission at a port") \
	X(DEP_ABANDONED, "abandoned_residence", VAL_BOOL, "gave up the U.S. residence on leaving") \
	X(DEP_VERIFIED, "verified", VAL_BOOL, "the departure is verified")

#define ENTRY_FACTS(X) \
	X(ENT_DATE, "date", VAL_DATE, "the day of the entry or attempted entry") \
	X(ENT_MANNER, "manner", VAL_STR, "without_inspection, admitted, paroled, or attempted") \
	X(ENT_UNLAWFUL, "unlawful", VAL_BOOL, "entered, or tried to enter, without being admitted or paroled") \
	X(ENT_AFTER_DEP, "after_departure", VAL_BOOL, "the person had left the United States before") \
	X(ENT_UP9C_BEFORE, "up9c_before", VAL_INT, "aggregate unlawful presence before this entry, counted as for 212(a)(9)(C) (every stay, no 212(a)(9)(B)(iii) exception)") \
	X(ENT_ORDERED_BEFORE, "ordered_before", VAL_BOOL, "a removal order that stands had been entered before this entry") \
	X(ENT_REMOVED_BEFORE, "removed_before", VAL_BOOL, "removed, or left under an outstanding order, before this entry") \
	X(ENT_CONSENT_BEFORE, "consent_before", VAL_BOOL, "consent to reapply (I-212) was granted before this entry") \
	X(ENT_STATUS, "status", VAL_STR, "the visa class recorded (B2, crewman, J1, immigrant, advance_parole), or empty") \
	X(ENT_CREWMAN, "crewman", VAL_BOOL, "admitted or landed as a crewman") \
	X(ENT_J1, "j1", VAL_BOOL, "admitted as a J-1 exchange visitor") \
	X(ENT_J1_GME, "j1_gme", VAL_BOOL, "a J-1 admitted to receive graduate medical education or training") \
	X(ENT_J1_212E, "j1_212e", VAL_BOOL, "a J-1 subject to the two-year foreign residence requirement of 212(e)") \
	X(ENT_J1_212E_MET, "j1_212e_met", VAL_BOOL, "that requirement fulfilled or waived") \
	X(ENT_AT_PORT, "at_port", VAL_BOOL, "paroled at a port of entry")

#define STAY_FACTS(X) \
	X(STAY_DATE, "date", VAL_DATE, "the entry that began the stay") \
	X(STAY_END, "end", VAL_DATE, "the departure that ended it; for a stay not ended, the day after as_of") \
	X(STAY_OPEN, "open", VAL_BOOL, "the person is still in the United States in this stay on as_of") \
	X(STAY_MANNER, "manner", VAL_STR, "how the stay began: without_inspection, admitted, paroled") \
	X(STAY_UP_DAYS, "up_days", VAL_INT, "unlawful presence for 212(a)(9)(B) in the stay, up to its end or as_of") \
	X(STAY_UP9C_DAYS, "up9c_days", VAL_INT, "unlawful presence in the stay counted as for 212(a)(9)(C)") \
	X(STAY_OVERSTAYED, "overstayed", VAL_BOOL, "stayed past the period a nonimmigrant admission or parole authorized") \
	X(STAY_OVERSTAY_START, "overstay_start", VAL_DATE, "the first day past that period") \
	X(STAY_NONIMMIGRANT, "nonimmigrant", VAL_BOOL, "the stay began with a nonimmigrant admission")

#define ORDER_FACTS(X) \
	X(ORD_DATE, "date", VAL_DATE, "the day the order was entered") \
	X(ORD_KIND, "kind", VAL_STR, "removal_order, in_absentia_order, stipulated_removal, expedited_removal, reinstatement, admin_removal, protection_grant (withholding or CAT sits on an order), vd_alternate (a breached voluntary departure)") \
	X(ORD_IN_ABSENTIA, "in_absentia", VAL_BOOL, "entered in absentia under 240(b)(5)") \
	X(ORD_RESCINDED, "rescinded", VAL_BOOL, "rescinded or vacated by a granted motion to reopen") \
	X(ORD_ORAL, "oral_notice", VAL_BOOL, "the notice that set the hearing missed came with the oral warnings of 240(b)(7); unknown when no notice on file set that hearing") \
	X(ORD_ABSENCE, "absence_reason", VAL_STR, "why the person was absent: none, exceptional, no_notice, custody, unknown") \
	X(ORD_EXECUTED, "executed", VAL_BOOL, "the person left or was removed after the order") \
	X(ORD_ARRIVING, "arriving", VAL_BOOL, "an expedited removal order, or one from proceedings begun on arrival") \
	X(ORD_FINAL, "final_date", VAL_DATE, "the day the order became final: the BIA's decision on an appeal, else the order date (30 days later for a judge's order that could be appealed)")

#define HEARING_FACTS(X) \
	X(HR_DATE, "date", VAL_DATE, "the day of the hearing") \
	X(HR_KIND, "kind", VAL_STR, "master or individual") \
	X(HR_MISSED, "missed", VAL_BOOL, "the person did not attend") \
	X(HR_SCHEDULED, "scheduled", VAL_BOOL, "a hearing set for a later date (not yet held)") \
	X(HR_ABSENCE, "absence_reason", VAL_STR, "none, exceptional, no_notice, custody, unknown") \
	X(HR_NO_CAUSE, "without_cause", VAL_BOOL, "absent without reasonable cause (absence_reason none); unknown when the file does not say") \
	X(HR_RESCINDED, "order_rescinded", VAL_BOOL, "the in absentia order entered at this hearing was rescinded by a granted motion") \
	X(HR_DEP_AFTER, "departure_after", VAL_DATE, "the first departure or removal after this hearing; unknown when none")

#define VD_FACTS(X) \
	X(VD_DATE, "date", VAL_DATE, "the day voluntary departure (or return) was granted") \
	X(VD_BY, "by", VAL_STR, "DHS (a voluntary return) or IJ") \
	X(VD_STAGE, "stage", VAL_STR, "voluntary_return, pre_hearing or conclusion") \
	X(VD_DEPART_BY, "depart_by", VAL_DATE, "the deadline as recorded") \
	X(VD_DEADLINE, "deadline", VAL_DATE, "the deadline rolled to the next business day when it falls on a weekend or legal holiday (date.vd_deadline)") \
	X(VD_ROLLED, "rolled", VAL_BOOL, "the recorded deadline was not a business day") \
	X(VD_DEPARTED, "departed", VAL_BOOL, "the person left after the grant") \
	X(VD_DEPARTURE, "departure_date", VAL_DATE, "the day the person left after the grant") \
	X(VD_IN_TIME, "left_in_time", VAL_BOOL, "left by the deadline (the rolled one; under law before vd_roll_firm's date a departure saved only by the roll is unknown and borderline)") \
	X(VD_NONVOLUNTARY, "nonvoluntary", VAL_BOOL, "did not leave in time through no fault of their own (Matter of Zmijewska)") \
	X(VD_BOND, "bond_posted", VAL_BOOL, "the voluntary departure bond was posted") \
	X(VD_ENDED, "ended_by_motion", VAL_BOOL, "a motion to reopen or reconsider, or a petition for review, was filed during the period") \
	X(VD_STAY_EWI, "stay_ewi", VAL_BOOL, "the stay in which it was granted began without inspection (present without admission: 212(a)(6)(A))") \
	X(VD_BEFORE_EPISODE, "before_episode", VAL_BOOL, "granted before the latest enforcement episode began")

#define OFFENSE_FACTS(X) \
	X(OFF_DATE, "date", VAL_DATE, "the day the offense was committed") \
	X(OFF_CONVICTION, "conviction", VAL_BOOL, "a conviction under 101(a)(48)(A): not juvenile, not vacated for a legal defect") \
	X(OFF_CONVICTION_DATE, "conviction_date", VAL_DATE, "the day of the conviction") \
	X(OFF_CHARGE, "charge", VAL_STR, "the charge, an id of the offense vocabulary") \
	X(OFF_AF, "aggravated_felony", VAL_BOOL, "an aggravated felony (101(a)(43)) by the analyst or the vocabulary") \
	X(OFF_CIMT, "cimt", VAL_BOOL, "a crime involving moral turpitude") \
	X(OFF_CS, "controlled_substance", VAL_BOOL, "a controlled-substance offense") \
	X(OFF_MJ30, "marijuana_30g", VAL_BOOL, "a single possession of 30 g or less of marijuana") \
	X(OFF_DV, "domestic_violence", VAL_BOOL, "a crime of domestic violence, stalking, or child abuse (237(a)(2)(E))") \
	X(OFF_FIREARM, "firearm", VAL_BOOL, "a firearms offense (237(a)(2)(C))") \
	X(OFF_VIOLENT, "violent", VAL_BOOL, "a crime of violence (18 U.S.C. 16(a))") \
	X(OFF_SEXUAL, "sexual_abuse", VAL_BOOL, "sexual abuse or exploitation") \
	X(OFF_BURGLARY, "burglary", VAL_BOOL, "burglary") \
	X(OFF_GANG, "gang_element", VAL_BOOL, "gang participation is an element") \
	X(OFF_TRAFFIC, "minor_traffic", VAL_BOOL, "a minor traffic offense") \
	X(OFF_STATUS, "status_offense", VAL_BOOL, "immigration status is an essential element") \
	X(OFF_DUI, "dui", VAL_BOOL, "driving under the influence (a dui charge)") \
	X(OFF_TRAFFICKING, "trafficking", VAL_BOOL, "drug trafficking (a drug_trafficking charge, or a controlled-substance aggravated felony)") \
	X(OFF_MAX_DAYS, "max_days", VAL_INT, "the maximum sentence possible, in days") \
	X(OFF_SENTENCE_DAYS, "sentence_days", VAL_INT, "the term of imprisonment imposed, suspended time included (101(a)(48)(B))") \
	X(OFF_SUSPENDED_DAYS, "suspended_days", VAL_INT, "the suspended part of it") \
	X(OFF_GRADE, "grade", VAL_STR, "felony, misdemeanor, infraction, or empty") \
	X(OFF_AGE, "age", VAL_INT, "the person's age in whole years when committing it") \
	X(OFF_CIMT_SEQ, "cimt_seq", VAL_INT, "crimes involving moral turpitude that are convictions, committed up to and including this one") \
	X(OFF_CONVICTIONS_THROUGH, "convictions_through", VAL_INT, "convictions for offenses committed up to and including this one") \
	X(OFF_SENTENCE_THROUGH, "sentence_days_through", VAL_INT, "their sentences imposed, added up") \
	X(OFF_SEPARATE, "separate_incident", VAL_BOOL, "committed on a day no earlier offense of the file was (a separate incident)")

#define NTA_FACTS(X) \
	X(NTA_DATE, "date", VAL_DATE, "the day the notice to appear was served") \
	X(NTA_TIME_PLACE, "time_place", VAL_BOOL, "the notice itself states the time and place of the first hearing") \
	X(NTA_FILED, "filed", VAL_DATE, "the day it was filed with the immigration court (proceedings commence)") \
	X(NTA_ARRIVING, "arriving", VAL_BOOL, "proceedings begun on arrival") \
	X(NTA_ORAL, "oral_notice", VAL_BOOL, "the oral warnings of 240(b)(7) were given with it") \
	X(NTA_LATER_NOTICE, "later_notice_date", VAL_DATE, "the first hearing notice after it that names a time and place; unknown when none")

#define ENCOUNTER_FACTS(X) \
	X(ENC_DATE, "date", VAL_DATE, "the day of the apprehension or arrest") \
	X(ENC_AGENCY, "agency", VAL_STR, "ICE, CBP, police, or another agency") \
	X(ENC_BETWEEN_PORTS, "between_ports", VAL_BOOL, "apprehended between ports of entry, on or just after entering") \
	X(ENC_NEAR_BORDER, "near_border", VAL_BOOL, "within 100 air miles of a land border") \
	X(ENC_AT_PORT, "at_port", VAL_BOOL, "at a port of entry") \
	X(ENC_DETAINED, "detained", VAL_BOOL, "detained") \
	X(ENC_AFTER_ABSENTIA, "after_in_absentia_order", VAL_BOOL, "an in absentia order that stands had been entered before") \
	X(ENC_EWI_STAY, "present_without_admission", VAL_BOOL, "the stay in which it happened began without inspection")

#define MISREP_FACTS(X) \
	X(MIS_DATE, "date", VAL_DATE, "the day of the misrepresentation or false claim") \
	X(MIS_KIND, "kind", VAL_STR, "fraud or false_claim_citizenship") \
	X(MIS_PURPOSE, "purpose", VAL_STR, "visa, admission, benefit, employment, voting, other, or empty") \
	X(MIS_WILLFUL, "willful", VAL_BOOL, "willful (true unless the file says false)") \
	X(MIS_MATERIAL, "material", VAL_BOOL, "material (true unless the file says false)") \
	X(MIS_RETRACTED, "retracted_timely", VAL_BOOL, "retracted timely (false unless the file says true)") \
	X(MIS_USC_PARENTS, "exception_usc_parents", VAL_BOOL, "the 212(a)(6)(C)(ii)(II) exception: citizen parents, residence before 16, reasonable belief (false unless the file says true)")

#define PETITION_FACTS(X) \
	X(PTN_DATE, "date", VAL_DATE, "the day it was filed") \
	X(PTN_FORM, "form", VAL_STR, "I-130, I-140, labor_certification, I-360") \
	X(PTN_CATEGORY, "category", VAL_STR, "immediate_relative, preference, special_immigrant, or empty") \
	X(PTN_BASIS, "basis", VAL_STR, "family, employment, sijs, vawa, other, or empty") \
	X(PTN_OUTCOME, "outcome", VAL_STR, "pending, approved, denied, or empty") \
	X(PTN_APPROVABLE, "approvable", VAL_BOOL, "approvable when filed (245(i)): as the file says, else true if approved") \
	X(PTN_DECIDED, "decided", VAL_DATE, "the day it was decided") \
	X(PTN_PETITIONER, "petitioner", VAL_STR, "spouse, child, parent, sibling, employer, or empty")

/* The facts of each scope, one table per scope (facts.c). */
struct item_fact_def {
	const char *name;       /* without the scope: "up_days" */
	uint8_t type;
	const char *meaning;
};

struct scope_def {
	const char *name;                   /* "departure" */
	const struct item_fact_def *facts;
	uint16_t n_facts;
};

extern const struct scope_def scope_defs[SC__COUNT];

/* The items of one scope in one case: n rows of `width` values (the
 * facts of the scope, then the rules' derived facts of it), each with the
 * line of the event (or offense) it comes from. */
struct item_set {
	uint32_t n, cap;
	uint16_t width;
	struct value *v;            /* n * width */
	uint32_t *line;             /* n */
};

/* Row k of s. */
static inline struct value *item_row(const struct item_set *s, uint32_t k)
{
	return s->v + (size_t)k * s->width;
}

#endif
