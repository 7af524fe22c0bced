/// The profile `xrperf profile init` writes. JSON has no comments, so it
/// teaches by example: one rule per common case, each with a `name` saying
/// what it is for. ProfileResolutionTests checks that it is valid.
public enum ProfileStarter {
    public static let text = """
        {
          "version": 1,
          "defaults": {
            "preset": "balanced",
            "controller": { "headroom": 0.03, "minRenderScale": 0.6 },
            "upscale": { "filter": "edge", "sharpness": 0.3 }
          },
          "platforms": [
            {
              "name": "a runtime: streaming over Wi-Fi needs more encoder room",
              "match": { "runtime": "*wivrn*" },
              "settings": { "controller": { "headroom": 0.15 } }
            },
            {
              "name": "a GPU: an older NVIDIA card keeps foveation on",
              "match": { "gpuVendor": "nvidia", "gpuName": "*GTX 10*" },
              "settings": { "foveation": { "mode": "fixed", "peripheralDensity": 0.5 } }
            }
          ],
          "apps": [
            {
              "name": "a game: sharp text in a flight simulator, half rate rather than blur",
              "match": { "application": "*flight*" },
              "settings": {
                "preset": "quality",
                "controller": { "frameDivisorAllowed": true },
                "throttle": { "targetFps": 0 }
              }
            }
          ]
        }

        """
}
