// SPDX-License-Identifier: MIT
/* Guest threads in redox-run (tests/redox-run/threads.sh): each mode is one
 * case; its expected stdout is MODE.out, written by hand. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void *twice_plus_one(void *a)
{
	return (void *)(2 * (intptr_t)a + 1);
}

/* pthread_create/join: each thread's return value comes back to its joiner. */
static int create_join(void)
{
	pthread_t t[5];
	for (intptr_t i = 0; i < 5; i++)
		if (pthread_create(&t[i], NULL, twice_plus_one, (void *)(i * 10)) != 0)
			return 1;
	for (int i = 4; i >= 0; i--) {
		void *r = NULL;
		int e = pthread_join(t[i], &r);
		printf("join %d: %d, returned %ld\n", i, e, (long)(intptr_t)r);
	}
	return 0;
}

/* N threads increment one counter under a mutex: the exact total. */
#define NINC 8
#define PER 20000
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static void *inc(void *a)
{
	(void)a;
	for (int i = 0; i < PER; i++) {
		pthread_mutex_lock(&mu);
		long v = counter;
		/* A preemption here, without the mutex, would lose increments. */
		for (volatile int k = 0; k < 3; k++)
			;
		counter = v + 1;
		pthread_mutex_unlock(&mu);
	}
	return NULL;
}
static int mutex(void)
{
	pthread_t t[NINC];
	for (int i = 0; i < NINC; i++)
		if (pthread_create(&t[i], NULL, inc, NULL))
			return 1;
	for (int i = 0; i < NINC; i++)
		pthread_join(t[i], NULL);
	printf("counter %ld\n", counter);
	return 0;
}

/* A bounded queue between a producer and a consumer with two condvars. */
#define QCAP 4
static int q[QCAP], qhead, qlen;
static pthread_cond_t notfull = PTHREAD_COND_INITIALIZER, notempty = PTHREAD_COND_INITIALIZER;
static void *producer(void *a)
{
	(void)a;
	for (int i = 1; i <= 1000; i++) {
		pthread_mutex_lock(&mu);
		while (qlen == QCAP)
			pthread_cond_wait(&notfull, &mu);
		q[(qhead + qlen++) % QCAP] = i;
		pthread_cond_signal(&notempty);
		pthread_mutex_unlock(&mu);
	}
	return NULL;
}
static void *consumer(void *a)
{
	(void)a;
	long sum = 0, n = 0, max_seen = 0, in_order = 1;
	for (;;) {
		pthread_mutex_lock(&mu);
		while (qlen == 0)
			pthread_cond_wait(&notempty, &mu);
		int v = q[qhead];
		qhead = (qhead + 1) % QCAP;
		qlen--;
		pthread_cond_signal(&notfull);
		pthread_mutex_unlock(&mu);
		if (v == 0)
			break;
		in_order &= v == max_seen + 1;
		max_seen = v;
		sum += v;
		n++;
	}
	printf("consumed %ld items, sum %ld, in order: %s\n", n, sum, in_order ? "yes" : "no");
	return NULL;
}
static int condvar(void)
{
	pthread_t p, c;
	if (pthread_create(&c, NULL, consumer, NULL) || pthread_create(&p, NULL, producer, NULL))
		return 1;
	pthread_join(p, NULL);
	pthread_mutex_lock(&mu);
	while (qlen == QCAP)
		pthread_cond_wait(&notfull, &mu);
	q[(qhead + qlen++) % QCAP] = 0;   /* the end */
	pthread_cond_signal(&notempty);
	pthread_mutex_unlock(&mu);
	pthread_join(c, NULL);
	return 0;
}

