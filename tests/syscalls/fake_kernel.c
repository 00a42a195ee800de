/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <redox/syscall.h>
#include "fake_kernel.h"

struct fake_call fake_calls[FAKE_MAX_CALLS];
int fake_ncalls;
int fake_passthrough_write;
int fake_copy_meta;
void (*fake_hook)(const struct fake_call *c);

static unsigned long script[FAKE_MAX_SCRIPT];
static int nscript, next_ret;

void fake_reset(void)
{
	memset(fake_calls, 0, sizeof fake_calls);
	fake_ncalls = 0;
	fake_passthrough_write = 0;
	fake_copy_meta = 0;
	fake_hook = 0;
	nscript = next_ret = 0;
}

void fake_script(const unsigned long *rets, int count)
{
	memcpy(script, rets, (size_t)count * sizeof *rets);
	nscript = count;
	next_ret = 0;
}

static unsigned long record(int nargs, unsigned long n, unsigned long a1, unsigned long a2,
	unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6)
{
	struct fake_call *c = &fake_calls[fake_ncalls < FAKE_MAX_CALLS ? fake_ncalls : FAKE_MAX_CALLS - 1];
	const unsigned long a[6] = { a1, a2, a3, a4, a5, a6 };
	unsigned long r = next_ret < nscript ? script[next_ret++] : 0;

	memset(c, 0, sizeof *c);
	c->nargs = nargs;
	c->n = n;
	memcpy(c->a, a, (size_t)nargs * sizeof a[0]);
	if (fake_copy_meta && n == SYS_CALL && nargs == 5 && a5) {
		unsigned long nmeta = a4 & REDOX_CALL_METADATA_LEN_MASK;
		memcpy(c->meta, (const void *)a5, (nmeta < 4 ? nmeta : 4) * sizeof(uint64_t));
	}
	if (fake_ncalls < FAKE_MAX_CALLS)
		fake_ncalls++;
	if (n == SYS_WRITE && fake_passthrough_write)
		r = (unsigned long)write((int)a1, (const void *)a2, a3);
	if (fake_hook)
		fake_hook(c);
	return r;
}

unsigned long redox_syscall0(unsigned long n)
{
	return record(0, n, 0, 0, 0, 0, 0, 0);
}
unsigned long redox_syscall1(unsigned long n, unsigned long a1)
{
	return record(1, n, a1, 0, 0, 0, 0, 0);
}
unsigned long redox_syscall2(unsigned long n, unsigned long a1, unsigned long a2)
{
	return record(2, n, a1, a2, 0, 0, 0, 0);
}
unsigned long redox_syscall3(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3)
{
	return record(3, n, a1, a2, a3, 0, 0, 0);
}
unsigned long redox_syscall4(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3,
	unsigned long a4)
{
	return record(4, n, a1, a2, a3, a4, 0, 0);
}
unsigned long redox_syscall5(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3,
	unsigned long a4, unsigned long a5)
{
	return record(5, n, a1, a2, a3, a4, a5, 0);
}
unsigned long redox_syscall6(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3,
	unsigned long a4, unsigned long a5, unsigned long a6)
{
	return record(6, n, a1, a2, a3, a4, a5, a6);
}
