/* embedded.h - the files of config/ compiled into the binary (tools/embed). */
#ifndef CW_EMBEDDED_H
#define CW_EMBEDDED_H

#include <stddef.h>

extern const char embedded_offenses_yaml[];
extern const size_t embedded_offenses_yaml_len;
extern const char embedded_rules_yaml[];
extern const size_t embedded_rules_yaml_len;
extern const char embedded_statistics_yaml[];
extern const size_t embedded_statistics_yaml_len;
extern const char embedded_casewalk_conf[];
extern const size_t embedded_casewalk_conf_len;

#endif
