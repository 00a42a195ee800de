#!/bin/sh
# usage: tests/rust-std/target-dir.sh LINK CACHE SYSROOT ARCH...
# Makes LINK (build/rust-std/target, the CARGO_TARGET_DIR of check-rust-std
# and of check-readme's Rust blocks) a symlink to CACHE/rust-std/<key>, so
# the std that -Zbuild-std compiles (minutes per arch) survives a fresh
# clone or `make clean`, like relibc's cache. The key is what std's build
# depends on outside the crate: the rustc and cargo versions, the specs and
# the sysroot path (in the config's rustflags). cargo itself rebuilds
# whatever else changed. Without a usable CACHE, LINK is a plain directory.
# Only the RUST_STD_CACHE_KEEP most recently used keys are kept.
set -eu
link=$1 cache=$2 sysroot=$3; shift 3
key=$({ "$RUSTC" -vV; "$CARGO" -V; echo "$sysroot"
	for a in "$@"; do cat "$sysroot/share/redox-crt/rust/$a-unknown-redox-clif.json"; done; } 2>&1 |
	sha256sum | cut -c1-16)
dir=$cache/rust-std/$key
mkdir -p "$(dirname "$link")"
if mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ]; then
	# Each checkout path is a key of its own (about 1.4 GB for two arches):
	# keep the RUST_STD_CACHE_KEEP (default 4) most recently used, so clones
	# that come and go (CI) do not fill the disk; one used in the last two
	# hours may be another tree's running build and is never pruned.
	touch "$dir"
	keep=${RUST_STD_CACHE_KEEP:-4}
	case $keep in ''|*[!0-9]*) echo "  RUST-STD note: RUST_STD_CACHE_KEEP='$keep' is not a number; keeping 4" >&2; keep=4 ;; esac
	[ "$keep" -ge 1 ] || keep=1
	ls -1t "$cache/rust-std" | grep -xE '[0-9a-f]{16}' | tail -n +$((keep + 1)) | while read -r old; do
		[ "$cache/rust-std/$old" = "$dir" ] && continue
		[ -n "$(find "$cache/rust-std/$old" -maxdepth 0 -mmin -120)" ] && continue
		echo "  RUST-STD pruned the least recently used std cache $cache/rust-std/$old" >&2
		rm -rf "${cache:?}/rust-std/$old"
	done
	[ "$(readlink "$link" 2>/dev/null)" = "$dir" ] && exit 0
	rm -rf "$link"
	ln -s "$dir" "$link"
	echo "  RUST-STD cargo target dir $link -> $dir"
else
	echo "  RUST-STD note: cannot write $dir; $link is a plain directory (std is rebuilt after make clean)" >&2
	[ -L "$link" ] && rm -f "$link"
	mkdir -p "$link"
fi
