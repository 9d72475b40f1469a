/* main.c - casewalk: the command line (cli/: the commands; src/: the
 * core they and the explorer share).
 *
 * With a subcommand (check, assess, list, stats, rules, test) casewalk
 * prints what the explorer would show; without one it opens the explorer.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "quiz.h"
#include "cli.h"
#include "secure.h"
#include "../ui/ui.h"

enum { OPT_RULES = 256, OPT_AS_OF, OPT_LAW_AS_OF, OPT_REDACT, OPT_CONFIG,
       OPT_JOBS, OPT_JSON, OPT_CSV, OPT_QUIZ, OPT_FILTER, OPT_SORT,
       OPT_ICS, OPT_FORMAT, OPT_CHANGES };

static const struct option long_opts[] = {
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "law-as-of", required_argument, NULL, OPT_LAW_AS_OF },
	{ "redact", no_argument, NULL, OPT_REDACT },
	{ "quiz", optional_argument, NULL, OPT_QUIZ },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "filter", required_argument, NULL, OPT_FILTER },
	{ "sort", required_argument, NULL, OPT_SORT },
	{ "ics", no_argument, NULL, OPT_ICS },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "changes", required_argument, NULL, OPT_CHANGES },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *f)
{
	fputs(
"usage: casewalk [OPTIONS] [PATH...]         open the case explorer\n"
"       casewalk check  [OPTIONS] PATH...    validate case files\n"
"       casewalk assess [OPTIONS] PATH...    assess every case (text, --json, --csv)\n"
"       casewalk list   [OPTIONS] PATH...    the explorer's list (--json, --csv)\n"
"       casewalk stats  [OPTIONS] PATH...    totals by path, penalty, relief (--json)\n"
"       casewalk deadlines [OPTIONS] PATH... every dated deadline (--ics, --csv, --json)\n"
"       casewalk memo   [OPTIONS] PATH [ID]  a one-page review memo (--format, -o)\n"
"       casewalk rules  [OPTIONS]            the rules in force, with citations (--json)\n"
"       casewalk rules --changes FROM TO     what the law changes between two dates\n"
"       casewalk test   [OPTIONS] FILE...    run rules tests (casewalk-rules(5))\n"
"\n"
"PATH is a case file or a directory of them (*.yaml, *.yml, recursively).\n"
"The explorer opens the bundled sample cases when no PATH is given.\n"
"\n"
"Options:\n"
"  --as-of DATE       evaluate as of DATE (YYYY-MM-DD; default today)\n"
"  --law-as-of DATE   apply the rules in force on DATE (default: --as-of)\n"
"  --rules FILE       rules file instead of the built-in rules\n"
"  --config FILE      explorer configuration file\n"
"  --redact           mask names and A-numbers, hide notes\n"
"  --quiz[=SEED]      hide each case's outcome until revealed; ids become\n"
"                     Case 1, Case 2, ... shuffled by SEED (default 1)\n"
"  --jobs N           load with N threads (default: number of processors)\n"
"  --filter EXPR      only the cases EXPR matches (assess, list, stats, deadlines;\n"
"                     casewalk(1) FILTERS: bar=running, cancel_nonlpr=possible,\n"
"                     asylum=now:available, path=voluntary, ...)\n"
"  --sort KEY[,KEY]   list: the order (id name path hearing bar until relief\n"
"                     way_back file; -KEY reverses)\n"
"  --changes FROM TO  rules: the rules and parameters that differ between the\n"
"                     law of FROM and of TO (today, YYYY-MM-DD, YYYY-MM, YYYY,\n"
"                     or an era such as morton_2011)\n"
"  --json, --csv      machine-readable output where a command has it\n"
"  --ics              deadlines: an iCalendar file (RFC 5545) of all-day events\n"
"  --format FMT       memo: text (default), md or pdf (PDF through groff)\n"
"  -o, --output FILE  memo: write to FILE (PDF needs it on a terminal)\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and exit\n"
"\n"
"Exit status: 0 success; 1 some case file had errors; 2 usage error or\n"
"unreadable rules or config; 3 internal failure.\n"
"\n" CASEWALK_DISCLAIMER "\nSee casewalk(1), casewalk-cases(5), casewalk-rules(5), casewalk-law(7).\n", f);
}

static bool parse_date_opt(const char *opt, const char *arg, struct date *d)
{
	const char *err;
	if (date_parse(arg, strlen(arg), d, &err) && d->prec == DATE_DAY)
		return true;
	fprintf(stderr, "casewalk: %s: expected YYYY-MM-DD, got '%s'\n", opt,
		arg);
	return false;
}

static bool parse_jobs(const char *arg, int *jobs)
{
	char *end;
	errno = 0;
	long n = strtol(arg, &end, 10);
	if (errno || *end || n < 1 || n > 256) {
		fprintf(stderr, "casewalk: --jobs: expected 1..256, got '%s'\n",
			arg);
		return false;
	}
	*jobs = (int)n;
	return true;
}

/* Returns -1 to go on, else an exit status. */
static int parse_args(struct app *app, int argc, char **argv)
{
	int c;
	while ((c = getopt_long(argc, argv, "hVo:", long_opts, NULL)) != -1) {
		switch (c) {
		case OPT_RULES: app->rules_file = optarg; break;
		case OPT_CONFIG: app->config_file = optarg; break;
		case OPT_REDACT: app->redact = true; break;
		case OPT_QUIZ:
			app->quiz = true;
			app->quiz_seed = QUIZ_DEFAULT_SEED;
			if (optarg && !quiz_parse_seed(optarg, &app->quiz_seed)) {
				fprintf(stderr, "casewalk: --quiz: expected a "
					"number as the seed, got '%s'\n", optarg);
				return 2;
			}
			break;
		case OPT_JSON: app->json = true; break;
		case OPT_FILTER: app->filter = optarg; break;
		case OPT_SORT: app->sort = optarg; break;
		case OPT_CHANGES: app->changes = optarg; break;
		case OPT_CSV: app->csv = true; break;
		case OPT_ICS: app->ics = true; break;
		case OPT_FORMAT: app->format = optarg; break;
		case 'o': app->output = optarg; break;
		case OPT_AS_OF:
			if (!parse_date_opt("--as-of", optarg, &app->as_of))
				return 2;
			break;
		case OPT_LAW_AS_OF:
			if (!parse_date_opt("--law-as-of", optarg,
					    &app->law_as_of))
				return 2;
			break;
		case OPT_JOBS:
			if (!parse_jobs(optarg, &app->jobs))
				return 2;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("casewalk %s\n", CASEWALK_VERSION);
			return 0;
		default:
			fputs("Try 'casewalk --help'.\n", stderr);
			return 2;
		}
	}
	if (app->json + app->csv + app->ics > 1) {
		fputs("casewalk: --json, --csv and --ics exclude each other\n",
		      stderr);
		return 2;
	}
	const char *cmd = app->cmd ? app->cmd : "the explorer";
	bool json_ok = app->cmd && strcmp(app->cmd, "check") &&
		       strcmp(app->cmd, "test") && strcmp(app->cmd, "memo");
	bool csv_ok = app->cmd && (!strcmp(app->cmd, "assess") ||
				   !strcmp(app->cmd, "list") ||
				   !strcmp(app->cmd, "deadlines"));
	bool filter_ok = app->cmd && (!strcmp(app->cmd, "assess") ||
				      !strcmp(app->cmd, "list") ||
				      !strcmp(app->cmd, "stats") ||
				      !strcmp(app->cmd, "deadlines"));
	bool memo = app->cmd && !strcmp(app->cmd, "memo");
	if ((app->ics && (!app->cmd || strcmp(app->cmd, "deadlines"))) ||
	    ((app->format || app->output) && !memo)) {
		fprintf(stderr, "casewalk: %s has no %s\n", cmd, app->ics ?
			"--ics" : app->format ? "--format" : "-o");
		return 2;
	}
	if ((app->filter && !filter_ok) ||
	    (app->sort && (!app->cmd || strcmp(app->cmd, "list")))) {
		fprintf(stderr, "casewalk: %s has no %s\n", cmd,
			app->filter && !filter_ok ? "--filter" : "--sort");
		return 2;
	}
	if (app->changes && (!app->cmd || strcmp(app->cmd, "rules"))) {
		fprintf(stderr, "casewalk: %s has no --changes\n", cmd);
		return 2;
	}
	if ((app->json && !json_ok) || (app->csv && !csv_ok)) {
		fprintf(stderr, "casewalk: %s has no %s output\n", cmd,
			app->json ? "--json" : "--csv");
		return 2;
	}
	app->paths = argv + optind;
	app->n_paths = (size_t)(argc - optind);
	return -1;
}

