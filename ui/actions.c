/* actions.c - the action table as data; see actions.h. */
#include "actions.h"

#include <string.h>

#define UI_ACTION_INFO(id, name, keys, group, help) \
	[id] = { name, keys, group, help },
const struct ui_action_info ui_actions[ACT__COUNT] = {
	UI_ACTIONS(UI_ACTION_INFO)
};

enum ui_action ui_action_by_name(const char *name)
{
	for (int a = ACT_NONE + 1; a < ACT__COUNT; a++)
		if (!strcmp(ui_actions[a].name, name))
			return (enum ui_action)a;
	return ACT_NONE;
}
