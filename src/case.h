/* case.h - the case model of case-format.md (format casewalk/1).
 *
 * A case owns nothing itself: every string and array lives in the arena of
 * the corpus that loaded it.  Optional booleans are three-valued (TRI_UNSET
 * when the file does not say); optional enums are -1 when absent; optional
 * integers are -1 when absent; optional dates have prec DATE_NONE.
 */
#ifndef CW_CASE_H
#define CW_CASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"

enum tri { TRI_UNSET = -1, TRI_FALSE = 0, TRI_TRUE = 1 };

/* A position in a source file, 1-based. */
struct pos {
	uint32_t line, col;
};

/* An enumeration's YAML names, indexed by value. */
struct enum_def {
	const char *what;               /* "event type", "manner", ... */
	const char *const *names;
	int count;
};

/* Name of value v of e, or NULL when v is out of range (absent). */
const char *enum_name(const struct enum_def *e, int v);
/* Value for name, or -1. */
int enum_value(const struct enum_def *e, const char *name, size_t len);

/* X-macro lists: each generates an enum and its name table (case.c). */
#define EVENT_TYPES(X) \
	X(EV_ENTRY, "entry") \
	X(EV_STATUS_VIOLATION_FOUND, "status_violation_found") \
	X(EV_PETITION, "petition") \
	X(EV_STATUS_GRANTED, "status_granted") \
	X(EV_ENCOUNTER, "encounter") \
	X(EV_VOLUNTARY_RETURN, "voluntary_return") \
	X(EV_WITHDRAWAL_AT_PORT, "withdrawal_at_port") \
	X(EV_NTA_SERVED, "nta_served") \
	X(EV_HEARING_NOTICE, "hearing_notice") \
	X(EV_HEARING, "hearing") \
	X(EV_MOTION, "motion") \
	X(EV_APPLICATION, "application") \
	X(EV_DECISION, "decision") \
	X(EV_EXPEDITED_REMOVAL, "expedited_removal") \
	X(EV_REINSTATEMENT, "reinstatement") \
	X(EV_ADMIN_REMOVAL, "admin_removal") \
	X(EV_DEPARTURE, "departure") \
	X(EV_APPEAL, "appeal") \
	X(EV_STATUS_ENDED, "status_ended") \
	X(EV_MISREPRESENTATION, "misrepresentation")

#define MANNERS(X) \
	X(MANNER_WITHOUT_INSPECTION, "without_inspection") \
	X(MANNER_ADMITTED, "admitted") \
	X(MANNER_PAROLED, "paroled") \
	X(MANNER_ATTEMPTED, "attempted")

#define FINDERS(X) \
	X(BY_USCIS, "USCIS") \
	X(BY_IJ, "IJ") \
	X(BY_BIA, "BIA") \
	X(BY_DHS, "DHS")

#define FORMS(X) \
	X(FORM_I130, "I-130") \
	X(FORM_I140, "I-140") \
	X(FORM_LABOR_CERT, "labor_certification") \
	X(FORM_I360, "I-360")

#define CATEGORIES(X) \
	X(CAT_IMMEDIATE_RELATIVE, "immediate_relative") \
	X(CAT_PREFERENCE, "preference") \
	X(CAT_SPECIAL_IMMIGRANT, "special_immigrant")

/* petition.basis: which class an I-360 (or any petition) serves */
#define PETITION_BASES(X) \
	X(PB_FAMILY, "family") \
	X(PB_EMPLOYMENT, "employment") \
	X(PB_SIJS, "sijs") \
	X(PB_VAWA, "vawa") \
	X(PB_OTHER, "other")

/* petition.petitioner: a relatives relation, or an employer */
#define PETITIONERS(X) \
	X(PET_SPOUSE, "spouse") \
	X(PET_CHILD, "child") \
	X(PET_PARENT, "parent") \
	X(PET_SIBLING, "sibling") \
	X(PET_EMPLOYER, "employer")

#define PETITION_OUTCOMES(X) \
	X(POUT_PENDING, "pending") \
	X(POUT_APPROVED, "approved") \
	X(POUT_DENIED, "denied")

