# file: toolchain/import-relibc.sh
# why: the ABI note goes to the first member listed instead of relibc_start_v1's (a program never links it)
/NF == 3 && \$2 == "T" && \$3 == "relibc_start_v1" { print m; exit }')/s/NF == 3 && \$2 == "T" && \$3 == "relibc_start_v1"/m != ""/