/* Thread-local variables: one copy per thread, initialised from the image. */
static __thread int tls_int = 7;
static __thread char tls_buf[32] = "initial";
static pthread_t main_self;
struct tls_seen { int init_int; char init_buf[32]; int now_int; char now_buf[32]; int self_is_main, self_eq; };
static struct tls_seen seen[4];
static void *tls_worker(void *a)
{
	int id = (int)(intptr_t)a;
	struct tls_seen *s = &seen[id];
	s->init_int = tls_int;
	strcpy(s->init_buf, tls_buf);
	tls_int = id * 100;
	snprintf(tls_buf, sizeof tls_buf, "thread-%d", id);
	for (int i = 0; i < 5; i++)
		sched_yield();     /* the others write theirs meanwhile */
	s->now_int = tls_int;
	strcpy(s->now_buf, tls_buf);
	s->self_is_main = pthread_equal(pthread_self(), main_self) != 0;
	s->self_eq = pthread_equal(pthread_self(), pthread_self()) != 0;
	return (void *)&tls_int;
}
static int tls(void)
{
	pthread_t t[3];
	void *addr[3];
	main_self = pthread_self();
	tls_int = 1;
	strcpy(tls_buf, "main");
	for (intptr_t i = 0; i < 3; i++)
		if (pthread_create(&t[i], NULL, tls_worker, (void *)(i + 1)))
			return 1;
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], &addr[i]);
	for (int i = 1; i <= 3; i++)
		printf("init: thread %d started with %d \"%s\"\n", i, seen[i].init_int, seen[i].init_buf);
	for (int i = 1; i <= 3; i++)
		printf("thread %d: then %d %s, self==main: %d, equal(self,self): %d, pthread_t from create differs from main's: %d\n",
		       i, seen[i].now_int, seen[i].now_buf, seen[i].self_is_main, seen[i].self_eq,
		       !pthread_equal(t[i - 1], main_self));
	printf("main: %d %s; addresses distinct: %d\n", tls_int, tls_buf,
	       addr[0] != addr[1] && addr[1] != addr[2] && addr[0] != addr[2] &&
	       addr[0] != (void *)&tls_int);
	return 0;
}

/* pthread_exit from a nested call: the rest of the thread never runs. */
static void deep_exit(int depth)
{
	if (depth == 0)
		pthread_exit((void *)42);
	deep_exit(depth - 1);
	puts("after pthread_exit (must not print)");
}
static void *exiter(void *a)
{
	(void)a;
	deep_exit(5);
	return (void *)1;
}
static int texit(void)
{
	pthread_t t;
	void *r = NULL;
	if (pthread_create(&t, NULL, exiter, NULL))
		return 1;
	pthread_join(t, &r);
	printf("pthread_exit value %ld\n", (long)(intptr_t)r);
	return 0;
}

/* Detached threads: never joined; they tell main they ran through a condvar. */
static int done;
static void *detached_worker(void *a)
{
	pthread_mutex_lock(&mu);
	done += (int)(intptr_t)a;
	pthread_cond_signal(&notempty);
	pthread_mutex_unlock(&mu);
	return NULL;
}
static int detached(void)
{
	pthread_attr_t at;
	pthread_attr_init(&at);
	pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
	for (intptr_t i = 1; i <= 4; i++) {
		pthread_t t;
		if (pthread_create(&t, &at, detached_worker, (void *)i))
			return 1;
	}
	pthread_t t;
	if (pthread_create(&t, NULL, detached_worker, (void *)100) || pthread_detach(t))
		return 1;
	pthread_mutex_lock(&mu);
	while (done != 110)
		pthread_cond_wait(&notempty, &mu);
	pthread_mutex_unlock(&mu);
	printf("detached threads ran: sum %d\n", done);
	/* Let them finish exiting, then more threads than ever lived at once. */
	for (int i = 0; i < 10; i++)
		sched_yield();
	for (intptr_t i = 0; i < 50; i++) {
		void *r;
		if (pthread_create(&t, NULL, twice_plus_one, (void *)i) || pthread_join(t, &r) ||
		    r != (void *)(2 * i + 1))
			return 1;
	}
	puts("50 more created and joined one after another");
	return 0;
}

/* A thread that spins without a syscall until main sets a flag, while main
 * spins until it sees the thread running: only preemption lets both on. */
static volatile int spin_a, spin_b;
static void *spinner(void *a)
{
	(void)a;
	spin_a = 1;
	while (!spin_b)
		;
	return (void *)7;
}
static int preempt(void)
{
	pthread_t t;
	void *r;
	if (pthread_create(&t, NULL, spinner, NULL))
		return 1;
	while (!spin_a)
		;
	spin_b = 1;
	pthread_join(t, &r);
	printf("both spinners got through, thread returned %ld\n", (long)(intptr_t)r);
	return 0;
}

