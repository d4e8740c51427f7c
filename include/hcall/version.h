/* SPDX-License-Identifier: MIT */
/*
 * hcall/version.h - the version of these headers.
 *
 * Semantic versioning (docs/stability.md says what may change between
 * minor versions). HCALL_VERSION packs the three numbers so that a plain
 * comparison orders them:
 *
 *   #if HCALL_VERSION >= HCALL_VERSION_NUM(0, 2, 0)
 *
 * The test suite checks these numbers against the project version in
 * meson.build, and the CMake package reads them from here.
 */
#ifndef HCALL_VERSION_H
#define HCALL_VERSION_H

#define HCALL_VERSION_MAJOR 0
#define HCALL_VERSION_MINOR 1
#define HCALL_VERSION_PATCH 0

/* HCALL_VERSION_NUM(major, minor, patch) - one comparable number. */
#define HCALL_VERSION_NUM(major, minor, patch) \
	(((major) * 10000) + ((minor) * 100) + (patch))

#define HCALL_VERSION \
	HCALL_VERSION_NUM(HCALL_VERSION_MAJOR, HCALL_VERSION_MINOR, HCALL_VERSION_PATCH)

/* The version as a string, "0.1.0". */
#define HCALL_VERSION_STRING "0.1.0"

#endif /* HCALL_VERSION_H */
