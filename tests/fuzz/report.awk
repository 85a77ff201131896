# report.awk: the gist of a sanitizer or FUZZ_CHECK report in a libFuzzer
# log: the error line, the top frames of the first stack, the SUMMARY line.
/ERROR: |runtime error|FUZZ_CHECK|ERROR: libFuzzer/ { print "    " $0; next }
/^ *#[0-9]+ / {
    if (!done && n < 7 && $0 !~ / in (LLVMFuzzerTestOneInput|fuzzer::|main|__libc|_start|__sanitizer|raise|abort|__pthread_kill)|libc\.so/) {
        print "    " $0
        n++
    }
    next
}
/^$/ { if (n) done = 1 }
/^SUMMARY/ { print "    " $0 }
