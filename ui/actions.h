/* actions.h - the one table of the explorer's actions.
 *
 * Each action has a name (used in the config file's `keys:` section), its
 * default keys (space-separated key names as keys.c spells them), the group
 * it is listed under, and one line of help.  From this list come the action
 * enum, the config names, the help view (view_help.c) and the KEYS section
 * of man/casewalk.1 (tools/keysman.c; tests/man-check.sh fails when the man
 * page is stale), so none of them can drift from the bindings.
 *
 * This header needs no curses: tools/keysman.c includes it alone.
 */
#ifndef CW_UI_ACTIONS_H
#define CW_UI_ACTIONS_H

#define UI_ACTIONS(X) \
	X(ACT_MOVE_DOWN, "move-down", "j <Down>", "Moving", \
	  "Move down one line.") \
	X(ACT_MOVE_UP, "move-up", "k <Up>", "Moving", \
	  "Move up one line.") \
	X(ACT_PAGE_DOWN, "page-down", "<Space> <PgDn> <C-f>", "Moving", \
	  "Move down one page.") \
	X(ACT_PAGE_UP, "page-up", "b <PgUp> <C-b>", "Moving", \
	  "Move up one page.") \
	X(ACT_HALF_DOWN, "half-page-down", "<C-d>", "Moving", \
	  "Move down half a page.") \
	X(ACT_HALF_UP, "half-page-up", "<C-u>", "Moving", \
	  "Move up half a page.") \
	X(ACT_MOVE_FIRST, "move-first", "g <Home>", "Moving", \
	  "Go to the first line (with a number typed before it: to that " \
	  "line).") \
	X(ACT_MOVE_LAST, "move-last", "G <End>", "Moving", \
	  "Go to the last line (with a number typed before it: to that " \
	  "line).") \
	X(ACT_PERCENT, "move-percent", "%", "Moving", \
	  "Go to the line N percent of the way down, N typed before it " \
	  "(none: the first line).") \
	X(ACT_ENTER, "enter", "<Enter>", "Views", \
	  "Open the selected case; in a case, follow the selected event " \
	  "to what it triggers or meets; in the errors view, edit the file " \
	  "at the line.") \
	X(ACT_BACK, "back", "q", "Views", \
	  "Go back to the previous view; from the case list, quit (asking " \
	  "first when a filter is set or an edit is pending).") \
	X(ACT_QUIT, "quit", "Q", "Views", \
	  "Quit at once.") \
	X(ACT_HELP, "help", "? <F1>", "Views", \
	  "Show the keys and what the marks, words and colours mean.") \
	X(ACT_COMPARE, "compare", "c", "Views", \
	  "Compare the path taken with the path not taken: the two " \
	  "earliest lawful returns first.") \
	X(ACT_STATS, "stats", "S", "Views", \
	  "Totals for the listed cases, beside the official figures.") \
	X(ACT_ERRORS, "errors", "E", "Views", \
	  "Every problem found in the case files and the configuration.") \
	X(ACT_RULES, "rules", "L", "Views", \
	  "The rules in force on the law date, marking what differs from " \
	  "today's; in the rules, casewalk-law(7) opened at the entry on " \
	  "top (with man; less opens at the entry unless $MANPAGER or " \
	  "$PAGER is set).") \
	X(ACT_DEADLINES, "deadlines", "C", "Views", \
	  "Every deadline of the listed cases in date order: hearings, " \
	  "departure and motion deadlines, the asylum year, the last day of " \
	  "each bar.") \
	X(ACT_NEXT_ITEM, "next-item", "<Tab> ]", "Walking a case", \
	  "Select the next event, penalty or criterion of the case.") \
	X(ACT_PREV_ITEM, "prev-item", "[", "Walking a case", \
	  "Select the previous event, penalty or criterion.") \
	X(ACT_ORIGIN, "origin", "t", "Walking a case", \
	  "From the selected penalty or criterion, go to the event it " \
	  "rests on (again: the next one).") \
	X(ACT_SEARCH, "search", "/", "Searching", \
	  "Search the current view as you type; matches are highlighted.") \
	X(ACT_FIND_NEXT, "find-next", "n", "Searching", \
	  "Go to the next match.") \
	X(ACT_FIND_PREV, "find-prev", "N", "Searching", \
	  "Go to the previous match.") \
	X(ACT_FILTER, "filter", "f <F4>", "Cases", \
	  "Filter the case list as you type (casewalk(1) FILTERS: " \
	  "path=voluntary, bar=running, cancel_nonlpr=possible, ...); Esc " \
	  "restores the filter before.") \
	X(ACT_SORT, "sort", "s <F6>", "Cases", \
	  "Choose the column the case list is sorted by, and the order.") \
	X(ACT_SORT_REVERSE, "sort-reverse", "o", "Cases", \
	  "Reverse the order of the case list.") \
	X(ACT_WRITE, "write", "w", "Cases", \
	  "Write the case list as shown to a file: CSV, NDJSON (.json) or " \
	  "text, by the name's extension.") \
	X(ACT_DATES, "dates", "D", "Cases", \
	  "Set the as-of and law-as-of dates (today, a date, a year such " \
	  "as 2010, an era) and assess the cases again.") \
	X(ACT_RELOAD, "reload", "r", "Cases", \
	  "Load the case files again.") \
	X(ACT_EDIT, "edit", "e", "Cases", \
	  "Edit the case file in $EDITOR; it is saved only if it is valid.") \
	X(ACT_DELETE, "delete", "d", "Cases", \
	  "In the kept edits (listed at start), delete the selected one; " \
	  "press it twice.") \
	X(ACT_MEMO, "memo", "m", "Cases", \
	  "Write the review memo of the case to a file: its name ending in " \
	  ".pdf gives a PDF, .md Markdown, anything else text.") \
	X(ACT_REDACT, "redact", "R", "Cases", \
	  "Hide names, A-numbers and notes (or show them again).") \
	X(ACT_REVEAL, "reveal", "v", "Cases", \
	  "In quiz mode, reveal the outcome of the selected case.") \
	X(ACT_QUIZ_WALK, "quiz-walk", "W", "Cases", \
	  "In quiz mode, walk the listed cases one at a time: Enter " \
	  "toggles an answer (a hearing or none, the bars that attach, " \
	  "the relief lost), v reveals and scores it, Tab goes on to the " \
	  "next case; the running score is on the title line, the total " \
	  "at the end.")

#define UI_ACTION_ENUM(id, name, keys, group, help) id,
enum ui_action { ACT_NONE = 0, UI_ACTIONS(UI_ACTION_ENUM) ACT__COUNT };

struct ui_action_info {
	const char *name;       /* config name */
	const char *keys;       /* default keys, space-separated */
	const char *group;
	const char *help;
};

/* Indexed by enum ui_action; [ACT_NONE] is all NULL. */
extern const struct ui_action_info ui_actions[ACT__COUNT];

/* The action named name, or ACT_NONE. */
enum ui_action ui_action_by_name(const char *name);

#endif
