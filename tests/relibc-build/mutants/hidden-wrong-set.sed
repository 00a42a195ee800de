# file: relibc/symbols.sh
# why: comm -23 for -12: the weak symbols openlibm does NOT define are hidden instead
/comm -12 "\$lists\/relibc.weak" "\$lists\/openlibm.defs"/s/comm -12/comm -23/
