/*
 * libFuzzer's own driver, called from each fuzz target's main.swift.
 * SwiftPM links an executable's entry point as `main` (--defsym main=<Module>_main),
 * so libFuzzer's main() is never used; the Swift main hands control to this.
 */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
