/*
 * xrperf live telemetry: the shared-memory layout one session publishes and
 * `xrperf status` / `top` / `record` (or any C tool) read without talking to
 * the app.
 *
 * One file per session: $XDG_RUNTIME_DIR/xrperf/session-<pid>-<serial>.shm
 * (directory 0700, file 0600). The file is an XrPerfTelemetryHeader followed
 * by `recordCapacity` XrPerfFrameRecord slots. The k-th published frame
 * (k = 0, 1, 2, ...) lives in slot k % recordCapacity, and `publishedCount`
 * is the number published so far. A record's `frameIndex` counts xrWaitFrame
 * calls and may skip values (a frame whose xrEndFrame failed is never
 * published), so readers index the ring by publish count, not by frameIndex.
 * Every slot is guarded by its own seqlock: its
 * `sequence` is odd while the layer writes it. A slot may be written twice
 * (the app GPU time of a frame is known a frame or two after the frame was
 * published), so readers must always go through xrperf_telemetry_read_record.
 *
 * All times are nanoseconds. Timestamps are CLOCK_MONOTONIC unless named
 * otherwise; durations are signed and -1 means "not measured" (never 0).
 */
#ifndef XRPERF_TELEMETRY_H
#define XRPERF_TELEMETRY_H

#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define XRPERF_TELEMETRY_MAGIC 0x314D4C5446525058ull /* "XPRFTLM1" little-endian */
#define XRPERF_TELEMETRY_LAYOUT_VERSION 3u
/* Layout 2 ended the record at targetNs (152 bytes); readers of layout 3
 * may read a layout-2 file by copying recordSize bytes of each slot (the
 * fields after targetNs are then "not measured"). */
#define XRPERF_TELEMETRY_LAYOUT_VERSION_2_RECORD_SIZE 152u
#define XRPERF_TELEMETRY_DEFAULT_CAPACITY 1024u
#define XRPERF_TELEMETRY_NAME_SIZE 128u

/* XrPerfTelemetryHeader.state */
#define XRPERF_SESSION_STATE_RUNNING 1u
#define XRPERF_SESSION_STATE_ENDED 2u

/* XrPerfFrameRecord.flags */
#define XRPERF_FRAME_LATE (1u << 0)             /* displayed later than predicted: missedFrames > 0 */
#define XRPERF_FRAME_GPU_PENDING (1u << 1)      /* app GPU time not read back yet */
#define XRPERF_FRAME_GPU_UNAVAILABLE (1u << 2)  /* no timestamps for this frame (API, queue, or lost) */
#define XRPERF_FRAME_DISCARDED (1u << 3)        /* its xrBeginFrame returned XR_FRAME_DISCARDED: the frame begun before it was dropped */
#define XRPERF_FRAME_NOT_RENDERED (1u << 4)     /* shouldRender was false */

