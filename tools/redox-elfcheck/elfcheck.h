/* SPDX-License-Identifier: MIT */
#ifndef REDOX_ELFCHECK_H
#define REDOX_ELFCHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum ec_severity { EC_INFO, EC_WARNING, EC_ERROR };

struct ec_finding {
	const char *id;
	enum ec_severity sev;
	char *message;
	char *fix;
};

struct ec_report {
	struct ec_finding *f;
	size_t n, cap;
	/* Set when the input could not be read as an ELF file at all (exit 2). */
	int unreadable;
};

/* Analyses an in-memory image. buf must be writable and stay valid during the
   call (libelf may convert it in place). Never fails: problems, including
   unreadable input, become findings. */
void ec_check_buffer(unsigned char *buf, size_t len, struct ec_report *r);
/* Reads and analyses one file. */
void ec_check_file(const char *path, struct ec_report *r);

void ec_add(struct ec_report *r, enum ec_severity sev, const char *id,
	    const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void ec_report_free(struct ec_report *r);
size_t ec_count(const struct ec_report *r, enum ec_severity sev);

/* Output. quiet drops info findings (and the per-file summary in text mode). */
void ec_print_text(FILE *out, const char *file, const struct ec_report *r, int quiet);
void ec_print_json(FILE *out, const char *file, const struct ec_report *r, int quiet,
		   int first);
void ec_json_string(FILE *out, const char *s);

/* Exposed for unit tests. */
int ec_is_return_x86_64(const unsigned char *code, size_t len);
int ec_is_return_aarch64(const unsigned char *code, size_t len);
const char *ec_severity_name(enum ec_severity sev);

#endif
