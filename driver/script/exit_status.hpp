#pragma once
// Exit status of cli.md, shared by the commands and the script library.

namespace retort::driver {

inline constexpr int exit_ok = 0;
inline constexpr int exit_input_error = 1;  // diagnostics printed, check differs, lint error
inline constexpr int exit_usage = 2;

}  // namespace retort::driver
