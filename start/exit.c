/* SPDX-License-Identifier: MIT */
/* exit, _Exit, atexit, __cxa_atexit (design.md, "Freestanding start": the
   exit order of relibc R0, redox-abi.md §2 "exit()"). */
#include <redox/start.h>
#include <redox/proc.h>
#include <redox/syscall.h>
#include "internal.h"

typedef void (*fini_fn)(void);
extern const fini_fn __fini_array_start[] __attribute__((weak)) HIDDEN;
extern const fini_fn __fini_array_end[] __attribute__((weak)) HIDDEN;
extern void _fini(void) __attribute__((weak));

struct handler {
	void (*fn)(void *);
	void *arg;
	void *dso;
};

static struct handler handlers[REDOX_ATEXIT_MAX];
static unsigned n_handlers;

int __cxa_atexit(void (*fn)(void *), void *arg, void *dso)
{
	if (!fn || n_handlers == REDOX_ATEXIT_MAX)
		return -1;
	handlers[n_handlers++] = (struct handler){fn, arg, dso};
	return 0;
}

/* An atexit handler takes no argument; it rides in arg. */
static void call_plain(void *fn)
{
	((void (*)(void))fn)();
}

int atexit(void (*fn)(void))
{
	return fn ? __cxa_atexit(call_plain, (void *)fn, 0) : -1;
}

/* Newest first; a handler that registers another makes it the newest, so it
   runs next. dso == NULL means every handler. */
void __cxa_finalize(void *dso)
{
	for (struct handler *h = handlers + n_handlers; h-- > handlers;) {
		void (*fn)(void *) = h->fn;
		void *arg = h->arg;
		if (!fn || (dso && h->dso != dso))
			continue;
		h->fn = 0;
		while (n_handlers > 0 && !handlers[n_handlers - 1].fn)
			n_handlers--;
		fn(arg);
		h = handlers + n_handlers;
	}
}

void exit(int status)
{
	/* __cxa_finalize(NULL), in the order it keeps: with every handler
	   selected, the newest live one is always the top slot, so popping the
	   table (skipping slots a __cxa_finalize(dso) emptied) is the same walk.
	   A handler registering another pushes it on top: it runs next. */
	while (n_handlers > 0) {
		struct handler h = handlers[--n_handlers];
		if (h.fn)
			h.fn(h.arg);
	}
	/* 0 and -1 entries are padding or sentinels, as in start.c. */
	for (const fini_fn *p = __fini_array_end; p > __fini_array_start;) {
		fini_fn f = *--p;
		if (f && f != (fini_fn)-1L)
			f();
	}
	if (_fini)
		_fini();
	_Exit(status);
}

void _Exit(int status)
{
	if (!__redox_start_have_proc_fd)
		START_DIE("redox-crt: _Exit: no process-manager fd (AT_REDOX_PROC_FD missing or "
			  "relibc_start_v1 never ran); cannot exit\n");
	redox_proc_exit(__redox_start_proc_fd, status);
}

void _exit(int status)
{
	_Exit(status);
}

void __redox_start_die(const char *msg, unsigned long len)
{
	redox_write(2, msg, len);
	__builtin_trap();
}