#define STATUSES(X) \
	X(ST_LPR, "lpr") \
	X(ST_CONDITIONAL_LPR, "conditional_lpr") \
	X(ST_TPS, "tps") \
	X(ST_DACA, "daca") \
	X(ST_DEFERRED_ACTION, "deferred_action") \
	X(ST_ASYLEE, "asylee") \
	X(ST_REFUGEE, "refugee") \
	X(ST_FAMILY_UNITY, "family_unity") \
	X(ST_PAROLE, "parole") \
	X(ST_STAY_OF_REMOVAL, "stay_of_removal") \
	X(ST_WITHHOLDING, "withholding") \
	X(ST_CAT_DEFERRAL, "cat_deferral") \
	X(ST_U, "u") \
	X(ST_T, "t") \
	X(ST_NONIMMIGRANT, "nonimmigrant")

#define HEARING_KINDS(X) \
	X(HK_MASTER, "master") \
	X(HK_INDIVIDUAL, "individual")

#define ABSENCE_REASONS(X) \
	X(ABS_NONE, "none") \
	X(ABS_EXCEPTIONAL, "exceptional") \
	X(ABS_NO_NOTICE, "no_notice") \
	X(ABS_CUSTODY, "custody") \
	X(ABS_UNKNOWN, "unknown")

#define MOTION_KINDS(X) \
	X(MK_REOPEN, "reopen") \
	X(MK_RECONSIDER, "reconsider")

#define MOTION_OUTCOMES(X) \
	X(MOUT_PENDING, "pending") \
	X(MOUT_GRANTED, "granted") \
	X(MOUT_DENIED, "denied")

/* motion.basis; a granted motion on one of the first three rescinds an
 * in absentia order (240(b)(5)(C)) */
#define MOTION_BASES(X) \
	X(MB_EXCEPTIONAL, "exceptional_circumstances") \
	X(MB_NO_NOTICE, "no_notice") \
	X(MB_CUSTODY, "custody") \
	X(MB_CHANGED_COUNTRY, "changed_country_conditions") \
	X(MB_NEW_RELIEF, "new_relief") \
	X(MB_VAWA, "vawa") \
	X(MB_JOINT, "joint") \
	X(MB_SUA_SPONTE, "sua_sponte") \
	X(MB_OTHER, "other")

/* motion.filed_with */
#define TRIBUNALS(X) \
	X(TRIB_IJ, "IJ") \
	X(TRIB_BIA, "BIA")

/* status_ended.reason */
#define END_REASONS(X) \
	X(END_EXPIRED, "expired") \
	X(END_TERMINATED, "terminated") \
	X(END_REVOKED, "revoked") \
	X(END_ABANDONED, "abandoned")

/* misrepresentation.kind and .purpose */
#define MISREP_KINDS(X) \
	X(MR_FRAUD, "fraud") \
	X(MR_FALSE_CLAIM, "false_claim_citizenship")

#define MISREP_PURPOSES(X) \
	X(MP_VISA, "visa") \
	X(MP_ADMISSION, "admission") \
	X(MP_BENEFIT, "benefit") \
	X(MP_EMPLOYMENT, "employment") \
	X(MP_VOTING, "voting") \
	X(MP_OTHER, "other")

#define RELIEFS(X) \
	X(REL_CANCEL_LPR, "cancel_lpr") \
	X(REL_CANCEL_NONLPR, "cancel_nonlpr") \
	X(REL_CANCEL_VAWA, "cancel_vawa") \
	X(REL_ASYLUM, "asylum") \
	X(REL_WITHHOLDING, "withholding") \
	X(REL_CAT, "cat") \
	X(REL_ADJUST_245A, "adjust_245a") \
	X(REL_ADJUST_245I, "adjust_245i") \
	X(REL_REGISTRY, "registry") \
	X(REL_U_VISA, "u_visa") \
	X(REL_T_VISA, "t_visa") \
	X(REL_SIJS, "sijs") \
	X(REL_WAIVER_212H, "waiver_212h") \
	X(REL_VOLUNTARY_DEPARTURE, "voluntary_departure") \
	X(REL_EXTENSION_OF_STATUS, "extension_of_status") \
	X(REL_CHANGE_OF_STATUS, "change_of_status") \
	X(REL_WAIVER_9BV, "waiver_9Bv") \
	X(REL_WAIVER_I601A, "waiver_i601a") \
	X(REL_CONSENT_I212, "consent_i212") \
	X(REL_CONSENT_9CII, "consent_9Cii") \
	X(REL_WAIVER_212I, "waiver_212i") \
	X(REL_WAIVER_212D3, "waiver_212d3") \
	X(REL_WAIVER_9CIII, "waiver_9Ciii")

