// SPDX-License-Identifier: MIT
// Freestanding test of redox-run's event queues (/scheme/event) and time
// scheme timeouts (run with --abi=2026-08 --root R). Numbers: redox_syscall
// 0.9.1 (number.rs, flag.rs: EVENT_READ 1, EVENT_WRITE 2, EVENT_TIMEOUT_ID
// usize::MAX - 2; data.rs Event {id, flags, data}). Every expected value is
// written by hand from kernel 6abd1be6 src/event.rs, src/scheme/event.rs,
// time.rs, pipe.rs, context/timeout.rs and redoxfs faf3e2f
// (docs/redox-run-schemes.md). Prints "ok NAME" / "FAIL NAME ..."; with
// argv[1] "deadlock" it ends in a read no event can reach.
#include <stddef.h>
#include <stdint.h>

#define SYS_OPENAT_INTO 0x101003DB
#define SYS_CLOSE 0x20000006
#define SYS_DUP_INTO 0x201003DC
#define SYS_READ 0x22000003
#define SYS_WRITE 0x21000004
#define SYS_FCNTL 0x20000037
#define SYS_FPATH 0x220003A0
#define SYS_CALL 0x2300CA11
#define SYS_CLOCK_GETTIME 0x00000109
#define UP (1ull << 62)
#define O_RDWR 0x30000
#define O_CREAT 0x2000000
#define O_DIRECTORY 0x10000000
#define O_NONBLOCK 0x40000
#define F_SETFL 4
#define EV_READ 1
#define EV_WRITE 2
#define TIMEOUT_ID (~0ull - 2)

#include "rawsys.h"

struct ev { uint64_t id, flags, data; };

static long ctl(uint64_t q, uint64_t id, uint64_t flags, uint64_t data)
{
	struct ev e = { id, flags, data };
	return sc(SYS_WRITE, (long)q, (long)&e, sizeof e, 0, 0, 0);
}

static long rd(uint64_t q, struct ev *e, long n)
{
	return sc(SYS_READ, (long)q, (long)e, n, 0, 0, 0);
}

static void nonblock(uint64_t q, int on)
{
	sc(SYS_FCNTL, (long)q, F_SETFL, on ? O_NONBLOCK : 0, 0, 0, 0);
}

/* The queue is empty: a non-blocking read says EAGAIN. */
static void empty(uint64_t q, const char *name)
{
	struct ev e;
	nonblock(q, 1);
	check(name, rd(q, &e, sizeof e), -11);
	nonblock(q, 0);
}

static uint64_t mono_ns(void)
{
	int64_t ts[2] = { 0, 0 };
	sc(SYS_CLOCK_GETTIME, 4, (long)ts, 0, 0, 0, 0);
	return (uint64_t)ts[0] * 1000000000u + (uint32_t)ts[1];
}

static uint64_t open2(uint64_t ns, const char *path, long plen, const char *rest, long rlen,
		      uint64_t flags, uint64_t slot)
{
	long root = sc(SYS_OPENAT_INTO, (long)ns, (long)path, plen, O_DIRECTORY, 0, (long)(UP | 40));
	long r = sc(SYS_OPENAT_INTO, root, (long)rest, rlen, (long)flags, 0, (long)slot);
	sc(SYS_CLOSE, root, 0, 0, 0, 0, 0);
	return (uint64_t)r;
}

