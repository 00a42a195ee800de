# file: toolchain/redox-crt-config.sh
# why: --endfiles puts crtn.o before crtend.o
/^		echo "$f$lib\/crtn.o" ;;$/{s/.*/		echo "$lib\/crtn.o $f" ;;/;}
