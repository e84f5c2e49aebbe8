// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CCW",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ccw", targets: ["ccw"]),
        .executable(name: "ccw-bench", targets: ["ccw-bench"]),
        .library(name: "TerminalKit", targets: ["TerminalKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "TerminalKit",
            dependencies: [
                "CNcursesw",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(name: "CCWDomain"),
        .target(
            name: "CCWCore",
            dependencies: [
                "CCWDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "CCWViewModels", dependencies: ["CCWCore", "CCWDomain"]),
        .target(name: "CCWScreens", dependencies: ["CCWViewModels", "CCWDomain", "TerminalKit"]),
        .executableTarget(
            name: "ccw",
            dependencies: [
                "CCWScreens", "CCWViewModels", "CCWCore", "CCWDomain", "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "ccw-bench",
            dependencies: [
                "CCWScreens", "CCWViewModels", "CCWCore", "CCWDomain", "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"], exclude: ["Snapshots"]),
        .testTarget(
            name: "CCWDomainTests",
            dependencies: ["CCWDomain", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "CCWCoreTests", dependencies: ["CCWCore", "CCWDomain"]),
        .testTarget(name: "CCWViewModelsTests", dependencies: ["CCWViewModels", "CCWCore", "CCWDomain"]),
        .testTarget(
            name: "CCWScreensTests",
            dependencies: ["CCWScreens", "CCWViewModels", "CCWCore", "TerminalKit"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ]
)
