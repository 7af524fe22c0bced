/// What a view shows: stereo views and the wide views 0 and 1 of
/// XR_VARJO_quad_views cover the whole field of view (peripheral); quad views
/// 2 and 3 are the narrow, denser focus views inside them.
enum ViewRole: String {
    case peripheral
    case focus

    /// The role of view `index` in a configuration of `viewCount` views.
    init(index: Int, viewCount: Int) {
        self = viewCount == 4 && index >= 2 ? .focus : .peripheral
    }
}
