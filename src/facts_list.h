/* facts_list.h - every fact of a whole case the rules may name, as src/
 * derives it from the timeline: X(ID, name, type, meaning).  These say what
 * the file shows (dates, counts, durations, who was who on which day); what
 * the law makes of them is in config/rules.yaml.  The facts of single
 * events are in items.h.  Included by facts.c and nowhere else.
 *
 * LATE_FACT_LIST holds the facts computed after the rules' derived facts
 * of single items (they read offense.stops_time, nta.stops_time and
 * departure.breaks_presence): a derived fact of an item may not name them.
 */
#define EARLY_FACT_LIST(X) \
	X(F_AS_OF, "as_of", VAL_DATE, "the date the case is evaluated on (--as-of)") \
	X(F_LAW_AS_OF, "law_as_of", VAL_DATE, "the date whose law applies (--law-as-of)") \
	X(F_PATH, "path", VAL_STR, "the path of the latest enforcement episode (casewalk-rules(5), Paths)") \
	X(F_HEARING, "hearing", VAL_BOOL, "appeared before an immigration judge at a merits hearing, or a judge decided with the person present") \
	X(F_IN_PROCEEDINGS, "in_proceedings", VAL_BOOL, "removal proceedings are open on as_of (pending or administratively closed)") \
	X(F_DECISION_DATE, "decision_date", VAL_DATE, "the episode's final decision (for an open case: as_of)") \
	X(F_T_DEC, "t_dec", VAL_DATE, "the decisive moment of the path taken: the merits hearing, the order, the grant, or the voluntary return") \
	X(F_EPISODE_START, "episode_start", VAL_DATE, "the first event of the latest enforcement episode (an encounter or a notice)") \
	X(F_BORN, "born", VAL_DATE, "date of birth") \
	X(F_AGE, "age", VAL_INT, "age in whole years on decision_date") \
	X(F_MARRIED, "married", VAL_BOOL, "the person is married") \
	X(F_MARRIED_ON, "married_on", VAL_DATE, "the day of the current marriage") \
	X(F_LPR, "lpr", VAL_BOOL, "a lawful permanent resident on decision_date") \
	X(F_LPR_SINCE, "lpr_since", VAL_DATE, "permanent resident since") \
	X(F_LPR_AT_PORT, "lpr_admitted_at_port", VAL_BOOL, "became a permanent resident by admission at a port (not by adjustment)") \
	X(F_LPR_YEARS, "lpr_years", VAL_INT, "whole years as a permanent resident on decision_date") \
	X(F_IN_US, "in_us", VAL_BOOL, "in the United States on as_of: the latest entry or departure on or before it is an entry (date.stay)") \
	X(F_STAY_START, "current_stay_start", VAL_DATE, "the entry that began the current stay") \
	X(F_STAY_MANNER, "current_stay_manner", VAL_STR, "how the current stay began: without_inspection, admitted, paroled") \
	X(F_STAY_STATUS, "current_stay_status", VAL_STR, "the visa class of that entry, or empty") \
	X(F_DEPARTED, "departed", VAL_BOOL, "left the United States at least once") \
	X(F_DEPARTURES, "departures", VAL_INT, "departures on file") \
	X(F_LAST_DEP, "last_departure_date", VAL_DATE, "the most recent departure") \
	X(F_UP_NOW, "up_current_days", VAL_INT, "unlawful presence for 212(a)(9)(B) in the current stay up to as_of") \
	X(F_UP9C, "up9c_days", VAL_INT, "aggregate unlawful presence in every stay, counted as for 212(a)(9)(C)") \
	X(F_ORDERED, "ordered_removed", VAL_BOOL, "a removal order that stands was ever entered (in absentia, stipulated, expedited, 238(b), reinstated, a protection grant's, or a breached VD's alternate order)") \
	X(F_ORDER_OUT, "order_outstanding", VAL_BOOL, "a removal order stands unexecuted on as_of") \
	X(F_REMOVALS, "removals", VAL_INT, "removals so far (removed, or left under an outstanding order)") \
	X(F_LAST_REMOVAL, "last_removal_date", VAL_DATE, "the most recent removal") \
	X(F_FINAL_ORDER_DATE, "final_order_date", VAL_DATE, "the latest removal order that stands") \
	X(F_IN_ABSENTIA, "in_absentia", VAL_BOOL, "an in absentia order stands") \
	X(F_IN_ABSENTIA_DATE, "in_absentia_date", VAL_DATE, "its date") \
	X(F_REOPEN_DEADLINE, "reopen_deadline", VAL_DATE, "the last day to move to reopen it for exceptional circumstances (reopen_in_absentia_days, rolled to a business day)") \
	X(F_FIRST_ENTRY, "first_entry_date", VAL_DATE, "the first entry") \
	X(F_LAST_ARRIVAL, "last_arrival_date", VAL_DATE, "the most recent entry (last arrival, Matter of F-P-R-)") \
	X(F_EWI, "entered_without_inspection", VAL_BOOL, "entered without inspection at least once") \
	X(F_ADMITTED, "admitted_or_paroled", VAL_BOOL, "was admitted or paroled at an entry at least once") \
	X(F_ASYLUM_DEADLINE, "asylum_deadline", VAL_DATE, "one year after the later of the last arrival and asylum_deadline_base, rolled to a business day (date.asylum_deadline)") \
	X(F_ASYLUM_FILED, "asylum_filed_date", VAL_DATE, "the asylum application filed after the last arrival") \
	X(F_ASYLUM_TIMELY, "asylum_timely", VAL_BOOL, "filed by asylum_deadline (not filed: as_of is not past it)") \
	X(F_SIJS_FILED, "sijs_filed_date", VAL_DATE, "the first filing of the SIJ petition (an I-360 for sijs, or an application for sijs)") \
	X(F_CONVICTIONS, "convictions", VAL_INT, "offenses that are convictions (not juvenile, not vacated for a defect)") \
	X(F_CIMT_COUNT, "cimt_count", VAL_INT, "convictions of crimes involving moral turpitude") \
	X(F_QUAL_REL, "qualifying_relative", VAL_BOOL, "a citizen or permanent resident spouse, parent, or child (unmarried, under child_age on decision_date)") \
	X(F_HARDSHIP_EXC, "hardship_exceptional", VAL_BOOL, "exceptional and extremely unusual hardship to such a relative") \
	X(F_QUAL_REL_9BV, "qualifying_relative_9bv", VAL_BOOL, "a citizen or permanent resident spouse or parent (212(a)(9)(B)(v), 212(i))") \
	X(F_HARDSHIP_9BV, "hardship_extreme_9bv", VAL_BOOL, "extreme hardship to that spouse or parent") \
	X(F_QUAL_REL_212H, "qualifying_relative_212h", VAL_BOOL, "a citizen or permanent resident spouse, parent, son or daughter of any age (212(h)(1)(B))") \
	X(F_HARDSHIP_212H, "hardship_extreme_212h", VAL_BOOL, "extreme hardship to such a relative") \
	X(F_USC_SPOUSE_OR_PARENT, "usc_spouse_or_parent", VAL_BOOL, "a citizen spouse or parent (the 2013 I-601A rule's qualifying relative)") \
	X(F_HARDSHIP_USC, "hardship_extreme_usc", VAL_BOOL, "extreme hardship to a citizen spouse or parent") \
	X(F_IMMEDIATE_REL, "immediate_relative", VAL_BOOL, "an immediate relative of a citizen: spouse, unmarried child under child_age, or parent of a citizen son or daughter of that age or older; or the beneficiary of an immediate-relative petition") \
	X(F_VAWA_ABUSER, "vawa_qualifying_abuser", VAL_BOOL, "battered or subjected to extreme cruelty by a spouse or parent who is or was a citizen or permanent resident") \
	X(F_ABUSED_BY, "abused_by", VAL_STR, "who was abusive: spouse, parent, child_parent, intended_spouse, or empty") \
	X(F_FEAR, "fear_of_return", VAL_BOOL, "expresses fear of persecution or torture") \
	X(F_CRIME_VICTIM, "crime_victim", VAL_BOOL, "victim of qualifying criminal activity") \
	X(F_TRAFFICKING, "trafficking_victim", VAL_BOOL, "victim of severe trafficking") \
	X(F_UAC, "unaccompanied_child", VAL_BOOL, "arrived as an unaccompanied child") \
	X(F_GMC_FINDING, "gmc_finding", VAL_BOOL, "the analyst's finding of good moral character") \
	X(F_VAWA_SELF, "vawa_self_petitioner", VAL_BOOL, "a VAWA self-petitioner (101(a)(51)): as the file says, else from an I-360 self-petition") \
	X(F_ABUSE_OVERSTAY, "abuse_connection_overstay", VAL_BOOL, "a substantial connection between the abuse and the violation of the nonimmigrant visa's terms") \
	X(F_ABUSE_VD, "abuse_central_vd", VAL_BOOL, "the abuse was a central reason for overstaying voluntary departure") \
	X(F_ABUSE_REENTRY, "abuse_connection_reentry", VAL_BOOL, "a connection between the abuse and the removal, departure or re-entry") \
	X(F_TRAFFICKING_CENTRAL, "trafficking_central_reason", VAL_BOOL, "severe trafficking was at least one central reason for the unlawful presence") \
	X(F_ASYLUM_EXCEPTION, "asylum_exception", VAL_STR, "the exception claimed for a late asylum application: changed_circumstances, extraordinary_circumstances, none, or empty") \
	X(F_MARRIAGE_FRAUD, "marriage_fraud_found", VAL_BOOL, "found deportable for marriage fraud (237(a)(1)(G))") \
	X(F_UNAUTH_WORK, "unauthorized_work", VAL_BOOL, "worked without authorization (the employment periods on file)") \
	X(F_PRIOR_CANCEL, "prior_cancellation", VAL_BOOL, "granted cancellation, suspension or 212(c) in an earlier episode") \
	X(F_WB_CATEGORY, "way_back_category", VAL_STR, "the immigrant category the way back assumes (way_back.category, default immediate_relative)") \
	X(F_WB_DEPARTURE, "way_back_departure", VAL_DATE, "the day a person in the United States is assumed to leave for an immigrant visa (way_back.departure, default as_of)") \
	RELIEF_FACTS(X, cancel_lpr) RELIEF_FACTS(X, cancel_nonlpr) \
	RELIEF_FACTS(X, cancel_vawa) RELIEF_FACTS(X, asylum) \
	RELIEF_FACTS(X, withholding) RELIEF_FACTS(X, cat) \
	RELIEF_FACTS(X, adjust_245a) RELIEF_FACTS(X, adjust_245i) \
	RELIEF_FACTS(X, registry) RELIEF_FACTS(X, u_visa) \
	RELIEF_FACTS(X, t_visa) RELIEF_FACTS(X, sijs) \
	RELIEF_FACTS(X, waiver_212h) RELIEF_FACTS(X, voluntary_departure) \
	RELIEF_FACTS(X, extension_of_status) RELIEF_FACTS(X, change_of_status) \
	RELIEF_FACTS(X, waiver_9Bv) RELIEF_FACTS(X, waiver_i601a) \
	RELIEF_FACTS(X, consent_i212) RELIEF_FACTS(X, consent_9Cii) \
	RELIEF_FACTS(X, waiver_212i) RELIEF_FACTS(X, waiver_212d3) \
	RELIEF_FACTS(X, waiver_9Ciii)

