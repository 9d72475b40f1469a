/* conf.h - the explorer's configuration: keys, colours, columns.
 *
 * config/casewalk.conf is compiled in and read first; then the user's file
 * ($XDG_CONFIG_HOME/casewalk/config, or ~/.config/casewalk/config, or the
 * --config FILE) overrides it entry by entry.  Both are YAML, read with
 * ytree.h like every other file.  A bad entry gives a FILE:LINE:COL
 * diagnostic (shown in the errors view) and keeps the default for that
 * entry; the program never writes the user's file.
 */
#ifndef CW_UI_CONF_H
#define CW_UI_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "draw.h"
#include "keys.h"
#include "select.h"

struct conf {
	struct keymap keys;
	struct ui_style style[ROLE__COUNT];
	int columns[COL__COUNT];
	int n_columns;
	const char *user_file;          /* the file read after the built-in */
	struct diag_list diags;
	struct arena arena;
};

/* Defaults (the action table's keys, no colours, every column), then the
 * built-in file, then the user's.  explicit_file: --config, or NULL.
 * Returns 0, or 2 when explicit_file cannot be read (a usage error).  A
 * user file that exists but cannot be read (unreadable, not a regular
 * file, over 1 MiB) is a diagnostic in c->diags, for the errors view. */
int conf_load(struct conf *c, const char *explicit_file);
/* Reads one configuration text over what c holds; returns its errors. */
int conf_load_buffer(struct conf *c, const char *name, const char *buf,
		     size_t len);
void conf_free(struct conf *c);

#endif
