/* secure.c - no core files, not dumpable; see secure.h. */
#include "secure.h"

#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

void secure_process(void)
{
	struct rlimit none = { 0, 0 };
	setrlimit(RLIMIT_CORE, &none);
#ifdef __linux__
	/* also what makes the kernel refuse a core to a core_pattern pipe,
	 * which ignores RLIMIT_CORE */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}