/* XrPerfFrameRecord.featureFlags */
#define XRPERF_FEATURE_GPU_TIMING (1u << 0)      /* Vulkan timestamps active for this session */
#define XRPERF_FEATURE_GPU_TIMING_BYPASSED (1u << 1) /* GPU timing failed and was turned off */
#define XRPERF_FEATURE_RECORDING (1u << 2)       /* XRPERF_RECORD is writing this session */
#define XRPERF_FEATURE_UPSCALING (1u << 3)       /* the layer upscales this session's eye buffers */
#define XRPERF_FEATURE_GPU_BUSY (1u << 4)        /* appGpuNs is the GPU's busy time over the app's submissions
                                                    (xrperf's Vulkan layer timed each), not the begin -> end span */

/* XrPerfFrameRecord.foveationMode */
#define XRPERF_FOVEATION_OFF 0u
#define XRPERF_FOVEATION_FIXED 1u
#define XRPERF_FOVEATION_GAZE 2u

/* XrPerfFrameRecord.passFilter */
#define XRPERF_PASS_FILTER_NONE 0u     /* the layer runs no upscaling pass */
#define XRPERF_PASS_FILTER_BILINEAR 1u
#define XRPERF_PASS_FILTER_EDGE 2u

typedef struct XrPerfFrameRecord {
    uint32_t sequence;               /* seqlock: odd while written */
    uint32_t flags;                  /* XRPERF_FRAME_* */
    uint64_t frameIndex;             /* 0-based count of xrWaitFrame calls that returned success */
    int64_t predictedDisplayTime;    /* XrTime from xrWaitFrame */
    int64_t predictedDisplayPeriod;  /* display period, from xrWaitFrame */
    int64_t waitCallNs;              /* app called xrWaitFrame */
    int64_t waitReturnNs;            /* xrWaitFrame returned to the app */
    int64_t beginCallNs;             /* app called xrBeginFrame */
    int64_t endCallNs;               /* app called xrEndFrame */
    int64_t endReturnNs;             /* xrEndFrame returned to the app */
    int64_t appCpuNs;                /* the busiest app thread's CPU time for the frame: simCpuNs + renderCpuNs
                                        when one thread does both, the larger when two do */
    int64_t appGpuNs;                /* GPU busy time over the app's submissions (XRPERF_FEATURE_GPU_BUSY), else
                                        timestamps xrBeginFrame -> xrEndFrame on the app queue; -1 unknown */
    int64_t layerCpuNs;              /* time spent inside the layer for this frame */
    int64_t layerGpuNs;              /* the layer's own GPU passes; 0 while it runs none */
    int64_t frameIntervalNs;         /* previous xrWaitFrame return -> this one; -1 for the first */
    uint32_t missedFrames;           /* display periods skipped since the previous frame */
    uint32_t featureFlags;           /* XRPERF_FEATURE_* */
    float renderScale;               /* per-axis scale in force (1 = app's own size) */
    uint32_t frameDivisor;           /* 1 = every display period, 2 = every second one */
    uint32_t foveationMode;          /* XRPERF_FOVEATION_* */
    uint32_t passFilter;             /* XRPERF_PASS_FILTER_*: the upscaling pass's filter in force */
    int64_t forecastGpuNs;           /* the controller's GPU forecast for this frame at the settings it chose; -1 none */
    int64_t targetNs;                /* the time it aimed to stay under; -1 none */
    /* Layout 3: */
    int64_t simCpuNs;                /* CPU time of the xrWaitFrame thread, wait return -> its next frame call */
    int64_t renderCpuNs;             /* CPU time of the xrBeginFrame thread, begin call -> xrEndFrame call */
} XrPerfFrameRecord;

typedef struct XrPerfTelemetryHeader {
    uint64_t magic;                  /* XRPERF_TELEMETRY_MAGIC */
    uint32_t layoutVersion;          /* XRPERF_TELEMETRY_LAYOUT_VERSION */
    uint32_t headerSize;             /* sizeof(XrPerfTelemetryHeader): records start here */
    uint32_t recordSize;             /* sizeof(XrPerfFrameRecord) */
    uint32_t recordCapacity;         /* slots in the ring */
    uint64_t publishedCount;         /* frames published so far (release-stored after each) */
    int32_t pid;                     /* the app's process */
    uint32_t state;                  /* XRPERF_SESSION_STATE_* */
    int64_t startRealtimeNs;         /* CLOCK_REALTIME at session creation */
    int64_t startMonotonicNs;        /* CLOCK_MONOTONIC at session creation */
    uint64_t sessionSerial;          /* distinguishes sessions of one process */
    char applicationName[XRPERF_TELEMETRY_NAME_SIZE];
    char engineName[XRPERF_TELEMETRY_NAME_SIZE];
    char runtimeName[XRPERF_TELEMETRY_NAME_SIZE];
    char systemName[XRPERF_TELEMETRY_NAME_SIZE];
    char gpuName[XRPERF_TELEMETRY_NAME_SIZE];
    char profile[XRPERF_TELEMETRY_NAME_SIZE];
    uint8_t reserved[192];           /* keeps the header at 1024 bytes */
} XrPerfTelemetryHeader;

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
_Static_assert(sizeof(XrPerfFrameRecord) == 168, "XrPerfFrameRecord layout changed: bump the layout version");
_Static_assert(sizeof(XrPerfTelemetryHeader) == 1024, "XrPerfTelemetryHeader layout changed: bump the layout version");
#endif

/* The slot of the `published`-th published frame (0-based). */
static inline XrPerfFrameRecord *xrperf_telemetry_slot(XrPerfTelemetryHeader *header, uint64_t published) {
    return (XrPerfFrameRecord *)((char *)header + header->headerSize) + (published % header->recordCapacity);
}

/* Writer side (one writer per session). */
static inline void xrperf_telemetry_write_record(XrPerfFrameRecord *slot, const XrPerfFrameRecord *value) {
    uint32_t sequence = __atomic_load_n(&slot->sequence, __ATOMIC_RELAXED);
    __atomic_store_n(&slot->sequence, sequence + 1, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    memcpy((char *)slot + sizeof(uint32_t), (const char *)value + sizeof(uint32_t),
           sizeof(XrPerfFrameRecord) - sizeof(uint32_t));
    __atomic_store_n(&slot->sequence, sequence + 2, __ATOMIC_RELEASE);
}

static inline void xrperf_telemetry_set_published(XrPerfTelemetryHeader *header, uint64_t count) {
    __atomic_store_n(&header->publishedCount, count, __ATOMIC_RELEASE);
}

static inline uint64_t xrperf_telemetry_published(const XrPerfTelemetryHeader *header) {
    return __atomic_load_n(&header->publishedCount, __ATOMIC_ACQUIRE);
}

static inline void xrperf_telemetry_set_state(XrPerfTelemetryHeader *header, uint32_t state) {
    __atomic_store_n(&header->state, state, __ATOMIC_RELEASE);
}

static inline uint32_t xrperf_telemetry_state(const XrPerfTelemetryHeader *header) {
    return __atomic_load_n(&header->state, __ATOMIC_ACQUIRE);
}

/* Reader side: copies a consistent snapshot of the slot; returns 0 when the
 * writer kept it busy for all attempts. */
static inline int xrperf_telemetry_read_record(const XrPerfFrameRecord *slot, XrPerfFrameRecord *out);

/* The same for a slot of `recordSize` bytes (the header's), which may be an
 * older layout's shorter record: the fields it lacks read -1 ("not
 * measured"). `slot` is the recordSize-strided slot address. */
static inline int xrperf_telemetry_read_sized_record(const void *slot, uint32_t recordSize, XrPerfFrameRecord *out) {
    size_t size = recordSize < sizeof(XrPerfFrameRecord) ? recordSize : sizeof(XrPerfFrameRecord);
    const uint32_t *sequence = (const uint32_t *)slot;
    for (int attempt = 0; attempt < 64; attempt++) {
        uint32_t before = __atomic_load_n(sequence, __ATOMIC_ACQUIRE);
        if (before & 1u) continue;
        memset(out, 0xff, sizeof(XrPerfFrameRecord));
        memcpy(out, slot, size);
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        uint32_t after = __atomic_load_n(sequence, __ATOMIC_RELAXED);
        if (before == after) {
            out->sequence = before;
            return 1;
        }
    }
    return 0;
}

static inline int xrperf_telemetry_read_record(const XrPerfFrameRecord *slot, XrPerfFrameRecord *out) {
    for (int attempt = 0; attempt < 64; attempt++) {
        uint32_t before = __atomic_load_n(&slot->sequence, __ATOMIC_ACQUIRE);
        if (before & 1u) continue;
        memcpy(out, slot, sizeof(XrPerfFrameRecord));
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        uint32_t after = __atomic_load_n(&slot->sequence, __ATOMIC_RELAXED);
        if (before == after) {
            out->sequence = before;
            return 1;
        }
    }
    return 0;
}

#ifdef __cplusplus
}
#endif

#endif
