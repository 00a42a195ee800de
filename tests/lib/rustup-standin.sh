# SPDX-License-Identifier: MIT
# rustup_standin DIR [REAL-RUSTC]: write DIR/rustc, a stand-in for the rustc a
# rustup toolchain without the rust-src component puts first on PATH (a
# user's common setup; issue 16): it answers -V/-vV as rustc 1.95.0, prints a
# sysroot (DIR/sysroot) without lib/rustlib/src, and
# - with REAL-RUSTC, passes everything else to it, marking the built-in
#   target specs it prints ("vendor": "fake") so a spec made from the
#   stand-in can be told from one made by the real rustc;
# - without, fails for everything else, naming the command that used it.
rustup_standin() {
	mkdir -p "$1/sysroot/lib/rustlib"
	if [ -n "${2:-}" ]; then
		_rest="*target-spec-json*) \"$2\" \"\$@\" | jq '.vendor = \"fake\"'; exit ;;
*) exec \"$2\" \"\$@\" ;;"
	else
		_rest="*) echo \"error: a rustup-like rustc without rust-src was run (\$*): this command depends on the rustc first on PATH; use \\\$(redox-crt-config --rustc)\" >&2; exit 1 ;;"
	fi
	cat > "$1/rustc" <<EOF2
#!/bin/sh
case "\$*" in
-V|--version) echo "rustc 1.95.0 (rustup stand-in)"; exit 0 ;;
-vV) printf 'rustc 1.95.0 (rustup stand-in)\nrelease: 1.95.0\nhost: x86_64-unknown-linux-gnu\n'; exit 0 ;;
*"--print sysroot"*) echo "$1/sysroot"; exit 0 ;;
$_rest
esac
EOF2
	chmod +x "$1/rustc"
}
