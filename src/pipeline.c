/* pipeline.c - batches on worker threads, output in order; see pipeline.h. */
#define _POSIX_C_SOURCE 200809L
#include "pipeline.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* A batch in flight.  Its worker fills `ob` without the lock: no one
 * else touches a slot until `done`, and the writer empties it (keeping
 * the memory) before the slot is handed out again. */
struct slot {
	struct outbuf ob;
	bool done;
};

struct pipe {
	size_t n, per, batches;
	pipeline_fn fn;
	void *ctx;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t next;            /* next batch to hand out */
	size_t written;         /* batches copied to the output */
	size_t window;          /* batches allowed in flight */
	struct slot *slots;     /* ring of `window` slots */
};

static void run_batch(struct pipe *p, size_t k, struct arena *scratch,
		      struct outbuf *ob)
{
	size_t lo = k * p->per, hi = lo + p->per < p->n ? lo + p->per : p->n;
	p->fn(p->ctx, k, lo, hi, scratch, ob);
}

static void *worker(void *arg)
{
	struct pipe *p = arg;
	struct arena scratch;
	arena_init(&scratch, 256 * 1024);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->next < p->batches && p->next >= p->written + p->window)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->next >= p->batches)
			break;
		size_t k = p->next++;
		struct slot *s = &p->slots[k % p->window];
		pthread_mutex_unlock(&p->mu);
		run_batch(p, k, &scratch, &s->ob);
		pthread_mutex_lock(&p->mu);
		s->done = true;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	arena_free(&scratch);
	return NULL;
}

/* One thread: no locks. */
static int run_inline(struct pipe *p, FILE *out)
{
	struct arena scratch;
	struct outbuf ob = { NULL, 0, 0 };
	int rc = 0;
	arena_init(&scratch, 256 * 1024);
	for (size_t k = 0; k < p->batches && !rc; k++) {
		run_batch(p, k, &scratch, &ob);
		rc = ob_write(&ob, out);
	}
	ob_free(&ob);
	arena_free(&scratch);
	return rc;
}

int pipeline_run(size_t n, size_t per_batch, int jobs, pipeline_fn fn,
		 void *ctx, FILE *out)
{
	struct pipe p = { .n = n, .per = per_batch ? per_batch : 1, .fn = fn,
			  .ctx = ctx };
	p.batches = (n + p.per - 1) / p.per;
	if (jobs <= 1 || p.batches <= 1)
		return run_inline(&p, out);
	p.window = 2 * (size_t)jobs + 2;
	p.slots = xcalloc(p.window, sizeof(*p.slots));
	pthread_t *tid = xcalloc((size_t)jobs, sizeof(*tid));
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	int started = 0;
	for (int i = 0; i < jobs; i++)
		if (pthread_create(&tid[i], NULL, worker, &p) == 0)
			started++;
	if (!started) {
		free(tid);
		free(p.slots);
		return run_inline(&p, out);
	}
	int rc = 0;
	pthread_mutex_lock(&p.mu);
	for (size_t k = 0; k < p.batches; k++) {
		struct slot *s = &p.slots[k % p.window];
		while (!s->done)
			pthread_cond_wait(&p.cv, &p.mu);
		pthread_mutex_unlock(&p.mu);
		/* after a write error keep draining, so workers can finish */
		if (!rc && ob_write(&s->ob, out))
			rc = -1;
		pthread_mutex_lock(&p.mu);
		s->ob.len = 0;
		s->done = false;
		p.written++;
		pthread_cond_broadcast(&p.cv);
	}
	pthread_mutex_unlock(&p.mu);
	for (int i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	for (size_t i = 0; i < p.window; i++)
		ob_free(&p.slots[i].ob);
	free(tid);
	free(p.slots);
	return rc;
}
