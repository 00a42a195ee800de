/* SPDX-License-Identifier: MIT */
/* Host unit tests of the freestanding runtime: stack parsing (redox-abi.md
   §1 layout), environ, auxv lookup, the atexit table, __cxa_finalize, and
   the failure paths. start/ sources are compiled for the host with their libc
   names renamed (see tests/start/part.mk) and with a fake process manager. */
#include <check.h>
#include "../lib/check_run.h"
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Before the renames below: the real _exit, for forked children. */
static void child_exit(void) { _exit(0); }

/* The start/ sources are built with their libc-visible names renamed so they do not
   replace the host's; see tests/start/part.mk. */
#define exit rs_exit
#define _Exit rs__Exit
#define _exit rs__exit
#define atexit rs_atexit
#define __cxa_atexit rs___cxa_atexit
#define __cxa_finalize rs___cxa_finalize
#define environ rs_environ
#define _init rs__init
#define _fini rs__fini
#include <redox/auxv.h>
#include <redox/start.h>

/* --- fakes for the syscall layer */
static jmp_buf exit_jmp;
static unsigned long exit_fd;
static int exit_status, exit_calls;
static char err_buf[512];
static size_t err_len;
static int mirror_fd = -1;

void redox_proc_exit(unsigned long fd, int status)
{
	exit_fd = fd;
	exit_status = status;
	exit_calls++;
	longjmp(exit_jmp, 1);
}

long redox_write(unsigned long fd, const void *buf, unsigned long len)
{
	if (fd == 2 && err_len + len < sizeof err_buf) {
		memcpy(err_buf + err_len, buf, len);
		err_len += len;
	}
	if (fd == 2 && mirror_fd >= 0)
		(void)!write(mirror_fd, buf, len);
	return (long)len;
}

/* --- linker-provided bounds and crti symbols, as a link would give them */
typedef void (*init_fn)(int, char **, char **);
typedef void (*fini_fn)(void);
static char trace[512];
static void tr(const char *s) { strcat(trace, s); strcat(trace, " "); }
static int seen_argc;
static char **seen_argv, **seen_envp;
static void pre(int c, char **v, char **e) { seen_argc = c; seen_argv = v; seen_envp = e; tr("pre"); }
static void ini(int c, char **v, char **e) { (void)c; (void)v; (void)e; tr("init"); }
static void fin1(void) { tr("fini1"); }
static void fin2(void) { tr("fini2"); }
/* The runtime sees these as arrays with separate end symbols, as the
   linker defines them. */
/* 0 and -1 entries model alignment padding and old sentinels: skipped. */
const init_fn t_pre[] = {pre}, t_ini[] = {0, ini, (init_fn)-1L};
const fini_fn t_fin[] = {fin1, 0, fin2};
__asm__(".globl __preinit_array_start, __preinit_array_end, __init_array_start\n"
	".globl __init_array_end, __fini_array_start, __fini_array_end\n"
	".set __preinit_array_start, t_pre\n.set __preinit_array_end, t_pre + 8\n"
	".set __init_array_start, t_ini\n.set __init_array_end, t_ini + 24\n"
	".set __fini_array_start, t_fin\n.set __fini_array_end, t_fin + 24\n");
void _init(void) { tr("_init"); }
void _fini(void) { tr("_fini"); }

static char **main_argv, **main_envp;
static int main_argc, main_ret;
static int fake_main(int argc, char **argv, char **envp)
{
	main_argc = argc;
	main_argv = argv;
	main_envp = envp;
	tr("main");
	return main_ret;
}

static char *A0 = "prog", *A1 = "arg1", *E0 = "A=1", *E1 = "B=2";
#define TAG (1UL << 62)

/* argc, argv..., NULL, envp..., NULL, auxv pairs, AT_NULL (R0 order). */
static unsigned long stack[64];
static void build_stack(int argc, int envc, int with_proc)
{
	int i = 0;
	char *args[] = {A0, A1}, *envs[] = {E0, E1};
	stack[i++] = argc;
	for (int k = 0; k < argc; k++)
		stack[i++] = (unsigned long)args[k];
	stack[i++] = 0;
	for (int k = 0; k < envc; k++)
		stack[i++] = (unsigned long)envs[k];
	stack[i++] = 0;
	if (with_proc) {
		stack[i++] = REDOX_AT_PROC_FD;
		stack[i++] = TAG | 3;
	}
	stack[i++] = REDOX_AT_THR_FD;
	stack[i++] = TAG | 4;
	stack[i++] = REDOX_AT_UMASK;
	stack[i++] = 022;
	stack[i++] = REDOX_AT_PHDR;
	stack[i++] = 0x200040;
	stack[i++] = REDOX_AT_NULL;
	stack[i++] = 0;
}

