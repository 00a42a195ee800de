#!/bin/sh
# Install or uninstall the built sysroot (docs/install.md).
#   mk/install.sh install SYSROOT DEST [PREFIX]
#   mk/install.sh uninstall DEST [PREFIX]
# DEST is $(DESTDIR)$(PREFIX); PREFIX (for messages and the absolute-path
# rule) defaults to DEST. Every path is data: make passes them in the
# environment, never through a shell command line.
#
# Atomicity: the tree lives in DEST/share/redox-crt/slot-a or slot-b; the
# public paths (bin/<tool>, <triple>/, share/redox-crt/<dir>) are symlinks
# through DEST/share/redox-crt/current, a symlink to the active slot. An
# install fills the other slot (manifest included), then renames a new
# `current` over the old one: at every instant, killed or not, the prefix
# shows the old sysroot or the new one, whole. Leftover stages are removed
# by the next install or uninstall.
set -eu
SHARE_REL=share/redox-crt
MANIFEST_REL=$SHARE_REL/install-manifest
die() { echo "redox-crt install: $*" >&2; exit 1; }
note() { echo "redox-crt: $*"; }

# sha256 of a file, or - for a symlink.
sum() { if [ -L "$1" ]; then echo -; else sha256sum < "$1" | cut -d' ' -f1; fi; }