void cmain(uint64_t *sp)
{
	uint64_t argc = sp[0];
	char **argv = (char **)(sp + 1);
	uint64_t *a = sp + 1 + argc + 1;
	while (*a)
		a++;
	a++;
	uint64_t proc = aux(a, 41), ns = aux(a, 43);
	struct ev e[4];
	char pb[32];

	uint64_t q = open2(ns, "/scheme/event", 13, "", 0, O_RDWR | O_CREAT, UP | 10);
	check("open a queue", (long)q, (long)(UP | 10));
	check("fpath", sc(SYS_FPATH, (long)q, (long)pb, sizeof pb, 0, 0, 0), 14);
	check("fpath bytes", pb[0] == '/' && pb[7] == '/' && pb[8] == 'e' && pb[13] == '/', 1);

	if (argc > 1 && argv[1][0] == 'd') {
		/* Blocking, alone, nothing registered, no timeout: no event can
		 * ever come. redox-run says deadlock and exits 123. */
		out("reading forever\n");
		rd(q, e, sizeof e[0]);
		out("not reached\n");
		exit_raw(proc, 1);
	}

	/* kernel wait_queue.rs receive_into_user, not blocking, empty. */
	nonblock(q, 1);
	check("empty, non-blocking", rd(q, e, 24), -11);
	check("empty, non-blocking, short buffer", rd(q, e, 10), -22);
	check("empty, non-blocking, 0 bytes", rd(q, e, 0), 0);
	nonblock(q, 0);

	/* A timeout of 0 ms: the next blocking read is an instant timeout. */
	check("set timeout 0", ctl(q, TIMEOUT_ID, EV_READ, 0), 24);
	empty(q, "a non-blocking read does not take the timeout");
	check("timeout event", rd(q, e, sizeof e), 24);
	check("timeout event id", e[0].id == TIMEOUT_ID && e[0].flags == EV_READ && e[0].data == 0, 1);
	empty(q, "the timeout was one-shot");
	check("set timeout", ctl(q, TIMEOUT_ID, EV_READ, 0), 24);
	check("clear timeout (flags 0)", ctl(q, TIMEOUT_ID, 0, 5), 24);
	empty(q, "cleared");

	/* A pipe's read end, registered for EVENT_READ. */
	uint64_t r = open2(ns, "/scheme/pipe", 12, "", 0, O_RDWR, 5);
	check("pipe read end", (long)r, 5);
	check("pipe write end", sc(SYS_DUP_INTO, (long)r, (long)"write", 5, 6, 0, 0), 6);
	uint64_t w = 6;
	check("register the read end", ctl(q, r, EV_READ, 0x1234), 24);
	empty(q, "empty pipe: nothing ready at registration");
	check("write 3 bytes", sc(SYS_WRITE, (long)w, (long)"abc", 3, 0, 0, 0), 3);
	check("read the event", rd(q, e, sizeof e), 24);
	check("event = {fd, EVENT_READ, data}", e[0].id == r && e[0].flags == EV_READ && e[0].data == 0x1234, 1);
	sc(SYS_WRITE, (long)w, (long)"de", 2, 0, 0, 0);
	sc(SYS_WRITE, (long)w, (long)"f", 1, 0, 0, 0);
	check("every write is an event", rd(q, e, sizeof e), 48);
	sc(SYS_WRITE, (long)w, (long)"g", 1, 0, 0, 0);
	check("10 bytes of an event", rd(q, e, 10), 10);
	check("the event stayed", rd(q, e, sizeof e), 24);
	sc(SYS_WRITE, (long)w, (long)"h", 1, 0, 0, 0);
	check("into unmapped memory", rd(q, (struct ev *)16, 24), -14);
	check("the event stayed after EFAULT", rd(q, e, sizeof e), 24);
	/* Registering again when the pipe has data: sync triggers at once. */
	check("modify the registration", ctl(q, r, EV_READ, 0x5678), 24);
	check("ready at registration", rd(q, e, sizeof e), 24);
	check("new data", (long)e[0].data, 0x5678);

	/* Flags the kernel does not know: stored, but nothing ever matches. */
	check("register with flag 0x100 only", ctl(q, r, 0x100, 1), 24);
	sc(SYS_WRITE, (long)w, (long)"i", 1, 0, 0, 0);
	empty(q, "unknown flag: no event");
	check("register with 0x101", ctl(q, r, 0x101, 2), 24);
	check("0x101: ready at once", rd(q, e, sizeof e), 24);
	check("only the common flag is reported", (long)e[0].flags, EV_READ);

	/* Delete (flags 0): writes no longer reach the queue. */
	check("delete", ctl(q, r, 0, 0), 24);
	sc(SYS_WRITE, (long)w, (long)"j", 1, 0, 0, 0);
	empty(q, "deleted: no event");

	/* Bad registrations. */
	check("an fd that is not open", ctl(q, 999, EV_READ, 0), -9);
	check("the queue itself", ctl(q, q, EV_READ, 0), -9);
	uint64_t f = open2(ns, "/", 1, "ev.txt", 6, O_RDWR | O_CREAT | 0644, 7);
	check("a file in the root", (long)f, 7);
	check("a file: redoxfs says EPERM", ctl(q, f, EV_READ, 0), -1);
	check("events from unmapped memory", sc(SYS_WRITE, (long)q, 16, 24, 0, 0, 0), -14);
	check("a huge count from unmapped memory", sc(SYS_WRITE, (long)q, 16, 1l << 40, 0, 0, 0), -14);
	check("23 bytes: no whole event", sc(SYS_WRITE, (long)q, (long)e, 23, 0, 0, 0), 0);

	/* A queue in a queue, and a cycle of two. */
	uint64_t q2 = open2(ns, "/scheme/event", 13, "", 0, O_RDWR, UP | 11);
	check("second queue", (long)q2, (long)(UP | 11));
	/* drain the pipe so that it is empty */
	sc(SYS_READ, (long)r, (long)pb, sizeof pb, 0, 0, 0);
	check("register the pipe again", ctl(q, r, EV_READ, 1), 24);
	check("register q in q2", ctl(q2, q, EV_READ, 7), 24);
	sc(SYS_WRITE, (long)w, (long)"k", 1, 0, 0, 0);
	nonblock(q2, 1);
	check("q2 hears q", rd(q2, e, sizeof e), 24);
	check("q2's event names q", e[0].id == q && e[0].flags == EV_READ && e[0].data == 7, 1);
	nonblock(q2, 0);
	check("q's own event", rd(q, e, sizeof e), 24);
	check("register q2 in q: a cycle", ctl(q, q2, EV_READ, 8), 24);
	sc(SYS_WRITE, (long)w, (long)"l", 1, 0, 0, 0);
	check("q: the pipe and q2", rd(q, e, sizeof e), 48);
	check("q: which", e[0].id == r && e[1].id == q2 && e[1].data == 8, 1);
	check("q2: q once", rd(q2, e, sizeof e), 24);
	check("remove the cycle", ctl(q, q2, 0, 0) + ctl(q2, q, 0, 0), 48);
	sc(SYS_CLOSE, (long)q2, 0, 0, 0, 0, 0);

	/* Closing the write end: the reader sees EOF, an EVENT_READ. */
	sc(SYS_READ, (long)r, (long)pb, sizeof pb, 0, 0, 0);
	check("register the write end", ctl(q, w, EV_WRITE, 3), 24);
	check("write end writable at once", rd(q, e, sizeof e), 24);
	check("EVENT_WRITE of the write end", e[0].id == w && e[0].flags == EV_WRITE && e[0].data == 3, 1);
	check("close the write end", sc(SYS_CLOSE, (long)w, 0, 0, 0, 0, 0), 0);
	check("EOF is an event", rd(q, e, sizeof e), 24);
	check("EOF event", e[0].id == r && e[0].flags == EV_READ, 1);

	/* Timeouts through the time scheme (kernel time.rs kwrite, timeout.rs). */
	uint64_t c = open2(ns, "/scheme/time", 12, "4", 1, O_RDWR, 8);
	check("open /scheme/time/4", (long)c, 8);
	check("register the clock", ctl(q, c, EV_READ, 9), 24);
	empty(q, "a clock is never ready by itself");
	int64_t ts[2] = { 0, 0 };
	check("a timeout in the past", sc(SYS_WRITE, (long)c, (long)ts, 16, 0, 0, 0), 16);
	check("it fires", rd(q, e, sizeof e), 24);
	check("clock event", e[0].id == c && e[0].flags == EV_READ && e[0].data == 9, 1);
	uint64_t t0 = mono_ns(), due = t0 + 30000000u;
	ts[0] = (int64_t)(due / 1000000000u), ts[1] = (int64_t)(due % 1000000000u);
	check("a timeout 30 ms ahead", sc(SYS_WRITE, (long)c, (long)ts, 16, 0, 0, 0), 16);
	/* A queue timeout set and cleared (flags 0) leaves the read to the clock. */
	check("set timeout 1 ms", ctl(q, TIMEOUT_ID, EV_READ, 1), 24);
	check("clear it", ctl(q, TIMEOUT_ID, 0, 1), 24);
	check("it fires, blocking", rd(q, e, sizeof e), 24);
	check("the clock's event, not the cleared timeout", e[0].id == c && e[0].data == 9, 1);
	check("not before it was due", mono_ns() >= due, 1);
	ts[0] = -1, ts[1] = 0;
	check("a negative time (never)", sc(SYS_WRITE, (long)c, (long)ts, 16, 0, 0, 0), 16);
	int64_t two[4] = { 0, 5, 1, 0 };   /* both long past */
	check("two timeouts in one write", sc(SYS_WRITE, (long)c, (long)two, 32, 0, 0, 0), 32);
	check("timeout unmapped", sc(SYS_WRITE, (long)c, 16, 16, 0, 0, 0), -14);
	uint64_t g = open2(ns, "/scheme/time", 12, "4/gettime", 9, O_RDWR, 9);
	check("open 4/gettime", (long)g, 9);
	check("gettime takes no timeout", sc(SYS_WRITE, (long)g, (long)ts, 16, 0, 0, 0), -22);
	check("gettime, less than a TimeSpec", sc(SYS_WRITE, (long)g, (long)ts, 8, 0, 0, 0), 0);
	nonblock(q, 1);
	check("two past timeouts: two events", rd(q, e, sizeof e), 48);
	check("both from the clock", e[0].id == c && e[1].id == c, 1);
	nonblock(q, 0);
	t0 = mono_ns();
	check("set timeout 20 ms", ctl(q, TIMEOUT_ID, EV_READ, 20), 24);
	check("timed read", rd(q, e, sizeof e), 24);
	check("the timeout event, not the never timeout",
	      e[0].id == TIMEOUT_ID && e[0].flags == EV_READ && e[0].data == 20, 1);
	check("after 20 ms", mono_ns() - t0 >= 20000000u, 1);
	check("close the queue", sc(SYS_CLOSE, (long)q, 0, 0, 0, 0, 0), 0);
	check("closed", rd(q, e, sizeof e), -9);
	/* redox-run's limit (docs/redox-run-schemes.md §2): 4096 registrations
	 * in the process; the next is ENOMEM. Every earlier queue is closed. */
	uint64_t q3 = open2(ns, "/scheme/event", 13, "", 0, O_RDWR, UP | 12);
	long ok = 0;
	for (long i = 0; i < 4096; i++)
		ok += sc(SYS_FCNTL, (long)r, 0, 100 + i, 0, 0, 0) == 100 + i && ctl(q3, 100 + i, EV_READ, 0) == 24;
	check("4096 registrations", ok, 4096);
	check("the 4097th", ctl(q3, r, EV_READ, 0), -12);
	check("one removed, one more fits", ctl(q3, 100, 0, 0) + ctl(q3, r, EV_READ, 0), 48);
	out("ok all event checks ran\n");
	exit_raw(proc, bad ? 1 : 0);
}
