/* conf.c - reading casewalk.conf; see conf.h. */
#define _POSIX_C_SOURCE 200809L
#include "conf.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "ytree.h"

/* The user's configuration is a few lines; more than this is a mistake. */
#define CONF_MAX_SIZE (1u << 20)

static const struct {
	const char *name;
	unsigned attr;
} attr_names[] = {
	{ "normal", A_NORMAL }, { "bold", A_BOLD }, { "dim", A_DIM },
	{ "underline", A_UNDERLINE }, { "reverse", A_REVERSE },
	{ "standout", A_STANDOUT }, { "blink", A_BLINK },
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static int find_role(const char *name)
{
	for (int r = 0; r < ROLE__COUNT; r++)
		if (!strcmp(ui_role_names[r], name))
			return r;
	return -1;
}

/* A colour word: -1 default, 0..255, or -2 when it is not a colour. */
static int color_of(const char *w, size_t n)
{
	char buf[24];
	if (n >= sizeof(buf))
		return -2;
	memcpy(buf, w, n);
	buf[n] = 0;
	if (!strcmp(buf, "default"))
		return -1;
	for (int i = 0; i < 8; i++) {
		if (!strcmp(buf, color_names[i]))
			return i;
		if (!strncmp(buf, "bright", 6) && !strcmp(buf + 6, color_names[i]))
			return i + 8;
	}
	if (!strncmp(buf, "color", 5) && buf[5] &&
	    strspn(buf + 5, "0123456789") == strlen(buf + 5) &&
	    strlen(buf + 5) <= 3 && atoi(buf + 5) < 256)
		return atoi(buf + 5);
	return -2;
}

static bool attr_of(const char *w, size_t n, unsigned *attr)
{
	for (size_t i = 0; i < sizeof(attr_names) / sizeof(*attr_names); i++)
		if (strlen(attr_names[i].name) == n &&
		    !strncmp(attr_names[i].name, w, n)) {
			*attr |= attr_names[i].attr;
			return true;
		}
	return false;
}

/* "bold white on blue" (colours) or "reverse bold" (mono).  Leaves st
 * alone on error. */
static void read_style(struct yreader *r, const struct ynode *v,
		       struct ui_style *st, bool mono)
{
	struct ui_style s = *st;
	bool on = false;
	unsigned attr = 0;
	if (v->kind != YN_SCALAR) {
		yreader_error(r, v, "expected a style such as 'bold white on "
			      "blue'");
		return;
	}
	for (const char *p = v->s; *p;) {
		size_t n = strcspn(p, " ");
		int c;
		if (n == 2 && !strncmp(p, "on", 2) && !mono && !on)
			on = true;
		else if (!mono && (c = color_of(p, n)) != -2)
			*(on ? &s.bg : &s.fg) = (short)c;
		else if (!attr_of(p, n, &attr)) {
			yreader_error(r, v, "unknown %s '%.*s'", mono ?
				      "attribute" : "colour or attribute",
				      (int)(n > 30 ? 30 : n), p);
			return;
		}
		p += n;
		p += strspn(p, " ");
	}
	*(mono ? &s.mono_attr : &s.color_attr) = attr;
	*st = s;
}

static void read_styles(struct yreader *r, const struct ynode *m,
			struct conf *c, bool mono)
{
	if (m->kind != YN_MAP) {
		yreader_error(r, m, "expected a mapping of role to style");
		return;
	}
	for (uint32_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		int role = k->kind == YN_SCALAR ? find_role(k->s) : -1;
		if (k->dup)
			continue;       /* reported; the first one stands */
		if (role < 0)
			yreader_error(r, k, "unknown role");
		else
			read_style(r, v, &c->style[role], mono);
	}
}

/* Why a key can never fire: the terminal turns it into a signal, or it
 * arrives as another key (keys_from_curses).  NULL for a usable key. */
static const char *dead_key(int key)
{
	switch (key) {
	case 3: return "<C-c> interrupts casewalk (SIGINT): it never arrives "
		       "as a key";
	case 26: return "<C-z> suspends casewalk (SIGTSTP): it never arrives "
			"as a key";
	case 13: return "<C-m> arrives as <Enter>: bind <Enter>";
	case 8: return "<C-h> arrives as <Backspace>: bind <Backspace>";
	default: return NULL;
	}
}

static bool read_key(struct yreader *r, const struct ynode *v, int *key)
{
	const char *dead;
	const char *p = v->s;
	if (v->kind != YN_SCALAR || !*p) {
		yreader_error(r, v, "expected a key name such as j or <Down>");
		return false;
	}
	*key = keys_parse(&p);
	if (*key < 0 || *p) {
		yreader_error(r, v, "bad key name (write one key: a character, "
			      "or <Enter>, <C-x>, <F1>, ...)");
		return false;
	}
	if ((dead = dead_key(*key))) {
		yreader_error(r, v, "%s", dead);
		return false;
	}
	return true;
}

static void read_binding(struct yreader *r, const struct ynode *k,
			 const struct ynode *v, struct conf *c)
{
	enum ui_action act = k->kind == YN_SCALAR ?
		ui_action_by_name(k->s) : ACT_NONE;
	int keys[8], n = 0;
	if (act == ACT_NONE) {
		yreader_error(r, k, "unknown action (see the help view)");
		return;
	}
	if (v->kind == YN_SEQ) {
		for (uint32_t i = 0; i < v->n && n < 8; i++)
			if (!read_key(r, v->kids[i], &keys[n++]))
				return;
	} else if (!read_key(r, v, &keys[n++])) {
		return;
	}
	keymap_set(&c->keys, act, keys, n);
}

static void read_keys(struct yreader *r, const struct ynode *m,
		      struct conf *c)
{
	if (m->kind != YN_MAP) {
		yreader_error(r, m, "expected a mapping of action to keys");
		return;
	}
	for (uint32_t i = 0; i < m->n; i++)
		if (!m->kids[2 * i]->dup)       /* reported; the first stands */
			read_binding(r, m->kids[2 * i], m->kids[2 * i + 1], c);
}

static void read_columns(struct yreader *r, const struct ynode *v,
			 struct conf *c)
{
	int cols[COL__COUNT], n = 0;
	if (v->kind != YN_SEQ || v->n == 0) {
		yreader_error(r, v, "expected a list of columns");
		return;
	}
	for (uint32_t i = 0; i < v->n; i++) {
		const struct ynode *k = v->kids[i];
		int col = -1;
		for (int j = 0; j < COL__COUNT && k->kind == YN_SCALAR; j++)
			if (!strcmp(k->s, ui_column_names[j]))
				col = j;
		for (int j = 0; j < n && col >= 0; j++)
			if (cols[j] == col)
				col = -2;
		if (col < 0) {
			yreader_error(r, k, col == -2 ? "column listed twice" :
				      "unknown column (id, name, path, "
				      "hearing, penalty, until, relief)");
			return;
		}
		cols[n++] = col;
	}
	memcpy(c->columns, cols, sizeof(cols));
	c->n_columns = n;
}

static void read_root(struct yreader *r, const struct ynode *root,
		      struct conf *c)
{
	if (root->kind != YN_MAP) {
		yreader_error(r, root, "expected a mapping");
		return;
	}
	for (uint32_t i = 0; i < root->n; i++) {
		const struct ynode *k = root->kids[2 * i];
		const struct ynode *v = root->kids[2 * i + 1];
		if (k->dup) {
			continue;       /* reported; the first one stands */
		} else if (yformat_key(r, k, v, "casewalk-conf/1")) {
			continue;
		} else if (ynode_scalar_is(k, "keys")) {
			read_keys(r, v, c);
		} else if (ynode_scalar_is(k, "colors")) {
			read_styles(r, v, c, false);
		} else if (ynode_scalar_is(k, "mono")) {
			read_styles(r, v, c, true);
		} else if (ynode_scalar_is(k, "columns")) {
			read_columns(r, v, c);
		} else {
			yreader_error(r, k, "unknown key (format, keys, colors, "
				      "mono, columns)");
		}
	}
}

int conf_load_buffer(struct conf *c, const char *name, const char *buf,
		     size_t len)
{
	struct yreader r;
	struct arena scratch;
	size_t before = c->diags.n_errors;
	arena_init(&scratch, 16 * 1024);
	yreader_init(&r, arena_strdup(&c->arena, name), 0, buf, len,
		     &ylimits_default, &scratch, &c->arena, &c->diags);
	r.dup_keys = true;      /* a key given twice: an error */
	struct ynode *root = yreader_next(&r);
	/* an empty file is a valid configuration that changes nothing */
	if (root && !ynode_is_null(root))
		read_root(&r, root, c);
	yreader_done(&r);
	arena_free(&scratch);
	return (int)(c->diags.n_errors - before);
}

static void defaults(struct conf *c)
{
	memset(c, 0, sizeof(*c));
	arena_init(&c->arena, 8 * 1024);
	keymap_defaults(&c->keys);
	for (int i = 0; i < ROLE__COUNT; i++)
		c->style[i] = (struct ui_style){ -1, -1, 0, 0 };
	for (int i = 0; i < COL__COUNT; i++)
		c->columns[i] = i;
	c->n_columns = COL__COUNT;
}

/* $XDG_CONFIG_HOME/casewalk/config, else ~/.config/casewalk/config. */
static char *user_path(struct arena *a)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg == '/')
		return arena_printf(a, "%s/casewalk/config", xdg);
	if (home && *home)
		return arena_printf(a, "%s/.config/casewalk/config", home);
	return NULL;
}

