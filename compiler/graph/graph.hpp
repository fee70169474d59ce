#pragma once
// The revision graph and the planner (issue 3). Placeholder until that work lands.
namespace retort::graph {}
