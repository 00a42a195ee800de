/* SPDX-License-Identifier: MIT */
#include "elfcheck.h"

void ec_print_text(FILE *out, const char *file, const struct ec_report *r, int quiet)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct ec_finding *f = &r->f[i];
		if (quiet && f->sev == EC_INFO)
			continue;
		fprintf(out, "%s: %s[%s]: %s", file, ec_severity_name(f->sev), f->id,
			f->message);
		if (*f->fix)
			fprintf(out, " — fix: %s", f->fix);
		fputc('\n', out);
	}
	if (!quiet)
		fprintf(out, "%s: %zu errors, %zu warnings\n", file,
			ec_count(r, EC_ERROR), ec_count(r, EC_WARNING));
}

/* File names and messages may hold any bytes; bytes outside ASCII become
   \u00XX so the output is always valid UTF-8 JSON. */
void ec_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20 || *p >= 0x7f)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

void ec_print_json(FILE *out, const char *file, const struct ec_report *r, int quiet,
		   int first)
{
	size_t e = ec_count(r, EC_ERROR), w = ec_count(r, EC_WARNING);
	fputs(first ? "[\n" : ",\n", out);
	fputs("  {\"file\": ", out);
	ec_json_string(out, file);
	fprintf(out, ", \"status\": \"%s\", \"errors\": %zu, \"warnings\": %zu,"
		" \"findings\": [", r->unreadable ? "unreadable" : e + w ? "problems" : "clean",
		e, w);
	int n = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct ec_finding *f = &r->f[i];
		if (quiet && f->sev == EC_INFO)
			continue;
		fputs(n++ ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
		ec_json_string(out, f->id);
		fprintf(out, ", \"severity\": \"%s\", \"message\": ", ec_severity_name(f->sev));
		ec_json_string(out, f->message);
		fputs(", \"fix\": ", out);
		ec_json_string(out, f->fix);
		fputc('}', out);
	}
	fputs(n ? "\n  ]}" : "]}", out);
}