/* A pipe between threads: the reader waits on the empty pipe. */
static int pfd[2];
static void *pipe_writer(void *a)
{
	(void)a;
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	nanosleep(&ts, NULL);    /* the reader is waiting by now */
	for (int i = 0; i < 3; i++) {
		char m[16];
		int n = snprintf(m, sizeof m, "msg %d;", i);
		if (write(pfd[1], m, (size_t)n) != n)
			return (void *)1;
		nanosleep(&ts, NULL);
	}
	close(pfd[1]);
	return NULL;
}
static int pipes(void)
{
	pthread_t t;
	char buf[128];
	size_t got = 0;
	if (pipe(pfd) || pthread_create(&t, NULL, pipe_writer, NULL))
		return 1;
	for (;;) {
		ssize_t n = read(pfd[0], buf + got, sizeof buf - 1 - got);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = 0;
	void *r;
	pthread_join(t, &r);
	printf("read \"%s\" until end of file; writer returned %ld\n", buf, (long)(intptr_t)r);
	return 0;
}

/* Timed waits: a condvar wait with a deadline times out when nobody
 * signals, and ends early when another thread does. (pthread_mutex_timedlock
 * is not used: relibc dadb4375 hands its CLOCK_REALTIME deadline to the
 * futex, whose deadline is CLOCK_MONOTONIC, so it waits for decades.) */
static volatile int signaller_go;
static void *signaller(void *a)
{
	(void)a;
	while (!signaller_go)
		sched_yield();
	pthread_mutex_lock(&mu);
	done = 1;
	pthread_cond_signal(&notempty);
	pthread_mutex_unlock(&mu);
	return NULL;
}
static struct timespec in_ms(long ms)
{
	struct timespec dl;
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_sec += ms / 1000;
	dl.tv_nsec += ms % 1000 * 1000000;
	if (dl.tv_nsec >= 1000000000) {
		dl.tv_sec++;
		dl.tv_nsec -= 1000000000;
	}
	return dl;
}
static int timed(void)
{
	pthread_t t;
	if (pthread_create(&t, NULL, signaller, NULL))
		return 1;
	struct timespec t0, t1, dl;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	dl = in_ms(30);
	pthread_mutex_lock(&mu);
	int e = pthread_cond_timedwait(&notempty, &mu, &dl);
	pthread_mutex_unlock(&mu);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	printf("cond_timedwait nobody signals: %s after >= 30 ms: %d\n",
	       e == ETIMEDOUT ? "ETIMEDOUT" : strerror(e), ms >= 30);
	dl = in_ms(60000);
	pthread_mutex_lock(&mu);
	signaller_go = 1;
	e = 0;
	while (!done && e == 0)
		e = pthread_cond_timedwait(&notempty, &mu, &dl);
	pthread_mutex_unlock(&mu);
	printf("cond_timedwait with a minute left, signalled: %d, done %d\n", e, done);
	pthread_join(t, NULL);
	return 0;
}

/* exit() in a second thread while main waits in join: the process ends. */
static void *exit7(void *a)
{
	(void)a;
	fflush(stdout);
	exit(7);
}
static int thread_exit_process(void)
{
	pthread_t t;
	puts("main joins a thread that calls exit(7)");
	if (pthread_create(&t, NULL, exit7, NULL))
		return 1;
	pthread_join(t, NULL);
	puts("join returned (must not print)");
	return 0;
}

/* main calls pthread_exit: the process lives on until its last thread ends,
 * then exits with status 0. */
static void *last(void *a)
{
	(void)a;
	for (int i = 0; i < 20; i++)
		sched_yield();
	puts("the last thread ends");
	fflush(stdout);
	return NULL;
}
static int main_exit(void)
{
	pthread_t t;
	if (pthread_create(&t, NULL, last, NULL))
		return 1;
	puts("main calls pthread_exit");
	fflush(stdout);
	pthread_exit(NULL);
}

/* Deadlock: main joins a thread that joins main. */
static void *join_main(void *a)
{
	pthread_join(*(pthread_t *)a, NULL);
	return NULL;
}
static int deadlock(void)
{
	static pthread_t m;
	pthread_t t;
	m = pthread_self();
	if (pthread_create(&t, NULL, join_main, &m))
		return 1;
	pthread_join(t, NULL);
	return 0;
}

/* Deadlock: a condvar nobody will signal, main joining the waiter. */
static void *wait_forever(void *a)
{
	(void)a;
	pthread_mutex_lock(&mu);
	for (;;)
		pthread_cond_wait(&notempty, &mu);
}
static int deadlock_cond(void)
{
	pthread_t t;
	if (pthread_create(&t, NULL, wait_forever, NULL))
		return 1;
	pthread_join(t, NULL);
	return 0;
}

/* A fault in the second thread. */
static void *faulter(void *a)
{
	volatile int *p = (volatile int *)a;
	return (void *)(intptr_t)*p;
}
static int fault(void)
{
	pthread_t t;
	if (pthread_create(&t, NULL, faulter, (void *)16))
		return 1;
	pthread_join(t, NULL);
	return 0;
}

/* The futex calls themselves (docs/redox-run-threads.md §4, kernel 6abd1be6
 * src/syscall/futex.rs), made raw: relibc's mutexes and condvars tolerate
 * a wrong wake count or order (they loop), these checks do not. Raw
 * results are -errno. */
#define SYS_FUTEX 0xF0
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
static long futex_sc(volatile uint32_t *addr, long op, long val, const void *ts)
{
#if defined(__x86_64__)
	long n = SYS_FUTEX;
	register long r10 __asm__("r10") = (long)ts, r8 __asm__("r8") = 0;
	__asm__ volatile("syscall" : "+a"(n) : "D"(addr), "S"(op), "d"(val), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return n;
#else
	register long x8 __asm__("x8") = SYS_FUTEX, x0 __asm__("x0") = (long)addr, x1 __asm__("x1") = op,
		 x2 __asm__("x2") = val, x3 __asm__("x3") = (long)ts, x4 __asm__("x4") = 0;
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4) : "memory");
	return x0;
#endif
}
/* fw[0]: word A; fw[1]: word B; fw[3] sits at 4 mod 8 with fw[2] != 0 beside it. */
static volatile uint32_t fw[4] __attribute__((aligned(8))) = { 0, 0, 9, 1 };
static volatile int fready, fnwoke, forder[8];
static void *fwaiter(void *a)
{
	int id = (int)(intptr_t)a;
	volatile uint32_t *w = id == 4 ? &fw[1] : &fw[0];
	__atomic_fetch_add(&fready, 1, __ATOMIC_SEQ_CST);
	long r = futex_sc(w, FUTEX_WAIT, 0, NULL);
	forder[__atomic_fetch_add(&fnwoke, 1, __ATOMIC_SEQ_CST)] = id;
	return (void *)r;
}
static void yield_until(volatile int *v, int want)
{
	while (*v < want)
		sched_yield();
	for (int i = 0; i < 5; i++)
		sched_yield();
}
static long ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}
static int futexes(void)
{
	pthread_t t[4];
	/* Waiters 1, 2, 3 on A, in that order; waiter 4 on B. */
	for (intptr_t i = 0; i < 4; i++) {
		if (pthread_create(&t[i], NULL, fwaiter, (void *)(i + 1)))
			return 1;
		yield_until(&fready, (int)i + 1);
	}
	/* With waiter 4 blocked, a wait or sleep blocks in the scheduler. */
	struct { int64_t sec; int32_t nsec, pad; } dl;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	long ns = (t0.tv_nsec + 20 * 1000000L);
	dl.sec = t0.tv_sec + ns / 1000000000;
	dl.nsec = (int32_t)(ns % 1000000000);
	dl.pad = 0;
	long r = futex_sc(&fw[3], FUTEX_WAIT, 1, &dl);
	printf("WAIT on a 4-aligned word, deadline in 20 ms: %ld after >= 20 ms: %d\n", r, ms_since(&t0) >= 20);
	printf("WAIT with another value: %ld\n", futex_sc(&fw[3], FUTEX_WAIT, 2, NULL));
	struct timespec z = { 0, 30 * 1000000L };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = nanosleep(&z, NULL);
	printf("nanosleep 30 ms: %ld after >= 30 ms: %d\n", r, ms_since(&t0) >= 30);
	/* WAKE's count and order: swap_remove(0) takes 1, then 3 (moved to
	 * the front), then 2; B's waiter is not A's. */
	long w1 = futex_sc(&fw[0], FUTEX_WAKE, 1, NULL);
	yield_until(&fnwoke, 1);
	long w2 = futex_sc(&fw[0], FUTEX_WAKE, 1, NULL);
	yield_until(&fnwoke, 2);
	long w3 = futex_sc(&fw[0], FUTEX_WAKE, 5, NULL);
	yield_until(&fnwoke, 3);
	long w4 = futex_sc(&fw[0], FUTEX_WAKE, 5, NULL);
	printf("WAKE A 1, 1, 5, 5: woke %ld %ld %ld %ld, order %d %d %d\n", w1, w2, w3, w4,
	       forder[0], forder[1], forder[2]);
	long w5 = futex_sc(&fw[1], FUTEX_WAKE, 1, NULL);
	yield_until(&fnwoke, 4);
	printf("WAKE B 1: woke %ld, thread %d\n", w5, forder[3]);
	for (int i = 0; i < 4; i++) {
		void *rv;
		pthread_join(t[i], &rv);
		printf("waiter %d: WAIT returned %ld\n", i + 1, (long)(intptr_t)rv);
	}
	return 0;
}