/* The application ids above that are waivers, consents or stay
 * applications: never a decisive event (case-format.md). */
#define REL_FIRST_AUXILIARY REL_EXTENSION_OF_STATUS

#define OUTCOMES(X) \
	X(OUT_REMOVAL_ORDER, "removal_order") \
	X(OUT_IN_ABSENTIA_ORDER, "in_absentia_order") \
	X(OUT_STIPULATED_REMOVAL, "stipulated_removal") \
	X(OUT_VOLUNTARY_DEPARTURE, "voluntary_departure") \
	X(OUT_RELIEF_GRANTED, "relief_granted") \
	X(OUT_RELIEF_DENIED, "relief_denied") \
	X(OUT_TERMINATED, "terminated") \
	X(OUT_ADMIN_CLOSED, "administratively_closed")

#define VD_STAGES(X) \
	X(STAGE_PRE_HEARING, "pre_hearing") \
	X(STAGE_CONCLUSION, "conclusion")

#define DEPARTURE_KINDS(X) \
	X(DK_REMOVED, "removed") \
	X(DK_VOLUNTARY_RETURN, "voluntary_return") \
	X(DK_VOLUNTARY_DEPARTURE, "voluntary_departure") \
	X(DK_SELF, "self") \
	X(DK_ADVANCE_PAROLE, "advance_parole") \
	X(DK_CBP_HOME, "cbp_home")

#define APPEAL_TOS(X) \
	X(APPEAL_BIA, "BIA") \
	X(APPEAL_CIRCUIT, "circuit")

#define APPEAL_STAGES(X) \
	X(ASTAGE_FILED, "filed") \
	X(ASTAGE_DECIDED, "decided")

#define APPEAL_OUTCOMES(X) \
	X(AOUT_PENDING, "pending") \
	X(AOUT_DISMISSED, "dismissed") \
	X(AOUT_SUSTAINED, "sustained") \
	X(AOUT_REMANDED, "remanded")

#define LPR_VIAS(X) \
	X(LPR_VIA_ADMISSION, "admission") \
	X(LPR_VIA_ADJUSTMENT, "adjustment")

#define GRADES(X) \
	X(GRADE_FELONY, "felony") \
	X(GRADE_MISDEMEANOR, "misdemeanor") \
	X(GRADE_INFRACTION, "infraction")

#define VACATED(X) \
	X(VAC_DEFECT, "defect") \
	X(VAC_REHABILITATIVE, "rehabilitative")

/* Offense classification flags (offense.cls[] and the vocabulary). */
#define CLASSES(X) \
	X(CLS_AGGRAVATED_FELONY, "aggravated_felony") \
	X(CLS_CIMT, "cimt") \
	X(CLS_CONTROLLED_SUBSTANCE, "controlled_substance") \
	X(CLS_MARIJUANA_30G, "marijuana_30g") \
	X(CLS_DOMESTIC_VIOLENCE, "domestic_violence") \
	X(CLS_FIREARM, "firearm") \
	X(CLS_VIOLENT, "violent") \
	X(CLS_SEXUAL_ABUSE, "sexual_abuse") \
	X(CLS_BURGLARY, "burglary") \
	X(CLS_GANG_ELEMENT, "gang_element") \
	X(CLS_MINOR_TRAFFIC, "minor_traffic") \
	X(CLS_STATUS_OFFENSE, "status_offense")

#define RELATIONS(X) \
	X(RELN_SPOUSE, "spouse") \
	X(RELN_CHILD, "child") \
	X(RELN_PARENT, "parent") \
	X(RELN_SIBLING, "sibling")

#define REL_STATUSES(X) \
	X(RS_CITIZEN, "citizen") \
	X(RS_LPR, "lpr") \
	X(RS_NONE, "none") \
	X(RS_UNKNOWN, "unknown")

#define HARDSHIPS(X) \
	X(HS_EXCEPTIONAL, "exceptional") \
	X(HS_EXTREME, "extreme") \
	X(HS_NONE, "none") \
	X(HS_UNKNOWN, "unknown")

