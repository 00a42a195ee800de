// SPDX-License-Identifier: MIT
// A C++ program linked by <triple>-clang -nolibc (issue 14): main stays
// unmangled, the global's constructor runs before main, and its destructor,
// which clang registers with __cxa_atexit(dtor, &g, &__dso_handle), runs at
// exit after the later-registered atexit handler (reverse order).
extern "C" {
#include <redox/start.h>
#include <redox/syscall.h>
}

static void say(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	redox_write(1, s, n);
}

struct Global {
	int v;
	Global() : v(42) { say("constructor\n"); }
	~Global() { say("destructor\n"); }
};
Global g;

static void later() { say("atexit handler\n"); }

int main()
{
	atexit(later);
	say(g.v == 42 ? "main sees the constructed global\n" : "main: global NOT constructed\n");
	return 7;
}
