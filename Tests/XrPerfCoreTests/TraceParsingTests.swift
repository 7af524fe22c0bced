import Testing
@testable import XrPerfCore

@Suite struct TraceParsingTests {
    @Test func csvReadsGpuAndCpuAndIgnoresOtherColumns() throws {
        let trace = try TraceParser.parse("frame, GPU_MS ,cpu_ms,note\n1,8.5,4,a\n2,9,,b\n3,7.5,5,c\n")
        #expect(trace.gpuMs == [8.5, 9, 7.5])
        #expect(trace.cpuMs == [4, 0, 5])
        #expect(trace.hasCPU)
    }

    @Test func csvSkipsEmptyAndNonPositiveGpuRows() throws {
        let trace = try TraceParser.parse("gpu_ms\n8\n\n,\n0\n-2\n9\n")
        #expect(trace.gpuMs == [8, 9])
        #expect(!trace.hasCPU)
    }

    @Test func missingColumnIsNamed() {
        #expect { try TraceParser.parse("frame,cpu_ms\n1,2\n") } throws: { error in
            let error = error as! TraceError
            return error.kind == .missingColumn && error.message.contains("gpu_ms") && error.message.contains("frame, cpu_ms")
        }
    }

    @Test func textInANumericFieldNamesLineAndColumn() {
        #expect { try TraceParser.parse("gpu_ms,cpu_ms\n8,4\n9,fast\n") } throws: { error in
            let error = error as! TraceError
            return error.kind == .notANumber && error.message.contains("line 3") && error.message.contains("cpu_ms")
                && error.message.contains("'fast'")
        }
        #expect { try TraceParser.parse("gpu_ms\n8\nnan\n") } throws: { ($0 as! TraceError).kind == .notANumber }
    }

    @Test func emptyAndOneFrameTracesAreRefused() {
        #expect { try TraceParser.parse("") } throws: { ($0 as! TraceError).kind == .empty }
        #expect { try TraceParser.parse(" \n\n") } throws: { ($0 as! TraceError).kind == .empty }
        #expect { try TraceParser.parse("gpu_ms\n") } throws: { ($0 as! TraceError).kind == .tooFewFrames }
        #expect { try TraceParser.parse("gpu_ms\n8\n") } throws: { error in
            let error = error as! TraceError
            return error.kind == .tooFewFrames && error.message.contains("1 usable frame")
        }
    }

    @Test func jsonLinesSkipTheHeaderAndReadFrameFields() throws {
        let text = """
            {"type":"header","format":"xrperf-recording","version":1,"session":{"app":"x"}}
            {"type":"frame","frame":1,"app_gpu_ms":8.5,"app_cpu_ms":4.25,"flags":["late"],"nested":{"gpu_ms":99}}
            {"type":"frame","frame":2,"app_gpu_ms":null,"app_cpu_ms":4}
            {"type":"frame","frame":3,"gpu_ms":9,"render_scale":0.5}
            {"type":"end","frames":3}
            """
        let trace = try TraceParser.parse(text)
        #expect(trace.gpuMs == [8.5, 9])
        #expect(trace.cpuMs == [4.25, 0])
        #expect(trace.renderScale == [1, 0.5])
    }

    @Test func jsonLinesErrorsNameTheLine() {
        #expect { try TraceParser.parse("{\"app_gpu_ms\":8}\n{\"app_gpu_ms\":\"slow\"}\n") } throws: { error in
            let error = error as! TraceError
            return error.kind == .notANumber && error.message.contains("line 2")
        }
        #expect { try TraceParser.parse("{\"app_gpu_ms\":8}\nnot json\n") } throws: { error in
            let error = error as! TraceError
            return error.kind == .malformedLine && error.message.contains("line 2")
        }
        #expect { try TraceParser.parse("{\"frame\":1}\n{\"frame\":2}\n") } throws: { ($0 as! TraceError).kind == .missingColumn }
    }

    @Test func recordingsAtReducedScaleAreConvertedToFullQuality() throws {
        let trace = FrameTrace(gpuMs: [6, 6], renderScale: [0.5, 1])
        let frames = SimulationFrames(trace: trace, parameters: SimulationParameters(fixedFraction: 0.2))
        // 6 ms at scale 0.5 is 6 / (0.2 + 0.8 x 0.25) = 15 ms at full quality.
        #expect(abs(frames.gpuMs[0] / frames.gpuMs[1] - 2.5) < 1e-12)
    }
}
