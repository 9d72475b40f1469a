/* secure.h - what a process holding confidential case text owes the
 * people in it, done first for every command. */
#ifndef CW_SECURE_H
#define CW_SECURE_H

/* No core file, whatever the shell's ulimit -c (RLIMIT_CORE 0), and not
 * dumpable (PR_SET_DUMPABLE 0, on Linux): a crash leaves no file holding
 * case text, and no other process of the user's may attach to casewalk or
 * read its memory through /proc.  Failures are ignored: this only ever
 * takes something away. */
void secure_process(void);

#endif
