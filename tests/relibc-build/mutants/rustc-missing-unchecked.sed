# file: relibc/build-relibc.sh
# why: a RUSTC that does not exist is not reported as "not found" (the check is gone)
/^command -v "\$RUSTC" >\/dev\/null 2>&1 || die "RUSTC=\$RUSTC not found;/d
