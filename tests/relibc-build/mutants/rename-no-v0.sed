# file: relibc/symbols.sh
# why: v0-mangled (_R...) Rust symbols are left unrenamed, so they clash with a Rust program's own
/^	\$2 ~ \/\^_R\/ || \$2 ~ /s/\$2 ~ \/\^_R\/ || //
