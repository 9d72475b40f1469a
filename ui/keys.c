/* keys.c - key names and the key map; see keys.h. */
#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

static const struct {
	const char *name;
	int key;
} named[] = {
	{ "Enter", '\n' },
	{ "Esc", UI_KEY_ESC },
	{ "Tab", '\t' },
	{ "Space", ' ' },
	{ "Backspace", UI_KEY_BACKSPACE },
	{ "Up", UI_KEY_FN(KEY_UP) },
	{ "Down", UI_KEY_FN(KEY_DOWN) },
	{ "Left", UI_KEY_FN(KEY_LEFT) },
	{ "Right", UI_KEY_FN(KEY_RIGHT) },
	{ "PgUp", UI_KEY_FN(KEY_PPAGE) },
	{ "PgDn", UI_KEY_FN(KEY_NPAGE) },
	{ "Home", UI_KEY_FN(KEY_HOME) },
	{ "End", UI_KEY_FN(KEY_END) },
	{ "Del", UI_KEY_FN(KEY_DC) },
	{ "lt", '<' },
};
#define N_NAMED (sizeof(named) / sizeof(named[0]))

int keys_from_curses(int code, bool is_fn)
{
	if (!is_fn) {
		if (code == '\r')
			return '\n';
		if (code == 8)
			return UI_KEY_BACKSPACE;
		return code;
	}
	if (code == KEY_ENTER)
		return '\n';
	if (code == KEY_BACKSPACE)
		return UI_KEY_BACKSPACE;
	return UI_KEY_FN(code);
}

/* The name inside <...>, n bytes. */
static int parse_bracketed(const char *s, size_t n)
{
	for (size_t i = 0; i < N_NAMED; i++)
		if (strlen(named[i].name) == n && !strncmp(named[i].name, s, n))
			return named[i].key;
	if (n == 3 && s[0] == 'C' && s[1] == '-' && s[2] >= 'a' && s[2] <= 'z')
		return s[2] - 'a' + 1;
	if ((n == 2 || n == 3) && s[0] == 'F') {
		int f = s[1] - '0';
		if (n == 3)
			f = f * 10 + s[2] - '0';
		if (f >= 1 && f <= 12 && s[1] >= '1' && s[1] <= '9' &&
		    (n == 2 || (s[2] >= '0' && s[2] <= '9')))
			return UI_KEY_FN(KEY_F(f));
	}
	return -1;
}

/* Decodes one UTF-8 character; -1 for a bad sequence. */
static int utf8_char(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	int len = p[0] < 0x80 ? 1 : p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 :
		  p[0] >= 0xC2 ? 2 : 0;
	if (!len) {
		(*s)++;
		return -1;
	}
	int cp = len == 1 ? p[0] : p[0] & (0x7F >> len);
	for (int i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*s += i;
			return -1;
		}
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	*s += len;
	/* control characters are only reachable by name */
	return cp < 0x20 || cp == 0x7F || cp > 0x10FFFF ? -1 : cp;
}

int keys_parse(const char **s)
{
	const char *p = *s;
	if (*p == '<' && p[1] && p[1] != '>') {
		const char *end = strchr(p + 1, '>');
		if (end) {
			*s = end + 1;
			return parse_bracketed(p + 1, (size_t)(end - p - 1));
		}
	}
	return utf8_char(s);
}

const char *keys_name(int key, char *buf, size_t n)
{
	for (size_t i = 0; i < N_NAMED; i++)
		if (named[i].key == key) {
			snprintf(buf, n, "<%s>", named[i].name);
			return buf;
		}
	if (key >= 1 && key <= 26)
		snprintf(buf, n, "<C-%c>", 'a' + key - 1);
	else if (key >= UI_KEY_FN(KEY_F(1)) && key <= UI_KEY_FN(KEY_F(12)))
		snprintf(buf, n, "<F%d>", key - UI_KEY_FN(KEY_F(0)));
	else if (key & UI_KEY_FN_FLAG)
		snprintf(buf, n, "<key %d>", key & ~UI_KEY_FN_FLAG);
	else if (key < 0x80)
		snprintf(buf, n, "%c", key);
	else if (key < 0x800)
		snprintf(buf, n, "%c%c", 0xC0 | (key >> 6), 0x80 | (key & 0x3F));
	else if (key < 0x10000)
		snprintf(buf, n, "%c%c%c", 0xE0 | (key >> 12),
			 0x80 | ((key >> 6) & 0x3F), 0x80 | (key & 0x3F));
	else
		snprintf(buf, n, "%c%c%c%c", 0xF0 | (key >> 18),
			 0x80 | ((key >> 12) & 0x3F),
			 0x80 | ((key >> 6) & 0x3F), 0x80 | (key & 0x3F));
	return buf;
}

static void bind(struct keymap *m, int key, enum ui_action act)
{
	for (int i = 0; i < m->n; i++)
		if (m->v[i].key == key) {
			m->v[i].act = act;
			return;
		}
	if (m->n < KEYMAP_MAX) {
		m->v[m->n].key = key;
		m->v[m->n].act = act;
		m->n++;
	}
}

void keymap_defaults(struct keymap *m)
{
	memset(m, 0, sizeof(*m));
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++) {
		const char *s = ui_actions[a].keys;
		while (*s) {
			if (*s == ' ') {
				s++;
				continue;
			}
			int k = keys_parse(&s);
			if (k >= 0)
				bind(m, k, (enum ui_action)a);
		}
	}
}

void keymap_set(struct keymap *m, enum ui_action act, const int *keys, int n)
{
	int out = 0;
	for (int i = 0; i < m->n; i++)
		if (m->v[i].act != act)
			m->v[out++] = m->v[i];
	m->n = out;
	for (int i = 0; i < n; i++)
		bind(m, keys[i], act);
}

enum ui_action keymap_lookup(const struct keymap *m, int key)
{
	for (int i = 0; i < m->n; i++)
		if (m->v[i].key == key)
			return m->v[i].act;
	return ACT_NONE;
}

const char *keymap_describe(const struct keymap *m, enum ui_action act,
			    char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = 0;
	for (int i = 0; i < m->n && len < n; i++) {
		char name[32];
		if (m->v[i].act != act)
			continue;
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
					len ? ", " : "",
					keys_name(m->v[i].key, name, sizeof(name)));
	}
	return buf;
}
