/* SPDX-License-Identifier: MIT */
#include <redox/proc.h>
#include <redox/syscall.h>

long redox_proc_call(unsigned long proc_fd, void *payload, unsigned long len,
	unsigned long flags, const uint64_t *meta, unsigned long nmeta)
{
	/* The metadata length shares e's low byte with nothing else; letting
	   either spill into the other would send the kernel a different call. */
	if (nmeta > REDOX_CALL_METADATA_LEN_MASK || (flags & REDOX_CALL_METADATA_LEN_MASK))
		return -REDOX_EINVAL;
	return redox_call(proc_fd, payload, len, nmeta | flags, meta);
}

static char *put_str(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	return p;
}

static char *put_hex(char *p, unsigned long v)
{
	int shift = 60;
	p = put_str(p, "0x");
	while (shift > 0 && !(v >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		*p++ = "0123456789abcdef"[(v >> shift) & 0xf];
	return p;
}

static char *put_dec(char *p, long v)
{
	char tmp[24];
	int n = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	if (v < 0)
		*p++ = '-';
	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

_Noreturn void redox_proc_exit(unsigned long proc_fd, int status)
{
	const uint64_t meta[2] = { REDOX_PROC_EXIT, (uint64_t)(status & 0xff) };
	long r;
	const char *name;
	char msg[160], *p = msg;

	/* A successful Exit never returns: the process manager terminates every
	   thread, this one included. EINTR and EAGAIN are retried as relibc RH
	   does (redox-abi.md §5). */
	do
		r = redox_proc_call(proc_fd, 0, 0, 0, meta, 2);
	while (r == -REDOX_EINTR || r == -REDOX_EAGAIN);

	p = put_str(p, "redox-crt: ProcCall::Exit on fd ");
	p = put_hex(p, proc_fd);
	p = put_str(p, " returned ");
	name = r < 0 ? redox_errno_name((int)-r) : 0;
	p = name ? put_str(p, name) : put_dec(p, r);
	p = put_str(p, "; aborting\n");
	redox_write(2, msg, (unsigned long)(p - msg));
	__builtin_trap();
}
