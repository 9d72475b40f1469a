/* fuzz_config.c - libFuzzer target for the other files read with ytree.h:
 * the offense vocabulary (vocab_load_buffer, config/offenses.yaml) and the
 * official statistics (official_load_buffer, config/statistics.yaml).
 *
 * Each input is read as both.  Besides the sanitizers it checks, and traps
 * when it fails: every diagnostic is well formed, inside the text and safe
 * for a terminal once printed (fuzz_util.h); the loaders return the number
 * of errors they added; a vocabulary that loads has an id and a title for
 * every offense and classifications in range, and its id list is the one
 * the case loader gets; editions that load have an id, figures sorted by
 * fiscal year and values of -1 or more, and official_max is their largest.
 *
 *   tests/fuzz.sh smoke fuzz_config    (builds build-fuzz/fuzz_config)
 */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "official.h"
#include "vocab.h"
#include "fuzz_util.h"

#define NAME "fuzz-config.yaml"

static void check_vocab(const uint8_t *data, size_t size)
{
	struct vocab vb;
	struct diag_list d = {0};
	int bad = vocab_load_buffer(&vb, NAME, (const char *)data, size, &d);
	CHECK(bad >= 0 && (size_t)bad == d.n_errors);
	fz_check_diags(&d, NAME, (const char *)data, size);
	if (!bad) {
		CHECK(vb.ids.n == vb.n);
		for (size_t i = 0; i < vb.n; i++) {
			const struct vocab_entry *e = &vb.v[i];
			CHECK(e->id && e->title && vb.ids.ids[i] == e->id);
			for (int c = 0; c < CLS__COUNT; c++)
				CHECK(e->cls[c] >= -1 && e->cls[c] <= 1);
			CHECK(e->af_if_sentence_days >= -1);
			CHECK(vocab_find(&vb, e->id) != NULL);
		}
	}
	vocab_free(&vb);
	diag_free(&d);
}

static void check_official(const uint8_t *data, size_t size)
{
	struct official o;
	struct diag_list d = {0};
	int bad = official_load_buffer(&o, NAME, (const char *)data, size, &d);
	CHECK(bad >= 0 && (size_t)bad == d.n_errors);
	fz_check_diags(&d, NAME, (const char *)data, size);
	for (size_t i = 0; i < o.n; i++) {
		const struct official_edition *e = &o.v[i];
		int64_t max = 0;
		CHECK(e->id != NULL);
		for (size_t k = 0; k < e->n; k++) {
			if (k)
				CHECK(e->v[k - 1].fy <= e->v[k].fy);
			for (int m = 0; m < OFFICIAL__MEASURES; m++) {
				CHECK(e->v[k].value[m] >= -1);
				if (e->v[k].value[m] > max)
					max = e->v[k].value[m];
			}
		}
		CHECK(official_max(e) == max);
	}
	for (int m = 0; m < OFFICIAL__MEASURES; m++)
		CHECK(official_measure_name(m) != NULL);
	official_free(&o);
	diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_vocab(data, size);
	check_official(data, size);
	return 0;
}
