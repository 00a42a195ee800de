# SPDX-License-Identifier: MIT
# Find the documentation citations in source and documentation files.
# usage: awk -f cite.awk FILE...
# Prints one line per citation:
#   FILE<TAB>LINE<TAB>KIND<TAB>TARGET<TAB>SECTIONS
# KIND is "sec" for `<name>.md §N` (SECTIONS: the numbers cited, space-separated:
# `§1–§2`, `§1, §2`, `§3/§4` cite each), "path" for a docs/<name>.md mention
# without a section, "link" for a Markdown link target `](X.md)` or
# `](X.md#anchor)` in a .md file.
function emit(kind, target, secs) {
	printf "%s\t%d\t%s\t%s\t%s\n", FILENAME, FNR, kind, target, secs
}
{
	line = $0
	# Markdown links to .md files (not URLs).
	if (FILENAME ~ /\.md$/) {
		s = line
		while (match(s, /\]\([^) \t]+\.md(#[^) \t]*)?\)/)) {
			t = substr(s, RSTART + 2, RLENGTH - 3)
			s = substr(s, RSTART + RLENGTH)
			sub(/#.*$/, "", t)
			if (t !~ /^[a-z]+:/) emit("link", t, "")
		}
	}
	# <name>.md followed by sections, and docs/<name>.md paths.
	s = line
	while (match(s, /[A-Za-z0-9_.\/-]*[A-Za-z0-9_-]\.md/)) {
		name = substr(s, RSTART, RLENGTH)
		s = substr(s, RSTART + RLENGTH)
		# Sections: only a closing backquote and white space before the §.
		rest = s
		secs = ""
		if (match(rest, /^[`]?[ \t]*§[ \t]?[0-9]+[a-z]?(\.[0-9]+)*/)) {
			while (1) {
				m = substr(rest, RSTART, RLENGTH)
				sub(/^[`]?[ \t,\/–-]*(and[ \t]+)?§[ \t]?/, "", m)
				secs = secs (secs == "" ? "" : " ") m
				rest = substr(rest, RSTART + RLENGTH)
				if (!match(rest, /^[ \t]*([,\/–-]|and)[ \t]*§[ \t]?[0-9]+[a-z]?(\.[0-9]+)*/)) break
			}
			emit("sec", name, secs)
		} else if (name ~ /(^|\/)docs\/[^\/]+\.md$/) {
			emit("path", name, "")
		}
	}
}
