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
	X(EV_APPEAL, "appeal")

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
	X(REL_VOLUNTARY_DEPARTURE, "voluntary_departure")

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
	X(DK_ADVANCE_PAROLE, "advance_parole")

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
	X(CLS_VIOLENT, "violent")

#define RELATIONS(X) \
	X(RELN_SPOUSE, "spouse") \
	X(RELN_CHILD, "child") \
	X(RELN_PARENT, "parent")

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
CW_DECLARE_ENUM(status, STATUSES, ST__COUNT)
CW_DECLARE_ENUM(hearing_kind, HEARING_KINDS, HK__COUNT)
CW_DECLARE_ENUM(absence_reason, ABSENCE_REASONS, ABS__COUNT)
CW_DECLARE_ENUM(motion_kind, MOTION_KINDS, MK__COUNT)
CW_DECLARE_ENUM(motion_outcome, MOTION_OUTCOMES, MOUT__COUNT)
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

/* One event of the timeline.  A flat record: the loader's table says which
 * keys each type allows; fields a type does not allow stay absent. */
/* Fields ordered by size, widest first: 88 bytes, not 128. */
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
		const char *text;        /* whichever the type has */
	};
	struct pos pos;              /* of the event's mapping */
	uint32_t order;              /* position in the file, for stable sort */

	/* dates */
	struct date date;
	struct date authorized_until;            /* entry; see authorized_ds */
	struct date depart_by;                   /* voluntary_return, decision */
	struct date filed;                       /* nta_served */
	struct date until;                       /* status_granted */
	struct date bond_posted;                 /* decision */
	bool authorized_ds;                      /* entry: authorized_until: D/S */
	int8_t type;                 /* enum event_type */

	/* enums, -1 when absent */
	int8_t manner;               /* entry */
	int8_t by;                   /* status_violation_found, decision (finder) */
	int8_t form, category;       /* petition */
	int8_t outcome;              /* petition, motion, decision, appeal: see type */
	int8_t status;               /* status_granted (enum status) */
	int8_t kind;                 /* hearing, motion, departure: see type */
	int8_t absence_reason;       /* hearing */
	int8_t relief;               /* application, decision */
	int8_t stage;                /* decision (vd_stage), appeal (appeal_stage) */
	int8_t to;                   /* appeal */

	/* three-valued booleans */
	int8_t advised, safeguards;              /* voluntary_return */
	int8_t time_place, arriving, oral_notice; /* nta_served, hearing_notice */
	int8_t appeared, counsel;                /* hearing */
	int8_t verified, nonvoluntary;           /* departure */
};

struct person {
	const char *name;
	const char *a_number;
	struct date born;
	const char *nationality;
	const char **languages;
	uint32_t n_languages;
	struct date lpr_since;
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
};

struct claims {
	int8_t fear_of_return, crime_victim, trafficking_victim; /* tri */
	int8_t abused_by;            /* enum abuser */
	int8_t abuse_connected, unaccompanied_child, good_moral_character;
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
	const char **tags;
	uint32_t n_tags;
	const char *notes;
	struct xkey *xkeys;
	uint32_t n_xkeys;
	/* A stub keeps only id, file, positions, the person's name and the
	 * tags; the rest is read from the file again when needed
	 * (corpus_opts.stubs, case_load_again). */
	bool stub;
	void *user;                  /* corpus_opts.each's result, or NULL */
};

/* Initialises every optional field of each record to "absent". */
void case_event_init(struct event *e);
void case_offense_init(struct offense *o);
void case_relative_init(struct relative *r);
void case_claims_init(struct claims *c);
void case_person_init(struct person *p);

/* Sorts events by date (lo day, then precision), stable on file order. */
void case_sort_events(struct cw_case *c);

bool case_has_tag(const struct cw_case *c, const char *tag);

/* A stub of c in a: its id, file (borrowed: the corpus owns file names),
 * positions, the person's name and the tags. */
struct cw_case *case_stub(const struct cw_case *c, struct arena *a);

#endif