static void reset(void)
{
	trace[0] = 0;
	err_len = 0;
	exit_calls = 0;
	environ = 0;
	main_ret = 0;
	main_argc = 0;
}

START_TEST(parses_stack_and_runs_in_order)
{
	reset();
	build_stack(2, 2, 1);
	main_ret = 300;
	if (!setjmp(exit_jmp))
		relibc_start_v1(stack, fake_main);
	ck_assert_int_eq(main_argc, 2);
	ck_assert_ptr_eq(main_argv, (char **)&stack[1]);
	ck_assert_str_eq(main_argv[1], "arg1");
	ck_assert_ptr_eq(main_envp, (char **)&stack[4]);
	ck_assert_ptr_eq(environ, main_envp);
	ck_assert_str_eq(environ[1], "B=2");
	ck_assert_int_eq(seen_argc, 2);
	ck_assert_ptr_eq(seen_argv, main_argv);
	ck_assert_ptr_eq(seen_envp, main_envp);
	ck_assert_str_eq(trace, "pre _init init main fini2 fini1 _fini ");
	ck_assert_int_eq(exit_calls, 1);
	ck_assert_uint_eq(exit_fd, TAG | 3);
	ck_assert_int_eq(exit_status, 300); /* proc_exit masks; the runtime passes it on */
}
END_TEST

START_TEST(auxv_lookup_after_start)
{
	reset();
	build_stack(0, 0, 1);
	if (!setjmp(exit_jmp))
		relibc_start_v1(stack, fake_main);
	unsigned long v = 99;
	ck_assert_int_eq(redox_getauxval_r(REDOX_AT_THR_FD, &v), 1);
	ck_assert_uint_eq(v, TAG | 4);
	ck_assert_uint_eq(redox_getauxval(REDOX_AT_UMASK), 022);
	ck_assert_uint_eq(redox_getauxval(REDOX_AT_PHDR), 0x200040);
	ck_assert_int_eq(redox_getauxval_r(REDOX_AT_ENTRY, &v), 0);
	ck_assert_uint_eq(redox_getauxval(REDOX_AT_ENTRY), 0);
	ck_assert_uint_eq(redox_proc_fd(), TAG | 3);
	ck_assert_ptr_eq(redox_auxv(), &stack[3]); /* argc, NULL, NULL, then auxv */
	ck_assert_ptr_eq(main_envp, (char **)&stack[2]);
	ck_assert_ptr_null(main_envp[0]);
}
END_TEST

static void h1(void) { tr("h1"); }
static void h2(void) { tr("h2"); }
static void h3(void) { tr("h3"); }
static void h_reg(void) { tr("reg"); atexit(h3); }
static void cx(void *a) { tr((const char *)a); }

START_TEST(atexit_reverse_and_registered_during_exit)
{
	reset();
	build_stack(1, 0, 1);
	ck_assert_int_eq(atexit(h1), 0);
	ck_assert_int_eq(__cxa_atexit(cx, "cx", (void *)0x1), 0);
	ck_assert_int_eq(atexit(h_reg), 0);
	ck_assert_int_eq(atexit(h2), 0);
	if (!setjmp(exit_jmp))
		relibc_start_v1(stack, fake_main);
	ck_assert_str_eq(trace, "pre _init init main h2 reg h3 cx h1 fini2 fini1 _fini ");
}
END_TEST

static int count;
static void inc(void) { count++; }

/* relibc's ATEXIT_FUNCS table has 32 slots (redox-abi.md §2, "exit()"),
   written here by hand so a changed REDOX_ATEXIT_MAX cannot pass. */
#define RELIBC_ATEXIT_SLOTS 32

START_TEST(atexit_table_limit)
{
	reset();
	count = 0;
	ck_assert_int_eq(REDOX_ATEXIT_MAX, RELIBC_ATEXIT_SLOTS);
	for (int i = 0; i < RELIBC_ATEXIT_SLOTS; i++)
		ck_assert_int_eq(atexit(inc), 0);
	ck_assert_int_eq(atexit(inc), -1);
	ck_assert_int_eq(atexit(0), -1);
	__cxa_finalize(0);
	ck_assert_int_eq(count, RELIBC_ATEXIT_SLOTS);
	/* The table is empty again and reusable. */
	ck_assert_int_eq(atexit(inc), 0);
	__cxa_finalize(0);
	ck_assert_int_eq(count, RELIBC_ATEXIT_SLOTS + 1);
}
END_TEST

