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

/* Length of the valid UTF-8 sequence at p (RFC 3629: no overlongs, no
   surrogates, nothing past U+10FFFF), 0 if there is none. */
static size_t utf8_len(const unsigned char *p)
{
	unsigned c = p[0];
	size_t n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
	if (!n || c > 0xf4)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f) ||
	    (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
		return 0;
	return n;
}

/* File names and messages may hold any bytes. Valid UTF-8 passes through;
   a byte that is not part of valid UTF-8 becomes the lone surrogate
   \udcXX (PEP 383 "surrogateescape": Python's os.fsencode of the decoded
   string gives the original bytes back); control characters are \u00XX. */
void ec_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		size_t n;
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(out, "\\u%04x", *p);
			else if (*p < 0x80)
				fputc(*p, out);
			else if ((n = utf8_len(p))) {
				fwrite(p, 1, n, out);
				p += n - 1;
			} else
				fprintf(out, "\\udc%02x", *p);
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