check_dest() {
	case $prefix in
	/*) ;;
	*) die "PREFIX '$prefix' is not an absolute path; fix: make install PREFIX=/absolute/path" ;;
	esac
	d=$dest
	while [ ! -e "$d" ] && [ ! -L "$d" ]; do d=$(dirname "$d"); done
	if [ ! -d "$d" ]; then
		if [ "$d" = "$dest" ]; then
			die "$dest is a regular file, not a directory; fix: remove it or choose another PREFIX=… / DESTDIR=…"
		fi
		die "$d is not a directory, so $dest cannot be created; fix: choose another PREFIX=… / DESTDIR=…"
	fi
	[ -w "$d" ] || die "cannot write to $d (for $dest); fix: run as a user who can, or choose another PREFIX=… / DESTDIR=…"
}

# Remove what an interrupted run left: stages, a half-made `current`.
cleanup() {
	for s in "$dest"/.redox-crt-stage.* "$dest/$SHARE_REL"/.redox-crt-stage.* \
		 "$dest/$SHARE_REL"/current.new.*; do
		if [ -e "$s" ] || [ -L "$s" ]; then
			rm -rf "$s"
			note "removed $s, left by an interrupted install"
		fi
	done
}

# The public paths for a tree: each top-level entry of bin/, the
# <triple> directories, and each entry of share/redox-crt/.
public_paths() {
	(cd "$1" && for f in bin/* share/redox-crt/* *-unknown-redox; do
		[ -e "$f" ] || continue
		case $f in share/redox-crt/install-manifest) continue ;; esac
		echo "$f"
	done)
}

# Where a public path's symlink points.
link_target() {
	case $1 in
	bin/*) echo "../$SHARE_REL/current/$1" ;;
	share/redox-crt/*) echo "current/$1" ;;
	*) echo "$SHARE_REL/current/$1" ;;
	esac
}

# Is DEST/$1 ours: our symlink, or (an older flat install) a file its
# manifest lists, or a directory all of whose files it lists?
ours() {
	p=$dest/$1
	if [ -L "$p" ] && [ "$(readlink "$p")" = "$(link_target "$1")" ]; then return 0; fi
	[ -f "$old_manifest" ] || return 1
	if [ -d "$p" ] && [ ! -L "$p" ]; then
		[ -n "$(find "$p" \( -type f -o -type l \) -print -quit)" ] || return 1
		(cd "$dest" && find "$1" \( -type f -o -type l \)) | while IFS= read -r f; do
			grep -Fxq -e "$f" "$old_manifest" || exit 1
		done
		return
	fi
	grep -Fxq -e "$1" "$old_manifest"
}

case ${1:-} in
install)
	src=$2 dest=$3 prefix=${4:-$3}
	[ -d "$src" ] || die "$src does not exist: nothing is built; fix: run make first"
	check_dest
	mkdir -p "$dest/$SHARE_REL" || die "cannot create $dest/$SHARE_REL; fix: choose another PREFIX=…"
	cleanup
	old_manifest=$dest/$MANIFEST_REL
	# Refuse to replace what redox-crt did not put there.
	foreign=
	for f in $(public_paths "$src"); do
		p=$dest/$f
		if { [ -e "$p" ] || [ -L "$p" ]; } && ! ours "$f"; then foreign="$foreign $f"; fi
	done
	if [ -n "$foreign" ]; then
		[ "${FORCE:-0}" = 1 ] || die "$dest already has files redox-crt did not install:$foreign; fix: move them away, or make install FORCE=1 to replace them"
		for f in $foreign; do rm -rf "${dest:?}/$f"; done
	fi
	cur=$(readlink "$dest/$SHARE_REL/current" 2>/dev/null || true)
	new=slot-a
	[ "$cur" = slot-a ] && new=slot-b
	share=$dest/$SHARE_REL
	stage=$(mktemp -d "$share/.redox-crt-stage.XXXXXX") || die "cannot create a staging directory in $share"
	trap 'rm -rf "$stage"' EXIT
	trap 'rm -rf "$stage"; exit 1' INT TERM
	(cd "$src" && tar -cf - .) | (cd "$stage" && tar -xf -) || die "copy into staging failed"
	# The manifest travels with its tree: switching `current` switches both.
	mkdir -p "$stage/$SHARE_REL"
	{
		for f in $(public_paths "$src"); do echo "L $(link_target "$f") $f"; done
		# One sha256sum for all files (symlinks get "-").
		(cd "$stage" && find . -type l ! -path "./$MANIFEST_REL" | sed 's|^\./|F - |'
		 find . -type f ! -path "./$MANIFEST_REL" -print0 | xargs -0 -r sha256sum |
			sed 's|^\([0-9a-f]*\)  \./|F \1 |') | LC_ALL=C sort -k3
	} > "$stage/$MANIFEST_REL"
	rm -rf "${share:?}/$new"
	mv "$stage" "$share/$new"
	trap - EXIT INT TERM
	# Public symlinks through `current` (a new one dangles until the switch).
	for f in $(public_paths "$src"); do
		p=$dest/$f t=$(link_target "$f")
		[ -L "$p" ] && [ "$(readlink "$p")" = "$t" ] && continue
		mkdir -p "$(dirname "$p")"
		ln -s "$t" "$p.redox-crt-new"
		if [ -d "$p" ] && [ ! -L "$p" ]; then rm -rf "$p"; fi   # an old flat install
		mv -fT "$p.redox-crt-new" "$p"
	done
	[ -L "$dest/$MANIFEST_REL" ] || { rm -f "$dest/$MANIFEST_REL"; ln -s "current/$MANIFEST_REL" "$dest/$MANIFEST_REL"; }
	# The switch: one rename.
	ln -s "$new" "$share/current.new.$$"
	mv -fT "$share/current.new.$$" "$share/current"
	# Public links the new tree no longer has; files of an old flat install.
	if [ -n "$cur" ] && [ -f "$share/$cur/$MANIFEST_REL" ]; then
		sed -n 's/^L [^ ]* //p' "$share/$cur/$MANIFEST_REL" | while IFS= read -r f; do
			[ -e "$share/$new/$f" ] || { [ -L "$dest/$f" ] && rm -f "$dest/$f"; }
		done
	fi
	n=$(grep -c '^F ' "$share/$new/$MANIFEST_REL")
	note "installed $n files into $dest (manifest: $dest/$MANIFEST_REL)"
	;;
uninstall)
	dest=$2 prefix=${3:-$2}
	check_dest
	m=$dest/$MANIFEST_REL
	[ -f "$m" ] || die "no manifest at $m: nothing from redox-crt is installed there; fix: pass the PREFIX/DESTDIR used for make install"
	cleanup
	share=$dest/$SHARE_REL
	cur=$(readlink "$share/current" 2>/dev/null || true)
	kept= changed=
	if [ -z "$cur" ]; then
		# A flat install by an older install.sh: one path per line.
		while IFS= read -r f; do
			[ -n "$f" ] || continue
			case $f in /*|*..*) die "manifest $m has a bad entry '$f'; refusing to go on";; esac
			rm -f "$dest/$f"
		done < "$m"
	else
		case $cur in slot-a|slot-b) ;; *) die "$share/current points at '$cur', not a slot; refusing to go on";; esac
		tree=$share/$cur
		# Files: removed unless changed since install.
		while read -r kind a f; do
			[ "$kind" = F ] || continue
			case $f in /*|*..*) die "manifest $m has a bad entry '$f'; refusing to go on";; esac
			if [ -e "$tree/$f" ] || [ -L "$tree/$f" ]; then
				if [ "$(sum "$tree/$f")" = "$a" ]; then rm -f "$tree/$f"; else changed="$changed $f"; fi
			fi
		done < "$m"
		# What is left (changed, or put there since) stays reachable.
		kept=$(cd "$tree" && find . \( -type f -o -type l \) ! -path "./$MANIFEST_REL" | sed 's|^\./||')
		while read -r kind a f; do
			[ "$kind" = L ] || continue
			keep=0
			for k in $kept; do case $k in "$f"|"$f"/*) keep=1 ;; esac; done
			if [ $keep = 0 ] && [ -L "$dest/$f" ] && [ "$(readlink "$dest/$f")" = "$a" ]; then rm -f "$dest/$f"; fi
		done < "$m"
		other=slot-a
		[ "$cur" = slot-a ] && other=slot-b
		rm -rf "${share:?}/$other"
		rm -f "$tree/$MANIFEST_REL" "$m"
		find "$tree" -depth -type d -empty -delete 2>/dev/null || true
		[ -n "$kept" ] || rm -f "$share/current"
	fi
	# Directories left empty, deepest first (never DEST itself).
	for d in bin "$SHARE_REL" share; do rmdir "$dest/$d" 2>/dev/null || true; done
	for f in $kept; do
		case " $changed " in
		*" $f "*) note "$dest/$f was changed after install; left in place" ;;
		*) note "$dest/$f was not installed by redox-crt; left in place" ;;
		esac
	done
	note "uninstalled from $dest"
	;;
*) die "usage: $0 install SYSROOT DEST [PREFIX] | uninstall DEST [PREFIX]" ;;
esac
