/* view_help.c - the keys, generated from the action table with the
 * bindings in force (the config may have changed them), what every mark
 * and status word on the screens means, and the looks of the colour
 * roles as the configuration in force sets them: colours are named only
 * when colour is on. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "view.h"

static void keys(struct view *v, struct doc *d)
{
	const char *group = NULL;
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		const struct ui_action_info *ai = &ui_actions[a];
		char k[128];
		if (!group || strcmp(group, ai->group)) {
			group = ai->group;
			doc_add(d);
			doc_linef(d, 1, ROLE_SECTION, "%s", group);
		}
		keymap_describe(&v->ui->conf.keys, (enum ui_action)a, k,
				sizeof(k));
		size_t before = d->n;
		doc_wrap(d, 34, 0, ROLE_NORMAL, ai->help);
		struct doc_line *l = &d->v[before];
		doc_put(d, l, 3, 16, ROLE_HEADER, k[0] ? k : "(none)");
		doc_put(d, l, 20, 13, ROLE_DIM, ai->name);
	}
	doc_add(d);
	doc_wrap(d, 3, 0, ROLE_NORMAL, "A number typed before g, G, j, k or % "
		 "counts: 10G goes to line 10, 50% halfway.  In a prompt, Enter "
		 "takes the text, Esc leaves it (the filter before comes back), "
		 "<C-u> empties it; the old text is shown selected and typing "
		 "replaces it.");
}

struct mark {
	int role;
	const char *mark, *text;
};

static void marks(struct doc *d, const char *title, const struct mark *m,
		  size_t n)
{
	doc_add(d);
	doc_linef(d, 1, ROLE_SECTION, "%s", title);
	for (size_t i = 0; i < n; i++) {
		size_t before = d->n;
		doc_wrap(d, 20, 0, ROLE_NORMAL, m[i].text);
		doc_put(d, &d->v[before], 3, 16, m[i].role, m[i].mark);
	}
}

static const struct mark screen_marks[] = {
	{ ROLE_NORMAL, ">", "the selected line, or the selected event, "
	  "penalty or criterion of a case" },
	{ ROLE_HEADER, "", "the column the list "
	  "is sorted by, ascending or descending" },
	{ ROLE_NORMAL, "", "a cut: the text goes on (an id is "
	  "cut in the middle, so both its ends show)" },
	{ ROLE_RUNNING, "RUN yes", "a re-entry bar (an admission bar) runs on "
	  "the as-of date; no: none runs; ?: one may, on facts not known.  "
	  "The bar and its last day are then marked too" },
	{ ROLE_NORMAL, "permanent", "a bar with no end" },
	{ ROLE_UNKNOWN, "unknown", "a last day casewalk cannot know (its start "
	  "or term is not in the file); DATE or permanent: whether it ends is "
	  "not known" },
	{ ROLE_UNKNOWN, "u_visa?", "relief open now whose criteria are not all "
	  "known: possible, not certain" },
	{ ROLE_NORMAL, "WAY BACK", "the earliest lawful return with waivers; "
	  "none: no date, a bar with no end and no way out" },
	{ ROLE_DIFF, "*", "what differs: between the two paths (compare), or "
	  "from today's law (rules)" },
	{ ROLE_MET, "met", "a criterion the facts satisfy" },
	{ ROLE_UNMET, "unmet", "a criterion the facts defeat" },
	{ ROLE_UNKNOWN, "unknown", "the case file does not say; \"not known\" "
	  "lists the facts that would decide it" },
	{ ROLE_MET, "clear", "a bar to a relief that does not apply" },
	{ ROLE_UNMET, "BARRED", "a bar to a relief that applies" },
	{ ROLE_NORMAL, "fact / law", "what a criterion read: a fact of the case, "
	  "or a parameter of the law, with its value" },
	{ ROLE_NORMAL, "factor + / -", "in the enforcement priorities (policy, "
	  "not law): a factor the file shows for the person, or against" },
	{ ROLE_NORMAL, "[borderline]", "on the edge of a threshold (a Feb 29 "
	  "in the count, a date on or about)" },
	{ ROLE_NORMAL, "~1,000", "a rounded official figure" },
	{ ROLE_NORMAL, "\xE2\x90\x9B", "a control character in the file, shown, "
	  "never obeyed" },
};

static const struct mark now_words[] = {
	{ ROLE_MET, "granted", "granted and still in force" },
	{ ROLE_UNMET, "barred", "a bar with no end stands, and no waiver opens "
	  "it from where the person is" },
	{ ROLE_UNMET, "ineligible", "a criterion is unmet (met on: when waiting "
	  "would meet it)" },
	{ ROLE_MET, "available", "can be sought now, from where the person is "
	  "(requires: the waivers it needs)" },
	{ ROLE_MET, "defensive_only", "only before a judge: if DHS files a "
	  "notice to appear" },
	{ ROLE_MET, "via_motion", "only if the proceedings are reopened "
	  "(motion, deadline)" },
	{ ROLE_UNKNOWN, "after_bar", "once a bar that blocks it ends (from)" },
	{ ROLE_UNKNOWN, "from_abroad", "through an immigrant visa from abroad "
	  "(earliest)" },
	{ ROLE_UNMET, "lost", "no route casewalk models can obtain it any more" },
	{ ROLE_UNKNOWN, "unknown", "the facts do not settle which" },
};

static const struct mark then_words[] = {
	{ ROLE_MET, "granted", "granted in the episode" },
	{ ROLE_UNMET, "denied", "applied for and refused" },
	{ ROLE_NORMAL, "sought", "an application was pending" },
	{ ROLE_UNMET, "barred", "a bar held at the decisive moment" },
	{ ROLE_UNMET, "ineligible", "a criterion was unmet" },
	{ ROLE_UNMET, "forfeited", "the path ended without the hearing or "
	  "screening it needs" },
	{ ROLE_NORMAL, "not_sought", "it could have been sought, and was not" },
	{ ROLE_NORMAL, "available", "the episode has not ended" },
};

static const struct mark status_words[] = {
	{ ROLE_NORMAL, "status", "the older single status, which the filter's "
	  "RULE=STATUS and relief=STATUS read: granted, eligible, possible "
	  "(nothing unmet, something unknown), ineligible, forfeited, barred; "
	  "then:S and now:S read the words above" },
};

/* What each colour role marks. */
static const char *const role_meaning[ROLE__COUNT] = {
	[ROLE_PATH_ORDER] = "a path that ended in a removal order",
	[ROLE_PATH_NO_ORDER] = "a path that left without an order",
	[ROLE_PATH_RELIEF] = "relief granted, or proceedings terminated",
	[ROLE_PATH_OPEN] = "pending or administratively closed",
	[ROLE_NO_HEARING] = "no judge heard the case",
	[ROLE_RUNNING] = "a re-entry bar runs on the as-of date",
	[ROLE_MET] = "met, clear, open",
	[ROLE_UNMET] = "unmet, barred, lost",
	[ROLE_UNKNOWN] = "not known, possible",
	[ROLE_DIFF] = "differs",
	[ROLE_ERROR] = "an error",
	[ROLE_WARNING] = "a warning",
	[ROLE_MATCH] = "a search match",
	[ROLE_SECTION] = "a section, and what an event does in law",
	[ROLE_DIM] = "secondary text",
	[ROLE_BAR] = "a bar of a chart",
	[ROLE_BAR_ALT] = "a chart's other bars (returns)",
};

