# file: relibc/symbols.sh
# why: the weak duplicates of openlibm's math are weakened (they already are) instead of localized
/"\$OBJCOPY" --localize-symbols=/s/--localize-symbols=/--weaken-symbols=/
