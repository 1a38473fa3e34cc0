#pragma once
/// @file export.hpp
/// `INBURGERING_EXPORT` marks what a shared build of the library exports. The library is built
/// with hidden visibility (`-fvisibility=hidden`), so only the public API is visible in
/// `libinburgering.so`; its dependencies (SQLite, SQLiteCpp, nlohmann-json) are not. In a static
/// build the marker is harmless.

#if defined(__GNUC__) || defined(__clang__)
#define INBURGERING_EXPORT __attribute__((visibility("default")))
#else
#define INBURGERING_EXPORT
#endif