/* w is near command c: one edit apart, two letters swapped, or a prefix
 * of three letters or more. */
static bool command_near(const char *w, const char *c)
{
	size_t a = strlen(w), b = strlen(c);
	if (a >= 3 && a < b && !strncmp(w, c, a))
		return true;
	if (a == b) {
		size_t diff = 0, first = 0;
		for (size_t i = 0; i < a; i++)
			if (w[i] != c[i] && diff++ == 0)
				first = i;
		if (diff <= 1)
			return true;
		return diff == 2 && first + 1 < a && w[first] == c[first + 1] &&
		       w[first + 1] == c[first] &&
		       !strcmp(w + first + 2, c + first + 2);
	}
	if (a + 1 != b && b + 1 != a)
		return false;
	const char *l = a > b ? w : c, *sh = a > b ? c : w;
	size_t i = 0;
	while (sh[i] && sh[i] == l[i])
		i++;
	return !strcmp(sh + i, l + i + 1);
}

/* The bundled sample cases: $CASEWALK_SAMPLES, the installed copy, or the
 * source tree's testdata/cases. */
static char *sample_path(void)
{
	static char installed[] = CASEWALK_DATADIR "/cases";
	static char source[] = CASEWALK_SRCDIR "/testdata/cases";
	char *env = getenv("CASEWALK_SAMPLES");
	if (env && *env)
		return env;
	return access(installed, R_OK) == 0 ? installed : source;
}

