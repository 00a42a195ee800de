# file: tools/redox-run/stack.c
# why: environment strings placed in order instead of reversed
/^	for (int i = in->envc - 1; i >= 0; i--)$/s/.*/	for (int i = 0; i < in->envc; i++)/
