/* ui.h - the explorer's entry point.  The only header of ui/ that the core
 * side (src/main.c) includes; it does not include curses. */
#ifndef CW_UI_H
#define CW_UI_H

struct app;

/* Runs the explorer on app->paths until the user quits.  Returns the exit
 * status (0 normally; 2 for an unusable terminal or config). */
int ui_main(struct app *app);

#endif
