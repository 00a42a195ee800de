# file: relibc/symbols.sh
# why: only weak objects (V) count as weak, so compiler_builtins' weak functions (W) stay global
/awk '\$1 == "W" || \$1 == "V" { print \$2 }'/s/\$1 == "W" || //
