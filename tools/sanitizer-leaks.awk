# Prints the LeakSanitizer reports' direct leaks that are this project's: those whose
# first frame past the allocator is not in a module listed in ALLOWED (a file,
# Tests/sanitizers/leak-allocators.txt). Exit status 1 when there is one.
BEGIN {
    while ((getline line < ALLOWED) > 0) if (line !~ /^#/ && line != "") allowed[line] = 1
}
# Only direct leaks are judged: an indirect leak is reachable only from other
# leaked blocks, so it is excused or not with the direct leak that holds it
# (the loader's leaked instance holds strings whose allocating frame can even
# lie in a module unloaded by then: "<unknown module>").
/Direct leak of/ { header = $0; judged = 0; next }
/Indirect leak of/ { header = ""; next }
/^    #[0-9]+ / && header != "" && !judged {
    if ($0 ~ /asan_malloc|asan_new_delete| in (malloc|calloc|realloc|strdup|operator new)/) next
    judged = 1
    module = $0
    sub(/ \(BuildId.*/, "", module); sub(/.*\(/, "", module); sub(/\+0x.*/, "", module); sub(/.*\//, "", module)
    if (!(module in allowed)) { print header; print $0; ours++ }
}
END { exit ours > 0 }
