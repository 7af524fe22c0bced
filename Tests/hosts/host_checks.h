/*
 * The checks of the extension test hosts: each prints "ok <what>" or
 * "FAIL <what>: <detail>", and the host exits with the number of failures.
 * Include after host_common.h.
 */
#ifndef XRPERF_HOST_CHECKS_H
#define XRPERF_HOST_CHECKS_H

static int failures = 0;

static inline void expect(int condition, const char *what, const char *detail) {
    if (condition) {
        printf("ok %s\n", what);
    } else {
        printf("FAIL %s: %s\n", what, detail);
        failures++;
    }
}

static inline void expect_result(XrResult actual, XrResult wanted, const char *what) {
    char detail[64];
    snprintf(detail, sizeof(detail), "got %d, wanted %d", (int)actual, (int)wanted);
    expect(actual == wanted, what, detail);
}

/* Whether the loader lists `name` (the runtime's or an enabled layer's). */
static inline int offers(const char *name) {
    uint32_t count = 0;
    HOST_CHECK(xrEnumerateInstanceExtensionProperties(NULL, 0, &count, NULL));
    XrExtensionProperties *properties = calloc(count, sizeof(*properties));
    for (uint32_t i = 0; i < count; i++) properties[i].type = XR_TYPE_EXTENSION_PROPERTIES;
    HOST_CHECK(xrEnumerateInstanceExtensionProperties(NULL, count, &count, properties));
    int found = 0;
    for (uint32_t i = 0; i < count; i++) found |= strcmp(properties[i].extensionName, name) == 0;
    free(properties);
    return found;
}

#endif
