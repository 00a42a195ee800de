/* SPDX-License-Identifier: MIT */
/* Symbols by which redox-elfcheck recognises unwind stubs and builtins,
   and a weak hook that is allowed to stay undefined. */
extern void optional_hook(void) __attribute__((weak));
int _Unwind_Backtrace(void *fn, void *arg);
unsigned __int128 __udivti3(unsigned __int128 a, unsigned __int128 b);
int use_stubs(void);

int _Unwind_Backtrace(void *fn, void *arg)
{
	(void)fn;
	(void)arg;
	return 5;
}

unsigned __int128 __udivti3(unsigned __int128 a, unsigned __int128 b)
{
	return b ? a >> 1 : 0;
}

int use_stubs(void)
{
	if (optional_hook)
		optional_hook();
	return 0;
}