#define LATE_FACT_LIST(X) \
	X(F_CPP_START, "cpp_start", VAL_DATE, "start of continuous physical presence: the latest of the first entry, the return after the latest absence of more than cpp_single_absence_max_days, and the return after the latest departure that breaks presence (date.cpp_window)") \
	X(F_CPP_END, "cpp_end", VAL_DATE, "its end: stop-time, or decision_date") \
	X(F_CPP_YEARS, "cpp_years", VAL_INT, "whole years of continuous physical presence") \
	X(F_CPP_DAYS, "cpp_days", VAL_INT, "days of continuous physical presence") \
	X(F_CPP_ABSENCE, "cpp_window_absence_days", VAL_INT, "days abroad inside the cpp_nonlpr_years before cpp_end (an absence across the window's start counts with its days inside)") \
	X(F_STOP_TIME, "stop_time_date", VAL_DATE, "the day the stop-time rule cut presence and residence (240A(d)(1)); unknown when nothing stopped time") \
	X(F_STOP_TIME_BY, "stop_time_by", VAL_STR, "what stopped time: nta, hearing_notice, offense, or none") \
	X(F_CPP_VAWA_YEARS, "cpp_vawa_years", VAL_INT, "whole years of presence for VAWA cancellation (a notice does not stop it; an offense does)") \
	X(F_CPP_VAWA_ABSENCE, "cpp_vawa_window_absence_days", VAL_INT, "days abroad inside the cpp_vawa_required_years before its end") \
	X(F_RESIDENCE_YEARS, "residence_years", VAL_INT, "whole years of continuous residence after admission in any status, cut by stop-time (240A(a)(2))") \
	X(F_PRESENCE_BEFORE_NTA, "presence_before_nta_days", VAL_INT, "days of physical presence immediately before the notice to appear of the episode") \
	X(F_LAWFUL_RESIDENCE_NTA, "lawful_residence_years_at_nta", VAL_INT, "whole years of lawful continuous residence before the episode's notice to appear, from the first lawful admission that continued (212(h), Matter of Rotimi)")

#define FACT_LIST(X) EARLY_FACT_LIST(X) LATE_FACT_LIST(X)

#define RELIEF_FACTS(X, r) \
	X(F_APPLIED_##r, "applied_" #r, VAL_BOOL, "an application for " #r " was filed") \
	X(F_GRANTED_##r, "granted_" #r, VAL_BOOL, #r " was granted") \
	X(F_DENIED_##r, "denied_" #r, VAL_BOOL, #r " was denied")
