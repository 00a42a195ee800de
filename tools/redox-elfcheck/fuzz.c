/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the whole analysis and both output formats on any bytes. */
#include "elfcheck.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A private, exactly sized copy so ASan sees any read past the end. */
	unsigned char *buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	struct ec_report r = { 0 };
	ec_check_buffer(buf, size, &r);
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		ec_print_text(null, "fuzz", &r, 0);
		ec_print_json(null, "fuzz", &r, 0, 1);
		fclose(null);
	}
	ec_report_free(&r);
	free(buf);
	return 0;
}