static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static void colour_name(short c, char *buf, size_t n)
{
	if (c < 8)
		snprintf(buf, n, "%s", colour_names[c]);
	else if (c < 16)
		snprintf(buf, n, "bright%s", colour_names[c - 8]);
	else
		snprintf(buf, n, "color%d", c);
}

/* A role's look as the configuration in force sets it: colours only
 * when colour is on. */
static const char *look(const struct ui_style *s, bool colour, char *buf,
			size_t n)
{
	static const struct { unsigned a; const char *name; } attrs[] = {
		{ A_BOLD, "bold" }, { A_DIM, "dim" }, { A_UNDERLINE, "underline" },
		{ A_REVERSE, "reverse" }, { A_STANDOUT, "standout" },
		{ A_BLINK, "blink" },
	};
	unsigned at = colour ? s->color_attr : s->mono_attr;
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(attrs) / sizeof(*attrs) && len < n; i++)
		if (at & attrs[i].a)
			len += (size_t)snprintf(buf + len, n - len, "%s%s",
						len ? " " : "", attrs[i].name);
	if (colour && s->fg >= 0 && len < n) {
		char c[24];
		colour_name(s->fg, c, sizeof(c));
		len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? " " : "",
					c);
	}
	if (colour && s->bg >= 0 && len < n) {
		char c[24];
		colour_name(s->bg, c, sizeof(c));
		len += (size_t)snprintf(buf + len, n - len, " on %s", c);
	}
	if (!buf[0])
		snprintf(buf, n, "plain");
	return buf;
}