START_TEST(cxa_finalize_one_dso)
{
	reset();
	__cxa_atexit(cx, "a1", (void *)0xa);
	__cxa_atexit(cx, "b1", (void *)0xb);
	__cxa_atexit(cx, "a2", (void *)0xa);
	__cxa_finalize((void *)0xa);
	ck_assert_str_eq(trace, "a2 a1 ");
	__cxa_finalize((void *)0xa);
	ck_assert_str_eq(trace, "a2 a1 ");
	__cxa_finalize(0);
	ck_assert_str_eq(trace, "a2 a1 b1 ");
}
END_TEST

/* A completed start (so _Exit has its proc fd), then a clean trace. */
static void start_then_reset(void)
{
	reset();
	build_stack(1, 0, 1);
	if (!setjmp(exit_jmp))
		relibc_start_v1(stack, fake_main);
	reset();
}

/* exit pops the table: a slot __cxa_finalize(dso) emptied in the middle is
   skipped, a handler registered while exiting runs next, then fini. */
START_TEST(exit_skips_slots_a_dso_finalize_emptied)
{
	start_then_reset();
	__cxa_atexit(cx, "a1", (void *)0xa);
	__cxa_atexit(cx, "b1", (void *)0xb);
	__cxa_atexit(cx, "a2", (void *)0xa);
	atexit(h_reg);
	__cxa_finalize((void *)0xb);
	ck_assert_str_eq(trace, "b1 ");
	if (!setjmp(exit_jmp))
		exit(4);
	ck_assert_str_eq(trace, "b1 reg h3 a2 a1 fini2 fini1 _fini ");
	ck_assert_int_eq(exit_status, 4);
	ck_assert_int_eq(exit_calls, 1);
}
END_TEST

START_TEST(underscore_exit_skips_handlers)
{
	start_then_reset();
	atexit(h1);
	if (!setjmp(exit_jmp))
		_Exit(5);
	ck_assert_str_eq(trace, "");
	ck_assert_int_eq(exit_status, 5);
	if (!setjmp(exit_jmp))
		_exit(6);
	ck_assert_int_eq(exit_status, 6);
	ck_assert_str_eq(trace, ""); /* _exit, like _Exit, runs no handler */
	__cxa_finalize(0);
}
END_TEST

/* A missing AT_REDOX_PROC_FD: message on fd 2, then a trap (SIGILL from
   ud2 on x86_64 hosts). Runs in a child so the trap is observable; the
   child's fd-2 writes go through a pipe. */
START_TEST(missing_proc_fd_traps_with_message)
{
	int p[2];
	char msg[512] = "";
	reset();
	ck_assert_int_eq(pipe(p), 0);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		mirror_fd = p[1];
		reset();
		build_stack(1, 0, 0);
		if (!setjmp(exit_jmp))
			relibc_start_v1(stack, fake_main);
		child_exit(); /* reached only if it did not trap */
	}
	close(p[1]);
	ssize_t n = read(p[0], msg, sizeof msg - 1);
	msg[n > 0 ? n : 0] = 0;
	close(p[0]);
	int st;
	waitpid(pid, &st, 0);
	ck_assert(WIFSIGNALED(st));
	ck_assert(WTERMSIG(st) == SIGILL || WTERMSIG(st) == SIGTRAP);
	ck_assert_msg(strstr(msg, "no AT_REDOX_PROC_FD (41)"), "message was: %s", msg);
	ck_assert_int_eq(main_argc, 0); /* main never ran in the parent either */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("start");
	TCase *t = tcase_create("core");
	tcase_add_test(t, parses_stack_and_runs_in_order);
	tcase_add_test(t, auxv_lookup_after_start);
	tcase_add_test(t, atexit_reverse_and_registered_during_exit);
	tcase_add_test(t, atexit_table_limit);
	tcase_add_test(t, cxa_finalize_one_dso);
	tcase_add_test(t, exit_skips_slots_a_dso_finalize_emptied);
	tcase_add_test(t, underscore_exit_skips_handlers);
	tcase_add_test(t, missing_proc_fd_traps_with_message);
	suite_add_tcase(s, t);
	return check_run(s, CK_NOFORK);
}