#define ABUSERS(X) \
	X(AB_SPOUSE, "spouse") \
	X(AB_PARENT, "parent") \
	X(AB_CHILD_PARENT, "child_parent") \
	X(AB_INTENDED_SPOUSE, "intended_spouse")

#define ASYLUM_EXCEPTIONS(X) \
	X(AE_CHANGED, "changed_circumstances") \
	X(AE_EXTRAORDINARY, "extraordinary_circumstances") \
	X(AE_NONE, "none")

/* way_back.category (legal-reference.md section 10.1) */
#define WB_CATEGORIES(X) \
	X(WB_IMMEDIATE_RELATIVE, "immediate_relative") \
	X(WB_FAMILY_PREFERENCE, "family_preference") \
	X(WB_EMPLOYMENT, "employment") \
	X(WB_DIVERSITY, "diversity") \
	X(WB_SPECIAL_IMMIGRANT, "special_immigrant")

#define CW_ENUM_VALUE(id, name) id,
#define CW_DECLARE_ENUM(tag, LIST, countname) \
	enum tag { LIST(CW_ENUM_VALUE) countname }; \
	extern const struct enum_def tag##_def;

CW_DECLARE_ENUM(event_type, EVENT_TYPES, EV__COUNT)
CW_DECLARE_ENUM(manner, MANNERS, MANNER__COUNT)
CW_DECLARE_ENUM(finder, FINDERS, BY__COUNT)
CW_DECLARE_ENUM(form, FORMS, FORM__COUNT)
CW_DECLARE_ENUM(category, CATEGORIES, CAT__COUNT)
CW_DECLARE_ENUM(petition_outcome, PETITION_OUTCOMES, POUT__COUNT)
CW_DECLARE_ENUM(petition_basis, PETITION_BASES, PB__COUNT)
CW_DECLARE_ENUM(petitioner, PETITIONERS, PET__COUNT)
CW_DECLARE_ENUM(status, STATUSES, ST__COUNT)
CW_DECLARE_ENUM(hearing_kind, HEARING_KINDS, HK__COUNT)
CW_DECLARE_ENUM(absence_reason, ABSENCE_REASONS, ABS__COUNT)
CW_DECLARE_ENUM(motion_kind, MOTION_KINDS, MK__COUNT)
CW_DECLARE_ENUM(motion_outcome, MOTION_OUTCOMES, MOUT__COUNT)
CW_DECLARE_ENUM(motion_basis, MOTION_BASES, MB__COUNT)
CW_DECLARE_ENUM(tribunal, TRIBUNALS, TRIB__COUNT)
CW_DECLARE_ENUM(end_reason, END_REASONS, END__COUNT)
CW_DECLARE_ENUM(misrep_kind, MISREP_KINDS, MR__COUNT)
CW_DECLARE_ENUM(misrep_purpose, MISREP_PURPOSES, MP__COUNT)
CW_DECLARE_ENUM(relief, RELIEFS, REL__COUNT)
CW_DECLARE_ENUM(outcome, OUTCOMES, OUT__COUNT)
CW_DECLARE_ENUM(vd_stage, VD_STAGES, STAGE__COUNT)
CW_DECLARE_ENUM(departure_kind, DEPARTURE_KINDS, DK__COUNT)
CW_DECLARE_ENUM(appeal_to, APPEAL_TOS, APPEAL__COUNT)
CW_DECLARE_ENUM(appeal_stage, APPEAL_STAGES, ASTAGE__COUNT)
CW_DECLARE_ENUM(appeal_outcome, APPEAL_OUTCOMES, AOUT__COUNT)
CW_DECLARE_ENUM(lpr_via, LPR_VIAS, LPR_VIA__COUNT)
CW_DECLARE_ENUM(grade, GRADES, GRADE__COUNT)
CW_DECLARE_ENUM(vacated, VACATED, VAC__COUNT)
CW_DECLARE_ENUM(offense_class, CLASSES, CLS__COUNT)
CW_DECLARE_ENUM(relation, RELATIONS, RELN__COUNT)
CW_DECLARE_ENUM(rel_status, REL_STATUSES, RS__COUNT)
CW_DECLARE_ENUM(hardship, HARDSHIPS, HS__COUNT)
CW_DECLARE_ENUM(abuser, ABUSERS, AB__COUNT)
CW_DECLARE_ENUM(asylum_exception, ASYLUM_EXCEPTIONS, AE__COUNT)
CW_DECLARE_ENUM(wb_category, WB_CATEGORIES, WB__COUNT)