int conf_load(struct conf *c, const char *explicit_file)
{
	char *buf;
	size_t len;
	const char *why;
	defaults(c);
	conf_load_buffer(c, "config/casewalk.conf (built in)",
			 embedded_casewalk_conf, embedded_casewalk_conf_len);
	const char *path = explicit_file ? explicit_file : user_path(&c->arena);
	if (!path)
		return 0;
	int e = yfile_read(path, CONF_MAX_SIZE, &buf, &len, &why);
	if (e && explicit_file) {
		fprintf(stderr, "casewalk: %s: %s\n", path, why);
		return 2;
	}
	if (e == ENOENT)
		return 0;
	if (e) {
		/* the screen would cover a message on stderr: the errors
		 * view shows it, as it shows the case files' problems */
		const char *file = arena_strdup(&c->arena, path);
		if (e == EFBIG)
			diag_addf(&c->diags, &c->arena, file, 0, 0, 0,
				  DIAG_ERROR, NULL, 0, "file is larger than "
				  "the limit of %u MiB", CONF_MAX_SIZE >> 20);
		else
			diag_addf(&c->diags, &c->arena, file, 0, 0, 0,
				  DIAG_ERROR, NULL, 0, "cannot read: %s", why);
		return 0;
	}
	c->user_file = arena_strdup(&c->arena, path);
	conf_load_buffer(c, path, buf, len);
	free(buf);
	return 0;
}

void conf_free(struct conf *c)
{
	diag_free(&c->diags);
	arena_free(&c->arena);
	memset(c, 0, sizeof(*c));
}
