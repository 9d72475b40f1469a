/* keys.h - key names, and the map from keys to actions.
 *
 * A key is an int: a Unicode code point for a character, or
 * UI_KEY_FN(KEY_x) for a curses function key (code points end at
 * U+10FFFF, below the flag).  Enter, Return and KEY_ENTER are all '\n';
 * every kind of backspace is UI_KEY_BACKSPACE.
 *
 * Names, in the config file, the scripts of the test harness and the
 * action table: a character stands for itself ("j", "?"); others are
 * written <Enter> <Esc> <Tab> <Space> <Backspace> <Up> <Down> <Left>
 * <Right> <PgUp> <PgDn> <Home> <End> <Del> <F1>..<F12> <C-a>..<C-z> <lt>.
 */
#ifndef CW_UI_KEYS_H
#define CW_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"

#define UI_KEY_FN_FLAG 0x200000
#define UI_KEY_FN(k) (UI_KEY_FN_FLAG | (k))
#define UI_KEY_ESC 27
#define UI_KEY_BACKSPACE 127

/* Normalises a key read from curses (wget_wch: is_fn for KEY_CODE_YES). */
int keys_from_curses(int code, bool is_fn);

/* Parses one key name at *s, advancing *s past it.  Returns the key, or
 * -1 for a malformed name (then *s is past the bad part). */
int keys_parse(const char **s);

/* Writes the name of key (as keys_parse reads it) into buf. */
const char *keys_name(int key, char *buf, size_t n);

#define KEYMAP_MAX 128

struct keymap {
	struct { int key; enum ui_action act; } v[KEYMAP_MAX];
	int n;
};

/* Binds every action's default keys (the action table). */
void keymap_defaults(struct keymap *m);
/* Replaces the keys of act with keys[0..n). */
void keymap_set(struct keymap *m, enum ui_action act, const int *keys, int n);
enum ui_action keymap_lookup(const struct keymap *m, int key);
/* The bound keys of act, as names separated by ", " (for the help view). */
const char *keymap_describe(const struct keymap *m, enum ui_action act,
			    char *buf, size_t n);

#endif