/* One event of the timeline.  A flat record: the loader's table says which
 * keys each type allows; fields a type does not allow stay absent.
 * Fields ordered by size, widest first. */
struct event {
	const char *note;
	/* The one free string a type has (NULL when absent), under the name
	 * its type gives it: a union, as no type has two, and 100,000 cases
	 * hold 700,000 events. */
	union {
		const char *visa_status; /* entry: status (visa class) */
		const char *klass;       /* status_granted: class */
		const char *agency;      /* encounter: ICE, CBP, police, other */
		const char *language;    /* nta_served, hearing_notice */
		const char *ground;      /* motion */
		const char *ended;       /* status_ended: status */
		const char *country;     /* departure: to */
		const char *court;       /* hearing: the immigration court */
		const char *text;        /* whichever the type has */
	};
	struct pos pos;              /* of the event's mapping */
	uint32_t order;              /* position in the file, for stable sort */
	int16_t minute;              /* hearing: time, minutes after midnight
					(-1 absent) */

	/* dates */
	struct date date;
	struct date authorized_until;            /* entry; see authorized_ds */
	struct date depart_by;                   /* voluntary_return, decision */
	struct date filed;                       /* nta_served */
	struct date until;                       /* status_granted */
	struct date bond_posted;                 /* decision */
	/* the second date a type has: no type has two of these */
	union {
		struct date hearing_date;        /* nta_served, hearing_notice */
		struct date decided;             /* petition, motion */
		struct date program_end;         /* entry */
	};
	struct date priority_date;               /* petition */
	bool authorized_ds;                      /* entry: authorized_until: D/S */
	int8_t type;                 /* enum event_type */

	/* enums, -1 when absent */
	int8_t manner;               /* entry */
	int8_t by;                   /* status_violation_found, decision (finder) */
	int8_t form, category;       /* petition */
	int8_t outcome;              /* petition, motion, decision, appeal: see type */
	int8_t status;               /* status_granted (enum status) */
	int8_t kind;                 /* hearing, motion, departure,
					misrepresentation: see type */
	int8_t absence_reason;       /* hearing */
	int8_t relief;               /* application, decision */
	int8_t stage;                /* decision (vd_stage), appeal (appeal_stage) */
	int8_t to;                   /* appeal */
	int8_t basis;                /* petition (petition_basis), motion
					(motion_basis) */
	int8_t petitioner;           /* petition (enum petitioner) */
	int8_t filed_with;           /* motion (enum tribunal) */
	int8_t reason;               /* status_ended (enum end_reason) */
	int8_t purpose;              /* misrepresentation (misrep_purpose) */

	/* three-valued booleans */
	int8_t advised, safeguards;              /* voluntary_return */
	int8_t time_place, arriving, oral_notice; /* nta_served, hearing_notice */
	int8_t appeared, counsel;                /* hearing */
	int8_t scheduled;                        /* hearing */
	int8_t verified, nonvoluntary;           /* departure */
	int8_t abandoned_residence;              /* departure */
	int8_t at_port;                          /* entry, encounter */
	int8_t j1_gme, j1_212e, j1_212e_met;     /* entry */
	int8_t near_border, between_ports, detained; /* encounter */
	int8_t approvable;                       /* petition:
						    approvable_when_filed */
	int8_t timely, nonfrivolous;             /* application */
	int8_t conditional;                      /* decision */
	int8_t willful, material, retracted_timely,
	       exception_usc_parents;            /* misrepresentation */
};

struct person {
	const char *name;
	const char *a_number;
	/* where they are in the file (0:0 when absent): the same-person
	 * check names them (sameperson.h) */
	struct pos name_pos, a_number_pos, born_pos;
	struct date born;
	const char *nationality;
	const char **languages;
	uint32_t n_languages;
	struct date lpr_since;
	struct date married_on;
	int8_t lpr_via;              /* enum lpr_via */
	int8_t married;              /* tri */
};

