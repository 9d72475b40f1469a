/* cli.h - the subcommands (cli/cmd_*.c): each prints what the explorer
 * shows, from the core's answers (src/), as text, JSON or CSV. */
#ifndef CW_CLI_H
#define CW_CLI_H

#include "app.h"

int cmd_check(struct app *app);
int cmd_assess(struct app *app);
int cmd_list(struct app *app);
int cmd_stats(struct app *app);
int cmd_rules(struct app *app);
int cmd_test(struct app *app);
int cmd_deadlines(struct app *app);
int cmd_memo(struct app *app);

#endif
