# file: relibc/symbols.sh
# why: libc.a is made of relibc's members only: openlibm is not merged in
/"\$AR" qcL "\$out" "\$rl" "\$olm"/s/ "\$olm" \&\&/ \&\&/
