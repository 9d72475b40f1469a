/* view_help.c - the keys, generated from the action table with the
 * bindings in force (the config may have changed them), and what the
 * marks on screen mean. */
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
}

static void legend(struct doc *d)
{
	static const struct {
		int role;
		const char *mark, *text;
	} marks[] = {
		{ ROLE_PATH_ORDER, "red path", "a removal order" },
		{ ROLE_PATH_NO_ORDER, "yellow path", "left without an order" },
		{ ROLE_PATH_RELIEF, "green path", "relief granted, terminated" },
		{ ROLE_PATH_OPEN, "cyan path", "pending or closed" },
		{ ROLE_NO_HEARING, "HRG no", "no judge ever heard the case" },
		{ ROLE_RUNNING, "penalty", "still in force on the as-of date" },
		{ ROLE_MET, "met", "a criterion the facts satisfy" },
		{ ROLE_UNMET, "unmet", "a criterion the facts defeat" },
		{ ROLE_UNKNOWN, "unknown", "the case file does not say" },
	};
	doc_add(d);
	doc_linef(d, 1, ROLE_SECTION, "Marks");
	for (size_t i = 0; i < sizeof(marks) / sizeof(*marks); i++) {
		struct doc_line *l = doc_add(d);
		doc_put(d, l, 3, 16, marks[i].role, marks[i].mark);
		doc_put(d, l, 20, -1, ROLE_NORMAL, marks[i].text);
	}
}

static void help_open(struct view *v)
{
	struct doc *d = view_doc_reset(v);
	doc_wrap(d, 1, 0, ROLE_NORMAL, "casewalk shows what each case's path "
		 "cost and what a hearing could have offered.  Find a case, "
		 "press Enter to read it, c to compare it with the path not "
		 "taken, q to go back.");
	keys(v, d);
	legend(d);
	doc_add(d);
	doc_wrap(d, 1, 0, ROLE_DIM, CASEWALK_DISCLAIMER " Keys can be changed "
		 "in $XDG_CONFIG_HOME/casewalk/config; see casewalk(1).");
	v->lines = d->n;
}

static void help_title(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "help");
}

static void help_status(struct view *v, char *buf, size_t n)
{
	(void)v;
	snprintf(buf, n, "q or ? goes back");
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
