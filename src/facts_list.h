/* facts_list.h - every fact the rules may name: X(ID, name, type, meaning).
 * Included by facts.c (the table and the derivation) and nowhere else. */
#define FACT_LIST(X) \
	X(F_AS_OF, "as_of", VAL_DATE, "the date the case is evaluated on (--as-of)") \
	X(F_LAW_AS_OF, "law_as_of", VAL_DATE, "the date whose law applies (--law-as-of)") \
	X(F_PATH, "path", VAL_STR, "the path of the latest enforcement episode (section 1)") \
	X(F_HEARING, "hearing", VAL_BOOL, "appeared before an immigration judge at a merits hearing, or a judge decided with the person present") \
	X(F_IN_PROCEEDINGS, "in_proceedings", VAL_BOOL, "removal proceedings are open (NTA served, no final decision)") \
	X(F_DECISION_DATE, "decision_date", VAL_DATE, "date of the episode's final decision (for a pending case: as_of)") \
	X(F_LPR, "lpr", VAL_BOOL, "a lawful permanent resident") \
	X(F_LPR_ADMITTED, "lpr_admitted_at_port", VAL_BOOL, "became an LPR by admission at a port (not by adjustment)") \
	X(F_LPR_YEARS, "lpr_years", VAL_INT, "whole years as an LPR on the decision date") \
	X(F_AGE, "age", VAL_INT, "age in whole years on the decision date") \
	X(F_MARRIED, "married", VAL_BOOL, "the person is married") \
	X(F_ARRIVING, "arriving", VAL_BOOL, "proceedings began on arrival, or the order was an expedited removal") \
	X(F_DEPARTED, "departed", VAL_BOOL, "left the United States at least once after an entry") \
	X(F_LAST_DEP, "last_departure_date", VAL_DATE, "date of the most recent departure") \
	X(F_LAST_DEP_AP, "last_departure_advance_parole", VAL_BOOL, "the most recent departure was travel on advance parole") \
	X(F_UP_LAST, "up_last_stay_days", VAL_INT, "unlawful presence for 212(a)(9)(B) in the stay that the most recent departure ended, in days") \
	X(F_UP_NOW, "up_current_days", VAL_INT, "unlawful presence for 212(a)(9)(B) in the current stay up to as_of") \
	X(F_PROC_BEFORE_DEP, "proceedings_before_departure", VAL_BOOL, "removal proceedings had commenced (NTA filed) before the most recent departure") \
	X(F_UP9C, "up9c_days", VAL_INT, "aggregate unlawful presence since 1997-04-01 across all stays, without the 9(B) exceptions") \
	X(F_REENTRY, "unlawful_reentry", VAL_BOOL, "entered or tried to enter without admission after a departure") \
	X(F_REENTRY_DATE, "unlawful_reentry_date", VAL_DATE, "date of the latest such entry") \
	X(F_UP9C_BEFORE_REENTRY, "up9c_before_reentry_days", VAL_INT, "aggregate unlawful presence accrued before that entry") \
	X(F_ORDERED_BEFORE_REENTRY, "ordered_before_reentry", VAL_BOOL, "ordered removed before that entry") \
	X(F_OVERSTAYED, "overstayed", VAL_BOOL, "stayed past the period a nonimmigrant admission authorized") \
	X(F_OVERSTAY_START, "overstay_start", VAL_DATE, "first day past the authorized period") \
	X(F_ORDERED, "ordered_removed", VAL_BOOL, "a removal order was ever entered (including in absentia, stipulated, expedited, 238(b), reinstated, or a breached VD's alternate order)") \
	X(F_REMOVALS, "removals", VAL_INT, "departures that count as removals (removed, or left under an outstanding order)") \
	X(F_LAST_REMOVAL, "last_removal_date", VAL_DATE, "date of the most recent such departure") \
	X(F_REMOVAL_ARRIVING, "last_removal_arriving", VAL_BOOL, "the most recent removal was under an expedited order or proceedings begun on arrival") \
	X(F_IN_ABSENTIA, "in_absentia", VAL_BOOL, "an in absentia order was entered") \
	X(F_IN_ABSENTIA_DATE, "in_absentia_date", VAL_DATE, "date of the in absentia order") \
	X(F_ORAL_WARNING, "oral_warning", VAL_BOOL, "told orally, in a language understood, of the time and place and the consequences of not appearing") \
	X(F_ABSENCE_EXCEPTIONAL, "absence_exceptional", VAL_BOOL, "the absence was due to exceptional circumstances") \
	X(F_MISSED_NO_CAUSE, "missed_hearing_without_cause", VAL_BOOL, "failed to attend a removal hearing without reasonable cause") \
	X(F_DEP_AFTER_MISSED, "departure_after_missed_hearing", VAL_DATE, "the later departure or removal after the missed hearing") \
	X(F_VD_GRANTED, "vd_granted", VAL_BOOL, "granted voluntary departure (by DHS or a judge)") \
	X(F_VD_GRANT_DATE, "vd_grant_date", VAL_DATE, "date of the latest voluntary departure grant") \
	X(F_VD_DEPART_BY, "vd_depart_by", VAL_DATE, "its departure deadline") \
	X(F_VD_IN_TIME, "vd_departed_in_time", VAL_BOOL, "left on or before the deadline") \
	X(F_VD_NONVOLUNTARY, "vd_nonvoluntary", VAL_BOOL, "did not leave in time through no fault of their own (Zmijewska)") \
	X(F_VD_BOND, "vd_bond_posted", VAL_BOOL, "the voluntary departure bond was posted") \
	X(F_VD_ENDED_BY_MOTION, "vd_ended_by_motion", VAL_BOOL, "a motion or petition for review filed during the VD period ended it") \
	X(F_ABUSE_CONNECTED, "abuse_connected", VAL_BOOL, "abuse was a central reason for staying, leaving or returning") \
	X(F_CPP_START, "cpp_start", VAL_DATE, "start of continuous physical presence (entry after the last break)") \
	X(F_CPP_END, "cpp_end", VAL_DATE, "end of continuous physical presence: stop-time, a formal departure, or the decision date") \
	X(F_CPP_YEARS, "cpp_years", VAL_INT, "whole years of continuous physical presence") \
	X(F_CPP_DAYS, "cpp_days", VAL_INT, "days of continuous physical presence") \
	X(F_STOP_TIME, "stop_time_date", VAL_DATE, "the day the stop-time rule cut presence and residence (240A(d)(1))") \
	X(F_STOP_TIME_BY, "stop_time_by", VAL_STR, "what stopped time: nta, hearing_notice, offense, or none") \
	X(F_CPP_BREAK_DEP, "cpp_broken_by_departure", VAL_BOOL, "a departure under a formal, documented process broke presence (Romalez-Alcaide)") \
	X(F_CPP_BREAK_DATE, "cpp_break_date", VAL_DATE, "date of that departure") \
	X(F_CPP_BREAK_90, "cpp_broken_by_absence", VAL_BOOL, "an absence over 90 days, or absences over 180 days in all (240A(d)(2))") \
	X(F_RESIDENCE_YEARS, "residence_years", VAL_INT, "whole years of continuous residence after admission in any status, cut by stop-time") \
	X(F_PRESENCE_BEFORE_NTA, "presence_before_nta_days", VAL_INT, "days of physical presence immediately before the NTA was served") \
	X(F_CPP_VAWA_YEARS, "cpp_vawa_years", VAL_INT, "whole years of presence for VAWA cancellation (the NTA does not stop it)") \
	X(F_CONVICTIONS, "convictions", VAL_INT, "convictions that count (not vacated for a defect, not juvenile)") \
	X(F_AF, "aggravated_felony", VAL_BOOL, "convicted of an aggravated felony (101(a)(43))") \
	X(F_AF_5YR, "af_sentence_5yr", VAL_BOOL, "aggravated felonies with aggregate sentences of 5 years or more (a PSC per se)") \
	X(F_DRUG_AF, "drug_trafficking_af", VAL_BOOL, "a drug-trafficking aggravated felony") \
	X(F_CS, "controlled_substance", VAL_BOOL, "convicted of a controlled-substance offense") \
	X(F_ONLY_MJ30, "only_marijuana_30g", VAL_BOOL, "the only controlled-substance offense is one possession of 30 g or less of marijuana") \
	X(F_CIMT_COUNT, "cimt_count", VAL_INT, "convictions of crimes involving moral turpitude") \
	X(F_PETTY, "petty_offense_exception", VAL_BOOL, "the single CIMT qualifies for the petty-offense exception (212(a)(2)(A)(ii)(II))") \
	X(F_CRIM_INADMISSIBLE, "criminal_inadmissible", VAL_BOOL, "inadmissible on a criminal ground of 212(a)(2)") \
	X(F_CANCEL_OFFENSE_BAR, "offense_bars_cancellation", VAL_BOOL, "convicted of an offense described in 212(a)(2), 237(a)(2) or 237(a)(3), including Cortez Canales") \
	X(F_DUI_COUNT, "dui_count_gmc", VAL_INT, "DUI convictions in the ten years before the decision date") \
	X(F_OFFENSE_15YR, "offenses_over_15_years", VAL_BOOL, "every offense was committed more than 15 years before the decision date") \
	X(F_QUAL_REL, "qualifying_relative", VAL_BOOL, "a USC or LPR spouse, parent, or unmarried child under 21 on the decision date") \
	X(F_HARDSHIP_EXC, "hardship_exceptional", VAL_BOOL, "exceptional and extremely unusual hardship to a qualifying relative") \
	X(F_QUAL_REL_9BV, "qualifying_relative_9bv", VAL_BOOL, "a USC or LPR spouse or parent (for the 212(a)(9)(B)(v) and 212(h) waivers)") \
	X(F_HARDSHIP_EXT_9BV, "hardship_extreme_9bv", VAL_BOOL, "extreme hardship to that spouse or parent") \
	X(F_IMMEDIATE_REL, "immediate_relative", VAL_BOOL, "an immediate relative of a USC (spouse, unmarried child under 21, parent of a USC 21 or older)") \
	X(F_VAWA_ABUSER, "vawa_qualifying_abuser", VAL_BOOL, "battered or subjected to extreme cruelty by a USC or LPR spouse or parent") \
	X(F_FEAR, "fear_of_return", VAL_BOOL, "expresses fear of persecution or torture") \
	X(F_CRIME_VICTIM, "crime_victim", VAL_BOOL, "victim of qualifying criminal activity") \
	X(F_TRAFFICKING, "trafficking_victim", VAL_BOOL, "victim of severe trafficking") \
	X(F_UAC, "unaccompanied_child", VAL_BOOL, "arrived as an unaccompanied child") \
	X(F_GMC, "gmc", VAL_BOOL, "good moral character (analyst's finding; no per-se bar)") \
	X(F_ADMITTED, "admitted_or_paroled", VAL_BOOL, "was inspected and admitted or paroled at an entry") \
	X(F_EWI, "entered_without_inspection", VAL_BOOL, "entered without inspection at least once") \
	X(F_FIRST_ENTRY, "first_entry_date", VAL_DATE, "date of the first entry") \
	X(F_LAST_ARRIVAL, "last_arrival_date", VAL_DATE, "date of the most recent entry") \
	X(F_BEFORE_1972, "entered_before_1972", VAL_BOOL, "first entered before 1972-01-01 (registry)") \
	X(F_PETITION_2001, "petition_by_2001_04_30", VAL_BOOL, "beneficiary of a petition or labor certification filed on or before 2001-04-30") \
	X(F_PRESENT_2000, "present_2000_12_21", VAL_BOOL, "physically present on 2000-12-21") \
	X(F_CREWMAN, "crewman", VAL_BOOL, "entered as a crewman (240A(c)(1))") \
	X(F_J1, "j1", VAL_BOOL, "admitted as a J-1 exchange visitor (240A(c)(2))") \
	X(F_ASYLUM_DEADLINE, "asylum_deadline", VAL_DATE, "one year after the last arrival, rolled to a business day") \
	X(F_ASYLUM_FILED, "asylum_filed_date", VAL_DATE, "date the asylum application was filed") \
	X(F_ASYLUM_TIMELY, "asylum_timely", VAL_BOOL, "filed (or, if not filed, still able to file) within one year of the last arrival") \
	X(F_PRIOR_CANCEL, "prior_cancellation", VAL_BOOL, "previously granted cancellation, suspension or 212(c)") \
	X(F_REOPEN_DEADLINE, "reopen_deadline", VAL_DATE, "last day to move to reopen an in absentia order for exceptional circumstances (180 days)") \
	X(F_ANY_ORDER_OUTSTANDING, "order_outstanding", VAL_BOOL, "a removal order is outstanding on as_of") \
	X(F_RELIEF_STAGE_DATE, "episode_start", VAL_DATE, "start of the latest enforcement episode (first encounter or NTA)") \
	RELIEF_FACTS(X, adjust_245a) RELIEF_FACTS(X, adjust_245i) \
	RELIEF_FACTS(X, asylum) RELIEF_FACTS(X, cancel_lpr) \
	RELIEF_FACTS(X, cancel_nonlpr) RELIEF_FACTS(X, cancel_vawa) \
	RELIEF_FACTS(X, cat) RELIEF_FACTS(X, registry) RELIEF_FACTS(X, sijs) \
	RELIEF_FACTS(X, t_visa) RELIEF_FACTS(X, u_visa) \
	RELIEF_FACTS(X, voluntary_departure) RELIEF_FACTS(X, waiver_212h) \
	RELIEF_FACTS(X, withholding)

#define RELIEF_FACTS(X, r) \
	X(F_APPLIED_##r, "applied_" #r, VAL_BOOL, "an application for " #r " was filed") \
	X(F_GRANTED_##r, "granted_" #r, VAL_BOOL, #r " was granted") \
	X(F_DENIED_##r, "denied_" #r, VAL_BOOL, #r " was denied")
