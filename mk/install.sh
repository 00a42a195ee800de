#!/bin/sh
# Install or uninstall the built sysroot.
#   mk/install.sh install SYSROOT DEST
#   mk/install.sh uninstall DEST
# DEST is $(DESTDIR)$(PREFIX). install stages the whole tree next to its final
# place (same file system), writes the manifest, then renames every file into
# place, so an interrupted install leaves either the old file or the new one,
# never a half-written one, and the manifest already names everything.
set -eu
MANIFEST_REL=share/redox-crt/install-manifest
die() { echo "redox-crt install: $*" >&2; exit 1; }

writable_ancestor() {
	d=$1
	while [ ! -e "$d" ]; do d=$(dirname "$d"); done
	[ -d "$d" ] && [ -w "$d" ]
}

case ${1:-} in
install)
	src=$2 dest=$3
	[ -d "$src" ] || die "$src does not exist: nothing is built; fix: run make first"
	writable_ancestor "$dest" || die "cannot write to $dest (PREFIX/DESTDIR); fix: run as a user who can, or choose another PREFIX=… / DESTDIR=…"
	mkdir -p "$dest" || die "cannot create $dest; fix: choose another PREFIX=…"
	stage=$(mktemp -d "$dest/.redox-crt-stage.XXXXXX") || die "cannot create a staging directory in $dest"
	trap 'rm -rf "$stage"' EXIT INT TERM
	(cd "$src" && find . \( -type f -o -type l \) | sed 's|^\./||' | LC_ALL=C sort) > "$stage/.files"
	(cd "$src" && tar -cf - .) | (cd "$stage" && tar -xf -) || die "copy into staging failed"
	# Merge with a previous manifest so uninstall also removes files an
	# older install put there.
	mkdir -p "$stage/share/redox-crt"
	{ cat "$stage/.files"; echo "$MANIFEST_REL";
	  [ -f "$dest/$MANIFEST_REL" ] && cat "$dest/$MANIFEST_REL"; } | LC_ALL=C sort -u > "$stage/$MANIFEST_REL"
	rm "$stage/.files"
	# Directories first, then each file by rename; the manifest goes first.
	(cd "$stage" && find . -mindepth 1 -type d | sed 's|^\./||') | while read -r d; do
		mkdir -p "$dest/$d"
	done
	mv -f "$stage/$MANIFEST_REL" "$dest/$MANIFEST_REL"
	(cd "$stage" && find . \( -type f -o -type l \) | sed 's|^\./||') | while read -r f; do
		mv -f "$stage/$f" "$dest/$f"
	done
	n=$(wc -l < "$dest/$MANIFEST_REL")
	echo "redox-crt: installed $n files into $dest (manifest: $dest/$MANIFEST_REL)"
	;;
uninstall)
	dest=$2
	m="$dest/$MANIFEST_REL"
	[ -f "$m" ] || die "no manifest at $m: nothing from redox-crt is installed there; fix: pass the PREFIX/DESTDIR used for make install"
	dirs=
	while read -r f; do
		[ -n "$f" ] || continue
		case $f in /*|*..*) die "manifest $m has a bad entry '$f'; refusing to go on";; esac
		[ "$f" = "$MANIFEST_REL" ] && continue
		rm -f "$dest/$f"
		dirs="$dirs
$(dirname "$f")"
	done < "$m"
	rm -f "$m"
	dirs="$dirs
share/redox-crt"
	# Remove directories left empty, deepest first.
	echo "$dirs" | sed '/^$/d;/^\.$/d' | while read -r d; do
		while [ "$d" != . ] && [ -n "$d" ]; do echo "$d"; d=$(dirname "$d"); done
	done | LC_ALL=C sort -u -r | while read -r d; do
		rmdir "$dest/$d" 2>/dev/null || true
	done
	echo "redox-crt: uninstalled from $dest"
	;;
*) die "usage: $0 install SYSROOT DEST | uninstall DEST" ;;
esac