int main(int argc, char **argv)
{
	static char *default_paths[2];
	static const char *const cmds[] = { "check", "assess", "list",
					     "stats", "rules", "test",
					     "deadlines", "memo" };
	static int (*const runs[])(struct app *) = { cmd_check, cmd_assess,
		cmd_list, cmd_stats, cmd_rules, cmd_test, cmd_deadlines,
		cmd_memo };
	struct app app = { 0 };
	int (*run)(struct app *) = NULL;

	secure_process();
	setlocale(LC_ALL, "");
	/* a closed pipe ends the output quietly (write fails with EPIPE) */
	signal(SIGPIPE, SIG_IGN);
	app.as_of = date_today();
	if (argc > 1)
		for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
			if (!strcmp(argv[1], cmds[i])) {
				app.cmd = cmds[i];
				run = runs[i];
				argv++;
				argc--;
				break;
			}
	/* a word that is no command and names no file: a mistyped command
	 * (as git says), not a case file to open */
	if (!run && argc > 1 && argv[1][0] != '-' && !strchr(argv[1], '/') &&
	    !strchr(argv[1], '.') && access(argv[1], F_OK) != 0) {
		const char *best = NULL;
		size_t n = sizeof(cmds) / sizeof(cmds[0]);
		/* the first that is one edit away; else the first it is a
		 * prefix of */
		for (int pass = 0; pass < 2 && !best; pass++)
			for (size_t i = 0; i < n && !best; i++)
				if (command_near(argv[1], cmds[i]) &&
				    (pass || strncmp(argv[1], cmds[i],
						     strlen(argv[1]))))
					best = cmds[i];
		fprintf(stderr, "casewalk: '%s' is not a command, nor a file or "
			"folder", argv[1]);
		if (best)
			fprintf(stderr, "; did you mean %s?", best);
		fputs("\nTry 'casewalk --help'.\n", stderr);
		return 2;
	}
	int st = parse_args(&app, argc, argv);
	if (st >= 0)
		return st;
	if (!date_known(app.law_as_of))
		app.law_as_of = app.as_of;
	if (!run) {
		run = ui_main;
		if (app.n_paths == 0) {
			app.paths = default_paths;
			app.n_paths = 1;
			default_paths[0] = sample_path();
		}
	}
	st = run(&app);
	app_free(&app);
	if (fflush(stdout) == EOF && errno != EPIPE) {
		perror("casewalk: stdout");
		return 3;
	}
	return st;
}
