/* paths.h - the paths of legal-reference.md section 1: how an enforcement
 * episode ended (or that it has not). */
#ifndef CW_PATHS_H
#define CW_PATHS_H

#include "case.h"

#define PATHS(X) \
	X(PATH_VOLUNTARY_RETURN, "voluntary_return") \
	X(PATH_WITHDRAWAL_AT_PORT, "withdrawal_at_port") \
	X(PATH_VD_PRE, "vd_pre_conclusion") \
	X(PATH_VD_POST, "vd_post_conclusion") \
	X(PATH_REMOVAL_CONTESTED, "removal_order_contested") \
	X(PATH_IN_ABSENTIA, "removal_in_absentia") \
	X(PATH_STIPULATED, "stipulated_removal") \
	X(PATH_EXPEDITED, "expedited_removal") \
	X(PATH_REINSTATEMENT, "reinstatement") \
	X(PATH_ADMIN_238B, "admin_removal_238b") \
	X(PATH_RELIEF_GRANTED, "relief_granted") \
	X(PATH_TERMINATED, "terminated") \
	X(PATH_ADMIN_CLOSED, "admin_closed") \
	X(PATH_PENDING, "pending") \
	X(PATH_NO_PROCEEDINGS, "no_proceedings")
CW_DECLARE_ENUM(path_id, PATHS, PATH__COUNT)

#endif
