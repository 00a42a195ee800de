# SPDX-License-Identifier: MIT
# Split a Markdown file into its fenced code blocks (tests/readme/README).
# Writes OUT/N.txt (the block's lines, its fence's indentation removed) and
# prints one line per block on stdout:
#   block<TAB>N<TAB>LINE<TAB>LANG<TAB>MARKER
# where LINE is the opening fence's line number and MARKER the text of a
# `<!-- readme-test: ... -->` comment on the line directly before the fence
# (empty when there is none), and one line per marker that is not directly
# followed by a fence:
#   dangling<TAB>LINE<TAB>MARKER
# usage: awk -v OUT=DIR -f extract.awk FILE.md
function marker_of(s) {
	if (s !~ /^[ \t]*<!--[ \t]*readme-test:/) return ""
	sub(/^[ \t]*<!--[ \t]*readme-test:[ \t]*/, "", s)
	sub(/[ \t]*-->[ \t]*$/, "", s)
	return s == "" ? " " : s
}
BEGIN { n = 0; infence = 0; prev = ""; prevline = 0; pending = "" }
{
	line = $0
	if (infence) {
		if (line ~ /^[ \t]*```[ \t]*$/) { infence = 0; close(file); prev = line; next }
		l = line
		if (indent > 0 && substr(l, 1, indent) ~ /^[ ]*$/) l = substr(l, indent + 1)
		print l > file
		next
	}
	if (line ~ /^[ \t]*```/) {
		n++
		indent = match(line, /```/) - 1
		lang = substr(line, indent + 4)
		sub(/[ \t].*$/, "", lang)
		m = marker_of(prev)
		if (m == " ") m = "?"
		printf "block\t%d\t%d\t%s\t%s\n", n, NR, lang, m
		pending = ""
		file = OUT "/" n ".txt"
		printf "" > file
		infence = 1
		prev = line
		next
	}
	if (pending != "") printf "dangling\t%d\t%s\n", pendingline, pending
	pending = ""
	m = marker_of(line)
	if (m != "") { pending = m; pendingline = NR }
	prev = line
}
END {
	if (pending != "") printf "dangling\t%d\t%s\n", pendingline, pending
	if (infence) printf "unclosed\t%d\n", NR
}