struct offense {
	struct pos pos;
	const char *charge;          /* vocabulary id */
	struct date date;
	int8_t convicted;            /* tri */
	struct date conviction_date;
	int32_t sentence_days;       /* -1 absent */
	int32_t max_days;
	int32_t confined_days;
	int32_t suspended_days;      /* -1 absent */
	int8_t grade;                /* enum grade */
	const char *scheme;
	int8_t vacated;              /* enum vacated */
	int8_t juvenile;             /* tri */
	int8_t cls[CLS__COUNT];      /* tri: analyst's overrides */
};

struct relative {
	struct pos pos;
	int8_t relation;             /* enum relation, always set */
	int8_t status;               /* enum rel_status */
	struct date born;
	int8_t married;              /* tri */
	struct date status_since;
	int8_t hardship;             /* enum hardship */
	int8_t petitioner;           /* tri */
};

struct claims {
	int8_t fear_of_return, crime_victim, trafficking_victim; /* tri */
	int8_t abused_by;            /* enum abuser */
	int8_t abuse_connected, unaccompanied_child, good_moral_character;
	/* tri; when one of the three abuse_connection_* / abuse_central_vd
	 * keys is absent the loader leaves it TRI_UNSET and the facts take
	 * abuse_connected in its place (case-format.md claims) */
	int8_t vawa_self_petitioner;
	int8_t abuse_connection_overstay, abuse_central_vd,
	       abuse_connection_reentry;
	int8_t trafficking_central_reason;
	int8_t asylum_exception;     /* enum asylum_exception */
	int8_t marriage_fraud_found;
	struct date asylum_exception_date;
};

/* One period of work (case-format.md employment). */
struct employment {
	struct pos pos;
	struct date from, to;        /* to: DATE_NONE = still working */
	int8_t authorized;           /* tri; required by the loader */
	const char *note;
};

/* The hypothesis of the way back (legal-reference.md section 10.1). */
struct way_back_opts {
	int8_t category;             /* enum wb_category, -1: default */
	int8_t petitioner;           /* enum relation, -1: default */
	struct date departure;       /* DATE_NONE: the as-of date */
};

/* A key starting with "x-": kept and shown, never evaluated.  The value is a
 * one-line rendering of whatever YAML it held. */
struct xkey {
	const char *key;
	const char *value;
};

struct cw_case {
	const char *id;
	struct pos id_pos;           /* of the id's value */
	const char *file;            /* path as given on the command line */
	struct pos pos;              /* of the document's top mapping */
	uint32_t doc_index;          /* 0-based document number in the stream */
	struct person person;
	struct event *events;        /* sorted by date, then file order */
	uint32_t n_events;
	struct offense *offenses;
	uint32_t n_offenses;
	struct relative *relatives;
	uint32_t n_relatives;
	struct claims claims;
	struct employment *employment;
	uint32_t n_employment;
	bool has_employment;         /* the file has an employment key */
	bool has_relatives;          /* the file has a relatives key (even
					an empty list: none); without it the
					family is not known */
	struct way_back_opts way_back;
	const char **tags;
	uint32_t n_tags;
	/* ids of cases known to be about the same person (an earlier file, a
	 * what-if variant): no same-person warning for them */
	const char **same_person_as;
	uint32_t n_same_person_as;
	const char *notes;
	struct xkey *xkeys;
	uint32_t n_xkeys;
	/* A stub keeps only id, file, positions, the person's name, A-number
	 * and birth date and same_person_as (what the same-person check
	 * reads) and the tags;
	 * the rest is read from the file again when needed
	 * (corpus_opts.stubs, case_load_again). */
	bool stub;
	/* the pseudonym's slot + 1 and its round (redact_assign); 0 before */
	uint32_t pseudonym;
	void *user;                  /* corpus_opts.each's result, or NULL */
};

/* Initialises every optional field of each record to "absent". */
void case_event_init(struct event *e);
void case_offense_init(struct offense *o);
void case_relative_init(struct relative *r);
void case_claims_init(struct claims *c);
void case_person_init(struct person *p);
void case_way_back_init(struct way_back_opts *w);
void case_employment_init(struct employment *w);

/* Sorts events by date (lo day, then precision), stable on file order. */
void case_sort_events(struct cw_case *c);

bool case_has_tag(const struct cw_case *c, const char *tag);

/* A stub of c in a: its id, file (borrowed: the corpus owns file names),
 * positions, the person's name, A-number, birth date and same_person_as,
 * and the tags. */
struct cw_case *case_stub(const struct cw_case *c, struct arena *a);

#endif