/* redox-run's own limit (docs/redox-run-threads.md §1): at most 1024
 * threads not dead at once, main included; past it dup(proc, "new-thread")
 * is ENOMEM, which relibc's create reports as EAGAIN (R
 * src/pthread/mod.rs:202-204). Threads that ended free their places. Only
 * 10 threads end here: every ended thread leaves a hole in the mappings,
 * and redox-run's 512 distinct runs (redox-run-memory.md) would run out
 * before 1023 did; the others are still waiting when main returns. */
#define LIMIT_TRY 1100
static pthread_mutex_t holds[LIMIT_TRY];
static void *held(void *a)
{
	pthread_mutex_t *m = a;
	pthread_mutex_lock(m);
	pthread_mutex_unlock(m);
	return NULL;
}
static int limit(void)
{
	static pthread_t t[LIMIT_TRY];
	pthread_attr_t at;
	if (pthread_attr_init(&at) || pthread_attr_setstacksize(&at, 65536))
		return 1;
	for (int i = 0; i < LIMIT_TRY; i++)
		if (pthread_mutex_init(&holds[i], NULL) || pthread_mutex_lock(&holds[i]))
			return 1;
	int n = 0, r = 0;
	while (n < LIMIT_TRY && !(r = pthread_create(&t[n], &at, held, &holds[n])))
		n++;
	printf("created %d besides main, then %s\n", n,
	       r == EAGAIN ? "EAGAIN" : r ? "another error" : "no error");
	int joined = 0;
	for (int i = 0; i < 10 && i < n; i++) {
		pthread_mutex_unlock(&holds[i]);
		joined += !pthread_join(t[i], NULL);
	}
	printf("joined %d\n", joined);
	r = pthread_create(&t[0], &at, held, &holds[n]);
	printf("then: %s\n", r ? "failed" : "created");
	r = pthread_create(&t[1], &at, held, &holds[n]);
	printf("then: %s\n", r ? "failed" : "created");
	return 0;
}

int main(int argc, char **argv)
{
	static const struct { const char *name; int (*fn)(void); } modes[] = {
		{ "create-join", create_join }, { "mutex", mutex }, { "condvar", condvar },
		{ "tls", tls }, { "exit", texit }, { "detached", detached }, { "preempt", preempt },
		{ "pipe", pipes }, { "timed", timed }, { "exit-process", thread_exit_process },
		{ "main-exit", main_exit }, { "deadlock-join", deadlock },
		{ "deadlock-cond", deadlock_cond }, { "fault", fault }, { "futex", futexes },
		{ "limit", limit },
	};
	for (size_t i = 0; argc == 2 && i < sizeof modes / sizeof modes[0]; i++)
		if (!strcmp(argv[1], modes[i].name)) {
			int r = modes[i].fn();
			if (r)
				printf("%s: setup failed\n", argv[1]);
			return r;
		}
	fprintf(stderr, "usage: threads MODE\n");
	return 2;
}
