/* SPDX-License-Identifier: MIT */
/* An entry that references main, _init and _fini only weakly: linked
   without the program's objects and without crti/crtn, each resolves to 0
   and its call jumps to address 0 (an aarch64 bl becomes a no-op). */
extern int main(int, char **, char **) __attribute__((weak));
extern void _init(void) __attribute__((weak));
extern void _fini(void) __attribute__((weak));
void _start(void);

void _start(void)
{
	_init();
	main(0, 0, 0);
	_fini();
	for (;;)
		__builtin_trap();
}
