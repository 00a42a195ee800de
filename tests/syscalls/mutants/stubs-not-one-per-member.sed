# file: syscalls/gen.awk
# why: every per-wrapper stub file gets all the wrappers again (one member no longer holds one wrapper)
s/if (nargs\[k\] >= 0 \&\& (only == "" || only == wname(k))) {/if (nargs[k] >= 0) {/
