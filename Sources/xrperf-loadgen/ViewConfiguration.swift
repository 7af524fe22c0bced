import COpenXR

/// The view configuration the session runs: PRIMARY_STEREO, or with
/// --quad-views XR_VARJO_quad_views' PRIMARY_QUAD_VARJO (views 0 and 1 the
/// wide peripheral views, 2 and 3 the narrow focus views), with its views as
/// xrEnumerateViewConfigurationViews describes them. The session asks for the
/// views when it makes its swapchains, where loadgen always did.
struct ViewConfiguration {
    let type: XrViewConfigurationType
    let views: [XrViewConfigurationView]

    var viewCount: Int { views.count }
    var isQuad: Bool { type == XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO }

    /// As the summary prints it: the enumerant without XR_VIEW_CONFIGURATION_TYPE_.
    var name: String { Self.name(of: type) }

    func role(of view: Int) -> ViewRole { ViewRole(index: view, viewCount: viewCount) }

    /// The views `type` has, which the enumeration must confirm.
    static func viewCount(of type: XrViewConfigurationType) -> Int {
        type == XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO ? 4 : 2
    }

    /// `type`'s views: stereo, or quad views (foveated sizes with `foveated`).
    static func enumerate(_ connection: XrConnection, _ type: XrViewConfigurationType,
                          foveated: Bool) throws(LoadgenError) -> ViewConfiguration {
        type == XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO
            ? try quad(connection, foveated: foveated) : try stereo(connection)
    }

    static func name(of type: XrViewConfigurationType) -> String {
        switch type {
        case XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO: "PRIMARY_MONO"
        case XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO: "PRIMARY_STEREO"
        case XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO: "PRIMARY_QUAD_VARJO"
        default: String(type.rawValue)
        }
    }

    /// PRIMARY_STEREO, which every head-mounted system has: asked for directly,
    /// exactly as loadgen always did.
    static func stereo(_ connection: XrConnection) throws(LoadgenError) -> ViewConfiguration {
        let type = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO
        let views = try enumerateViews(connection, type, foveated: false)
        guard views.count == 2 else { throw .unsupported("PRIMARY_STEREO has \(views.count) views, expected 2") }
        return ViewConfiguration(type: type, views: views)
    }

    /// Throws unless the system lists PRIMARY_QUAD_VARJO in
    /// xrEnumerateViewConfigurations: checked before the session is created.
    static func requireQuad(_ connection: XrConnection) throws(LoadgenError) {
        let offered = try offeredTypes(connection)
        guard offered.contains(XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO) else {
            throw .unsupported("--quad-views: the system offers no XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO "
                               + "(xrEnumerateViewConfigurations: \(offered.map(name(of:)).joined(separator: ", ")))")
        }
    }

    /// PRIMARY_QUAD_VARJO's 4 views. `foveated`: their recommended sizes for
    /// foveated rendering (XrFoveatedViewConfigurationViewVARJO).
    static func quad(_ connection: XrConnection, foveated: Bool) throws(LoadgenError) -> ViewConfiguration {
        let type = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_QUAD_VARJO
        let views = try enumerateViews(connection, type, foveated: foveated)
        guard views.count == 4 else { throw .unsupported("PRIMARY_QUAD_VARJO has \(views.count) views, expected 4") }
        return ViewConfiguration(type: type, views: views)
    }

    private static func offeredTypes(_ connection: XrConnection) throws(LoadgenError) -> [XrViewConfigurationType] {
        var count: UInt32 = 0
        try connection.check(xrEnumerateViewConfigurations(connection.instance, connection.system, 0, &count, nil),
                             "xrEnumerateViewConfigurations")
        var types = [XrViewConfigurationType](repeating: XrViewConfigurationType(rawValue: 0), count: Int(count))
        try connection.check(xrEnumerateViewConfigurations(connection.instance, connection.system, count, &count,
                                                           &types), "xrEnumerateViewConfigurations")
        return Array(types.prefix(Int(count)))
    }

    /// The two-call idiom; with `foveated`, each view's `next` holds an
    /// XrFoveatedViewConfigurationViewVARJO asking for the foveated sizes
    /// (XR_VARJO_foveated_rendering), cleared again before the views are kept.
    private static func enumerateViews(_ connection: XrConnection, _ type: XrViewConfigurationType,
                                       foveated: Bool) throws(LoadgenError) -> [XrViewConfigurationView] {
        var count: UInt32 = 0
        try connection.check(xrEnumerateViewConfigurationViews(connection.instance, connection.system, type, 0,
                                                               &count, nil), "xrEnumerateViewConfigurationViews")
        var views = [XrViewConfigurationView](repeating: XrViewConfigurationView(), count: Int(count))
        let requests = UnsafeMutablePointer<XrFoveatedViewConfigurationViewVARJO>.allocate(capacity: max(Int(count), 1))
        defer { requests.deallocate() }
        for index in views.indices {
            views[index].type = XR_TYPE_VIEW_CONFIGURATION_VIEW
            if foveated {
                requests[index] = XrFoveatedViewConfigurationViewVARJO(
                    type: XR_TYPE_FOVEATED_VIEW_CONFIGURATION_VIEW_VARJO, next: nil,
                    foveatedRenderingActive: XrBool32(XR_TRUE))
                views[index].next = UnsafeMutableRawPointer(requests + index)
            }
        }
        try connection.check(xrEnumerateViewConfigurationViews(connection.instance, connection.system, type, count,
                                                               &count, &views), "xrEnumerateViewConfigurationViews")
        for index in views.indices { views[index].next = nil }
        return Array(views.prefix(Int(count)))
    }
}
