#pragma once
// One function per command, each in its own cmd_*.cpp file.
#include "driver/cli.hpp"

namespace retort::driver {

int cmd_init(Invocation&);       // cmd_init.cpp
int cmd_check(Invocation&);      // cmd_check.cpp
int cmd_sum(Invocation&);        // cmd_sum.cpp
int cmd_upgrade(Invocation&);    // cmd_script.cpp
int cmd_downgrade(Invocation&);  // cmd_script.cpp
int cmd_stamp(Invocation&);      // cmd_script.cpp
int cmd_revision(Invocation&);   // cmd_revision.cpp
int cmd_merge(Invocation&);      // cmd_revision.cpp
int cmd_history(Invocation&);    // cmd_graph.cpp
int cmd_heads(Invocation&);      // cmd_graph.cpp
int cmd_branches(Invocation&);   // cmd_graph.cpp
int cmd_show(Invocation&);       // cmd_graph.cpp
int cmd_plan(Invocation&);       // cmd_plan.cpp
int cmd_lint(Invocation&);       // cmd_lint.cpp
int cmd_schema(Invocation&);     // cmd_schema.cpp
int cmd_import(Invocation&);     // cmd_import.cpp

// For commands not built yet: says so plainly and exits 2.
int not_built_yet(Invocation& inv, const char* issue);

}  // namespace retort::driver
