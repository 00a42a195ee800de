/* SPDX-License-Identifier: MIT */
#include "config.h"
#include <stdio.h>

int greet(const char *who)
{
	return printf("probe: hello, %s\n", who);
}
