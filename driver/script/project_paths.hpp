#pragma once
#include <string>

namespace retort::driver {

// Where a project is: its folder (-C) and its config file (-c; empty:
// <project_dir>/retort.yaml).
struct ProjectPaths {
    std::string project_dir = ".";
    std::string config_file;
};

}  // namespace retort::driver
