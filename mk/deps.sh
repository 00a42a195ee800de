#!/bin/sh
# Check that Debian packages are installed. As root with apt-get available,
# install the missing ones; otherwise print the exact command and fail.
# usage: mk/deps.sh WHAT PKG...
set -u
what=$1; shift
missing=
for p in "$@"; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case $st in *" installed") ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0
if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "redox-crt: cannot check packages (no dpkg-query); install:$missing" >&2
	exit 1
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "redox-crt: installing Debian packages needed to $what:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-get install -y -q --no-install-recommends $missing >&2; then
		apt-get update -q >&2 && apt-get install -y -q --no-install-recommends $missing >&2 || {
			echo "redox-crt: apt-get could not install:$missing" >&2
			exit 1
		}
	fi
	exit 0
fi
echo "redox-crt: Debian packages needed to $what are missing:$missing" >&2
echo "redox-crt: fix: sudo apt-get install$missing" >&2
exit 1