static void looks(struct view *v, struct doc *d)
{
	bool colour = draw_has_color();
	doc_add(d);
	doc_linef(d, 1, ROLE_SECTION, "%s", colour ? "Colours" :
		  "Looks (colour is off)");
	for (int r = 0; r < ROLE__COUNT; r++) {
		char buf[96];
		if (!role_meaning[r])
			continue;
		look(&v->ui->conf.style[r], colour, buf, sizeof(buf));
		size_t before = d->n;
		doc_wrap(d, 20, 0, ROLE_NORMAL, arena_printf(&d->arena, "%s (%s)",
			 role_meaning[r], ui_role_names[r]));
		doc_put(d, &d->v[before], 3, 16, r, buf);
	}
}

static void help_open(struct view *v)
{
	struct ui *ui = v->ui;
	struct doc *d = view_doc_reset(v);
	doc_wrap(d, 1, 0, ROLE_NORMAL, arena_printf(&d->arena, "casewalk shows "
		 "what each case's path cost and what a hearing could have "
		 "offered.  Find a case, press %s to read it, %s to compare it "
		 "with the path not taken, %s to go back.", ui_key(ui,
		 ACT_ENTER), ui_key(ui, ACT_COMPARE), ui_key(ui, ACT_BACK)));
	keys(v, d);
	/* the sort mark and the cut as this terminal shows them */
	struct mark m[sizeof(screen_marks) / sizeof(*screen_marks)];
	memcpy(m, screen_marks, sizeof(m));
	m[1].mark = arena_printf(&d->arena, "%s %s", draw_sort_mark(false),
				 draw_sort_mark(true));
	m[2].mark = draw_ellipsis();
	marks(d, "Marks", m, sizeof(m) / sizeof(*m));
	marks(d, "Relief now (on the as-of date)", now_words,
	      sizeof(now_words) / sizeof(*now_words));
	marks(d, "Relief then (at the decisive moment of the path taken)",
	      then_words, sizeof(then_words) / sizeof(*then_words));
	marks(d, "And", status_words, 1);
	looks(v, d);
	doc_add(d);
	doc_wrap(d, 1, 0, ROLE_DIM, CASEWALK_DISCLAIMER " Keys and colours can "
		 "be changed in $XDG_CONFIG_HOME/casewalk/config; see "
		 "casewalk(1).");
	v->lines = d->n;
}

static void help_title(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "help");
}

static void help_status(struct view *v, char *buf, size_t n)
{
	struct ui *ui = v->ui;
	snprintf(buf, n, "%s or %s goes back | %s searches",
		 ui_key(ui, ACT_BACK), ui_key(ui, ACT_HELP),
		 ui_key(ui, ACT_SEARCH));
}

const struct view_ops view_help_ops = {
	.name = "help",
	.cursor = false,
	.open = help_open,
	.draw = view_doc_draw,
	.text = view_doc_text,
	.title = help_title,
	.status = help_status,
	.done = view_doc_done,
};
