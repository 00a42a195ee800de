/* SPDX-License-Identifier: MIT */
/* check-env's autotools probe: built through configure's CC and a static
   library made with its AR and RANLIB; <redox/syscall.h> comes through the
   include directory pkg-config (PKG_CONFIG_LIBDIR) named. */
#include "config.h"
#include <stdio.h>
#include <redox/syscall.h>

int greet(const char *who);

int main(int argc, char **argv)
{
#if defined(HAVE_WCHAR_H) && defined(HAVE_MBSRTOWCS)
	const char *wide = "wchar.h and mbsrtowcs found";
#else
	const char *wide = "wchar.h or mbsrtowcs missing";
#endif
	greet(argc > 1 ? argv[1] : "nobody");
	printf("probe: %s\n", wide);
	/* A constant from redox-crt's own header: the include path works. */
	printf("probe: SYS_OPENAT=%ld\n", (long)SYS_OPENAT);
	return 7;
}
